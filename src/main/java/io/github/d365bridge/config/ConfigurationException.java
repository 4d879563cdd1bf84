package io.github.d365bridge.config;

import java.util.List;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/** Start-up refused because the configuration is incomplete or wrong; lists every problem at once. */
public class ConfigurationException extends PermanentFailureException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        this("Invalid configuration", problems);
    }

    /** @param title what was invalid, e.g. which file; the problems follow it one per line */
    public ConfigurationException(String title, List<String> problems) {
        super(ExternalSystem.BRIDGE, title + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
