package io.github.d365bridge.mapping;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Binds the merged profile tree to {@link MappingProfile}, turning every binding problem into a message
 * that names the dotted key: unknown keys (all of them, with the keys that are allowed there), values
 * outside an enumeration, and values of the wrong shape.
 */
final class ProfileBinder {

    private ProfileBinder() {
    }

    /** @return the bound profile, or null when {@code problems} got at least one entry */
    static MappingProfile bind(ObjectNode tree, List<String> problems) {
        int before = problems.size();
        List<String> nulls = ProfileYaml.nullPaths(tree);
        nulls.forEach(path -> problems.add(path + ": has no value (quote an empty code as \"\"; ~ only removes"
                + " a default entry in an override file)"));
        if (!nulls.isEmpty()) {
            return null;
        }
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .addHandler(new UnknownKeys(problems))
                .build();
        try {
            MappingProfile profile = mapper.treeToValue(tree, MappingProfile.class);
            return problems.size() > before ? null : profile;
        } catch (InvalidFormatException e) {
            problems.add(path(e) + ": '" + e.getValue() + "' is not one of " + allowed(e.getTargetType()));
        } catch (JsonMappingException e) {
            problems.add(path(e) + ": " + shape(e));
        } catch (IOException e) {
            problems.add("profile: cannot be read: " + e.getMessage());
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "profile" : path.toString();
    }

    private static String shape(JsonMappingException e) {
        String text = e.getOriginalMessage();
        if (text.contains("from Array value") || text.contains("from Object value")) {
            return "must be a single value, not a list or section";
        }
        if (text.contains("from String value") || text.contains("START_OBJECT") || text.contains("START_ARRAY")) {
            return "has the wrong shape (a section or list was expected where a value was given, or the reverse)";
        }
        return text.lines().findFirst().orElse(text);
    }

    /** The YAML spellings of an enum's constants. */
    static String allowed(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "[true, false]";
        }
        if (!type.isEnum()) {
            return "the allowed values of " + type.getSimpleName();
        }
        return Arrays.stream(type.getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                .map(f -> {
                    JsonProperty name = f.getAnnotation(JsonProperty.class);
                    return name == null ? f.getName() : name.value();
                }).collect(Collectors.joining(", ", "[", "]"));
    }

    static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** Collects every unknown key instead of stopping at the first, so one start-up lists them all. */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        private final List<String> problems;

        UnknownKeys(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            Collection<Object> known = deserializer.getKnownPropertyNames();
            String knownText = known == null || known.isEmpty() ? ""
                    : "; allowed here: " + new TreeSet<>(known.stream().map(String::valueOf).toList());
            problems.add(pathOf(p.getParsingContext()) + ": unknown key" + knownText);
            p.skipChildren();
            return true;
        }
    }
}
