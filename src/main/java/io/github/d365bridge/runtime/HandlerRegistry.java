package io.github.d365bridge.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.github.d365bridge.config.ConfigurationException;

/**
 * Resolves each handler's app setting to its queue name or schedule, once, with an error naming the
 * setting when it is missing. The Functions adapters and the standalone runtime both look handlers up
 * here, so the queue a handler listens on is decided in one place.
 */
@ApplicationScoped
public class HandlerRegistry {

    private final Map<String, QueueHandler> byQueue;
    private final Map<TimerHandler, String> schedules;

    @Inject
    public HandlerRegistry(Instance<QueueHandler> queueHandlers, Instance<TimerHandler> timerHandlers, Config config) {
        Map<String, QueueHandler> queues = new LinkedHashMap<>();
        for (QueueHandler handler : queueHandlers) {
            String queue = setting(config, handler.queueSetting());
            QueueHandler previous = queues.put(queue, handler);
            if (previous != null) {
                throw new ConfigurationException(List.of("queue '" + queue + "' is claimed by both "
                        + previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName()));
            }
        }
        Map<TimerHandler, String> timers = new LinkedHashMap<>();
        for (TimerHandler handler : timerHandlers) {
            timers.put(handler, setting(config, handler.scheduleSetting()));
        }
        this.byQueue = Collections.unmodifiableMap(queues);
        this.schedules = Collections.unmodifiableMap(timers);
    }

    public Optional<QueueHandler> forQueue(String queue) {
        return Optional.ofNullable(byQueue.get(queue));
    }

    /** Queue names that have a handler, in a stable order. */
    public List<String> queues() {
        return List.copyOf(byQueue.keySet());
    }

    /** Every timer handler with its NCRONTAB schedule. */
    public Map<TimerHandler, String> timers() {
        return schedules;
    }

    /** The queue a setting names; for handlers that enqueue to another step's queue. */
    public static String setting(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank())
                .orElseThrow(() -> new ConfigurationException(List.of("app setting " + name + " is required")));
    }
}
