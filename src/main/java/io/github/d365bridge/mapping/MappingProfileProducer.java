package io.github.d365bridge.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.github.d365bridge.config.MappingConfig;
import io.quarkus.runtime.Startup;

/**
 * Makes the mapping profile injectable. Created at start-up, not on first order, so a profile with an
 * unknown legal entity or key stops the app at deployment with the list of keys to fix instead of
 * failing every order later.
 */
@ApplicationScoped
public class MappingProfileProducer {

    @Produces
    @Singleton
    @Startup
    MappingProfile mappingProfile(MappingConfig config) {
        return MappingProfileLoader.load(config.profile());
    }
}
