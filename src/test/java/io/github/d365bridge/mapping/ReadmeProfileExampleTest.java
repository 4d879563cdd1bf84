package io.github.d365bridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's example override must be a profile the loader accepts. */
class ReadmeProfileExampleTest {

    @Test
    void theReadmeExampleLoads() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Mapping profile"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        String example = section.substring(start, section.indexOf("```", start));

        MappingProfile profile = MappingProfileLoader.withOverride(example, "README example");

        assertThat(profile.stores()).containsOnlyKeys("default", "uk_en");
        assertThat(profile.items().itemNumber("EU-1000")).contains("1000");
        assertThat(profile.deliveryModes().map("dhl_express")).isEqualTo("AIR");
    }
}
