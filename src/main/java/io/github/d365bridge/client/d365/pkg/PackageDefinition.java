package io.github.d365bridge.client.d365.pkg;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a package to be written holds: the data project (definition group) it is imported into and
 * its entities in manifest order.
 *
 * @param definitionGroupName the data project, which must already exist in D365 with the same entities
 * @param description         free text shown in D365's package and job pages
 * @param entities            at least one; labels and data file names unique
 */
public record PackageDefinition(String definitionGroupName, String description, List<PackageEntity> entities) {

    public PackageDefinition {
        XmlText.requireName(definitionGroupName, "definition group name");
        description = XmlText.requireLegal(description == null ? "" : description, "package description");
        if (entities == null || entities.isEmpty()) {
            throw new IllegalArgumentException("package for '" + definitionGroupName + "' needs at least one entity");
        }
        entities = List.copyOf(entities);
        Set<String> labels = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (PackageEntity entity : entities) {
            if (!labels.add(entity.label().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("entity '" + entity.label() + "' appears twice in the package");
            }
            // Zip entry names are compared case-insensitively by D365's Windows side.
            if (!files.add(entity.dataFileName().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two entities would share the data file '"
                        + entity.dataFileName() + "'");
            }
        }
    }

    public static PackageDefinition of(String definitionGroupName, String description, PackageEntity... entities) {
        return new PackageDefinition(definitionGroupName, description, List.of(entities));
    }

    public Optional<PackageEntity> entity(String label) {
        return entities.stream().filter(e -> e.label().equals(label)).findFirst();
    }
}
