package io.github.d365bridge.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads profile text (YAML, or JSON, which YAML includes) into a tree of objects, arrays, strings and
 * nulls. Every scalar stays a string: YAML 1.1 would read warehouse {@code 011} as 9 (octal), language
 * {@code no} as false and item {@code 1e3} as a number, and codes must reach D365 exactly as typed.
 * Duplicate keys are refused, because the later one silently winning is how mapping mistakes hide.
 * SnakeYAML comes with quarkus-config-yaml.
 */
final class ProfileYaml {

    private ProfileYaml() {
    }

    /** @return the document as an object, or null with the reason added to {@code problems} */
    static ObjectNode read(String text, String source, List<String> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new StringsOnlyResolver());
        Object document;
        try {
            document = yaml.load(text);
        } catch (YAMLException e) {
            problems.add(source + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
            return null;
        }
        if (document == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(document instanceof Map<?, ?> map)) {
            problems.add(source + ": must be a mapping of keys (legalEntities, stores, …) at the top");
            return null;
        }
        return object(map);
    }

    private static ObjectNode object(Map<?, ?> map) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            node.set(String.valueOf(entry.getKey()), tree(entry.getValue()));
        }
        return node;
    }

    private static JsonNode tree(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            return object(map);
        }
        if (value instanceof List<?> list) {
            var array = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> array.add(tree(item)));
            return array;
        }
        return JsonNodeFactory.instance.textNode(String.valueOf(value));
    }

    /** Resolves only null ({@code ~}, {@code null}, empty); everything else is a string. */
    private static final class StringsOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }

    /** Lists the null leaves with their dotted key, e.g. {@code stores.eu_en.warehouse}. */
    static void findNulls(JsonNode node, String path, List<String> nullPaths) {
        if (node.isNull()) {
            nullPaths.add(path);
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                findNulls(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), nullPaths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNulls(node.get(i), path + "[" + i + "]", nullPaths);
            }
        }
    }

    static List<String> nullPaths(JsonNode root) {
        List<String> paths = new ArrayList<>();
        findNulls(root, "", paths);
        return paths;
    }
}
