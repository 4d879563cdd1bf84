package io.github.d365bridge.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/** Refuses to start with a configuration that would fail later, naming every bad key. */
@ApplicationScoped
public class ConfigValidationStartup {

    void onStart(@Observes @jakarta.annotation.Priority(1) Startup event, StorageConfig storage,
            RuntimeConfig runtime, OpsConfig ops, D365Config d365, CommerceConfig commerce, IntakeConfig intake) {
        List<String> problems = new java.util.ArrayList<>(ConfigValidator.validate(storage, runtime, ops, d365, commerce));
        problems.addAll(ConfigValidator.validateIntake(intake));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
