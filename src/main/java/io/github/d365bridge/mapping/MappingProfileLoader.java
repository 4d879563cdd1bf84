package io.github.d365bridge.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.config.ConfigValidator;
import io.github.d365bridge.config.ConfigurationException;

/**
 * Loads the mapping profile once: the built-in default ({@value #DEFAULT_RESOURCE}), the override file
 * merged over it ({@link ProfileMerge}), bound ({@link ProfileBinder}) and validated
 * ({@link ProfileValidator}). Any problem is a {@link ConfigurationException} listing every offending
 * key, so start-up fails once with the whole list rather than once per mistake.
 */
public final class MappingProfileLoader {

    public static final String DEFAULT_RESOURCE = "mapping/default-profile.yaml";
    static final String PROFILE_PROPERTY = "bridge.mapping.profile";

    private MappingProfileLoader() {
    }

    /** The default profile merged with the override file, if one is named. */
    public static MappingProfile load(Optional<Path> overrideFile) {
        String defaults = defaultText();
        if (overrideFile.isEmpty()) {
            return fromText(defaults, Optional.empty(), DEFAULT_RESOURCE);
        }
        Path file = overrideFile.get();
        String override;
        try {
            override = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("Invalid mapping profile", List.of(PROFILE_PROPERTY + " (app setting "
                    + ConfigValidator.appSetting(PROFILE_PROPERTY) + "): cannot read '" + file + "': " + e));
        }
        return fromText(defaults, Optional.of(override), DEFAULT_RESOURCE + " + " + file);
    }

    /** The default profile with an override given as text (tests, tools). */
    public static MappingProfile withOverride(String overrideYaml, String source) {
        return fromText(defaultText(), Optional.of(overrideYaml), DEFAULT_RESOURCE + " + " + source);
    }

    /**
     * The profile from texts: the default and an optional override merged over it.
     *
     * @param source named in the exception's title, so an operator knows which files to look at
     */
    public static MappingProfile fromText(String defaults, Optional<String> override, String source) {
        List<String> problems = new ArrayList<>();
        ObjectNode tree = ProfileYaml.read(defaults, DEFAULT_RESOURCE, problems);
        ObjectNode overrideTree = override.map(text -> ProfileYaml.read(text, "override file", problems)).orElse(null);
        MappingProfile profile = null;
        if (problems.isEmpty()) {
            ObjectNode merged = overrideTree == null ? tree : ProfileMerge.merge(tree, overrideTree);
            profile = ProfileBinder.bind(merged, problems);
        }
        if (profile != null) {
            problems.addAll(ProfileValidator.validate(profile));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid mapping profile (" + source + ")", problems);
        }
        return profile;
    }

    static String defaultText() {
        try (InputStream in = MappingProfileLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default mapping profile " + DEFAULT_RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default mapping profile " + DEFAULT_RESOURCE, e);
        }
    }
}
