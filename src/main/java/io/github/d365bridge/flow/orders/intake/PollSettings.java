package io.github.d365bridge.flow.orders.intake;

import java.time.Duration;
import java.util.List;

import io.github.d365bridge.config.IntakeConfig;

/**
 * What a poll run reads: {@code updated_at >= watermark - overlap} (or {@code now - initialLookBack} on a
 * store's first run), optionally only some statuses, in pages of {@code pageSize}.
 */
public record PollSettings(Duration overlap, Duration initialLookBack, List<String> statuses, int pageSize) {

    public PollSettings {
        statuses = List.copyOf(statuses);
    }

    public static PollSettings from(IntakeConfig.Poll poll) {
        return new PollSettings(poll.overlap(), poll.initialLookBack(), poll.statuses().orElse(List.of()),
                poll.pageSize());
    }
}
