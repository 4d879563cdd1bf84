package io.github.d365bridge.client.d365.pkg;

import java.util.List;
import java.util.Optional;

/**
 * The content of a package's {@code Manifest.xml} as far as reading the package needs it.
 *
 * @param definitionGroupName the data project the package was exported from or is meant for
 * @param description         {@code Description}, empty when absent
 * @param entities            in manifest order
 */
public record PackageManifest(String definitionGroupName, String description, List<ManifestEntity> entities) {

    public PackageManifest {
        entities = List.copyOf(entities);
    }

    /**
     * The entity with this label, or failing that with this target entity. Both compare without
     * case, because D365 itself resolves entity names that way.
     */
    public Optional<ManifestEntity> entity(String labelOrTargetEntity) {
        return entities.stream().filter(e -> e.label().equalsIgnoreCase(labelOrTargetEntity)).findFirst()
                .or(() -> entities.stream()
                        .filter(e -> e.targetEntity() != null && e.targetEntity().equalsIgnoreCase(labelOrTargetEntity))
                        .findFirst());
    }
}
