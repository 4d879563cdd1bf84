package io.github.d365bridge.runtime;

/**
 * A scheduled step. The schedule is an NCRONTAB expression (six fields, UTC) read from an app setting,
 * the same one the Functions timer trigger references as {@code %SETTING%}.
 */
public interface TimerHandler {

    /** The app setting holding the schedule, e.g. {@code HOUSEKEEPING_SCHEDULE}. */
    String scheduleSetting();

    /** A short name for logs and the status view. */
    String name();

    void run();
}
