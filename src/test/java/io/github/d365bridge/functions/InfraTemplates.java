package io.github.d365bridge.functions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app settings that one infrastructure template writes, and the defaults of the parameters they come
 * from. Neither a Bicep compiler nor the Terraform provider runs on the build machines, so this reads text
 * by the conventions both templates follow: a setting is written on one line from one parameter
 * ({@code NAME: [string(]param[)]} in Bicep, {@code NAME = [tostring(]var.name[)]} in Terraform), a map
 * setting as {@code 'PREFIX${key}_'} from one map parameter, and each parameter declares its default in the
 * usual place. A template that leaves these conventions fails the check instead of passing it unread.
 */
final class InfraTemplates {

    /** Any text up to the next top-level {@code variable} block: a variable without default must not borrow one. */
    private static final String WITHIN_BLOCK = "(?:(?!\\nvariable\\s).)*?";

    private final String name;
    private final String text;
    private final boolean bicep;

    private InfraTemplates(String name, String text, boolean bicep) {
        this.name = name;
        this.text = text;
        this.bicep = bicep;
    }

    static InfraTemplates bicep(Path template) throws IOException {
        return new InfraTemplates(template.toString(), Files.readString(template), true);
    }

    /** @param files the module's files that hold its locals and its variables */
    static InfraTemplates terraform(Path... files) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(Files.readString(file)).append('\n');
        }
        return new InfraTemplates(files[0].getParent().toString(), text.toString(), false);
    }

    /** Whether the template writes {@code setting} at all (as {@code setting:} or {@code setting =}). */
    boolean sets(String setting) {
        return Pattern.compile("\\b" + Pattern.quote(setting) + "\\s*" + (bicep ? ":" : "=")).matcher(text).find();
    }

    /** The default of the parameter that {@code setting} is written from; empty when it is not written from one. */
    Optional<String> defaultOf(String setting) {
        Matcher use = Pattern.compile("\\b" + Pattern.quote(setting) + "\\s*" + (bicep
                ? ":\\s*(?:string\\()?(\\w+)" : "=\\s*(?:tostring\\()?var\\.(\\w+)")).matcher(text);
        return use.find() ? parameterDefault(use.group(1)) : Optional.empty();
    }

    /**
     * The default of the map parameter behind the settings {@code <prefix><key>_}, key by key; empty when no
     * setting with that prefix is built from a map parameter.
     */
    Optional<Map<String, String>> mapDefaultOf(String prefix) {
        Matcher use = Pattern.compile((bicep ? "items\\((\\w+)\\).*'" : "var\\.(\\w+)\\s*:\\s*\"")
                + Pattern.quote(prefix) + "\\$\\{").matcher(text);
        if (!use.find()) {
            return Optional.empty();
        }
        Matcher block = Pattern.compile(bicep
                ? "(?m)^param\\s+" + use.group(1) + "\\s+object\\s*=\\s*\\{([^}]*)\\}"
                : "(?s)variable\\s+\"" + use.group(1) + "\"\\s*\\{" + WITHIN_BLOCK + "\\n\\s*default\\s*=\\s*\\{([^}]*)\\}")
                .matcher(text);
        if (!block.find()) {
            return Optional.empty();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = Pattern.compile(bicep ? "'([^']*)'\\s*:\\s*'([^']*)'" : "\"([^\"]*)\"\\s*=\\s*\"([^\"]*)\"")
                .matcher(block.group(1));
        while (entry.find()) {
            entries.put(entry.group(1), entry.group(2));
        }
        return Optional.of(entries);
    }

    private Optional<String> parameterDefault(String parameter) {
        Matcher declaration = Pattern.compile(bicep
                ? "(?m)^param\\s+" + Pattern.quote(parameter) + "\\s+\\w+\\s*=\\s*(.+?)\\s*$"
                : "(?s)variable\\s+\"" + Pattern.quote(parameter) + "\"\\s*\\{" + WITHIN_BLOCK
                        + "\\n\\s*default\\s*=\\s*([^\\n]+?)\\s*\\n")
                .matcher(text);
        return declaration.find() ? Optional.of(unquote(declaration.group(1))) : Optional.empty();
    }

    private static String unquote(String literal) {
        boolean quoted = literal.length() >= 2 && (literal.startsWith("'") && literal.endsWith("'")
                || literal.startsWith("\"") && literal.endsWith("\""));
        return quoted ? literal.substring(1, literal.length() - 1) : literal;
    }

    @Override
    public String toString() {
        return name;
    }
}
