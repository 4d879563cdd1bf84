package io.github.d365bridge.ground;

import java.util.UUID;

import org.jboss.logging.MDC;

/**
 * The correlation id that follows one business event from intake through every queue message, remote
 * call and log line. Kept in the logging MDC so the log format prints it without every call site
 * having to pass it along.
 */
public final class Correlation {

    public static final String MDC_KEY = "correlationId";
    public static final String HEADER = "x-correlation-id";

    private Correlation() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The id in scope, or a fresh one when nothing set it (a timer run, say). */
    public static String currentOrNew() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? newId() : value.toString();
    }

    /** Sets the id for the current thread until the returned scope is closed. */
    public static Scope open(String correlationId) {
        Object previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, correlationId == null ? newId() : correlationId);
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** A try-with-resources scope that does not throw. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
