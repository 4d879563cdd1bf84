package io.github.d365bridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.d365bridge.config.ConfigurationException;
import io.github.d365bridge.config.MappingConfig;

/** The producer is what start-up runs; without Quarkus, called as CDI would call it. */
class MappingProfileProducerTest {

    @Test
    void producesTheDefaultProfileWithoutAnOverride() {
        MappingConfig config = Optional::empty;

        assertThat(new MappingProfileProducer().mappingProfile(config).stores()).containsKeys("default", "eu_en");
    }

    @Test
    void refusesABadOverrideNamingTheKeyAndTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, "stores:\n  eu_en:\n    legalEntity: xx\n");
        MappingConfig config = () -> Optional.of(file);

        assertThatThrownBy(() -> new MappingProfileProducer().mappingProfile(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Invalid mapping profile (" + MappingProfileLoader.DEFAULT_RESOURCE + " + " + file + ")")
                .hasMessageContaining("stores.eu_en.legalEntity: 'xx' is not one of the legal entities [usmf, demf]");
    }
}
