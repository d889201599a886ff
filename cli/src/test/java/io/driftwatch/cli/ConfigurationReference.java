package io.driftwatch.cli;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The tables of {@code docs/configuration.md}, rendered from the two {@link ConfigDef}s that validate and apply
 * every {@code driftwatch.*} key, so the page cannot say a default or a rule the code does not have.
 * {@code ConfigurationReferenceTest} fails when the page's generated part differs from this rendering, and
 * {@code tools/refresh-config-docs.sh} writes it. The prose around the markers is hand-written and left alone.
 * This is the one place the documentation tests name {@code DriftwatchConfig}.
 */
final class ConfigurationReference {
    static final String BEGIN = "<!-- Generated from DriftwatchConfig.CONFIG_DEF and AlertsConfig.CONFIG_DEF by"
            + " ConfigurationReference (cli's tests). Do not edit between these markers: change the code, then run"
            + " tools/refresh-config-docs.sh. -->";
    static final String END = "<!-- End of the generated part. -->";

    /** One table of the page: the keys of one {@link ConfigDef}, under a heading. */
    record Group(String heading, String intro, ConfigDef definition) {
        Group {
            requireNonNull(heading, "heading");
            requireNonNull(intro, "intro");
            requireNonNull(definition, "definition");
        }
    }

    private ConfigurationReference() {
    }

    /** The page's tables, in the order it lists them. */
    static List<Group> groups() {
        return List.of(
                new Group("`driftwatch run` and the topic names (`DriftwatchConfig`)",
                        "Read by `run`; `alerts`, `baseline`, `produce` and `triggers` read the topic names from the same file.",
                        DriftwatchConfig.CONFIG_DEF),
                new Group("`driftwatch alerts` (`AlertsConfig`)",
                        "Read by `alerts` only, from the same file as `run`.",
                        AlertsConfig.CONFIG_DEF));
    }

    /** Every documented key, in the page's order. */
    static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        groups().forEach(group -> keys.addAll(group.definition().names()));
        return keys;
    }

    /** {@code docs/configuration.md} of the checkout the tests run in (their working directory is a module's). */
    static Path page() {
        return Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("configuration.md");
    }

    /** The generated part, markers included. */
    static String render() {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (Group group : groups()) {
            out.append('\n').append("## ").append(group.heading()).append('\n')
                    .append(group.intro()).append("\n\n")
                    .append("| key | type | default | valid values | importance | documentation |\n")
                    .append("|---|---|---|---|---|---|\n");
            group.definition().configKeys().values().forEach(key -> out.append(row(key)));
        }
        return out.append('\n').append(END).append('\n').toString();
    }

    private static String row(ConfigDef.ConfigKey key) {
        return "| `" + key.name + "` | " + lower(key.type) + " | " + defaultValue(key) + " | "
                + (key.validator == null ? "" : cell(key.validator.toString())) + " | " + lower(key.importance)
                + " | " + cell(key.documentation) + " |\n";
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        String text = key.defaultValue == null ? "" : ConfigDef.convertToString(key.defaultValue, key.type);
        return text == null || text.isEmpty() ? "" : "`" + text + "`";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    // A pipe would end the table cell; two underscores (__other__) would start bold text.
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("__", "\\_\\_");
    }

    /** The page's generated part, markers included, or empty when the page has no markers. */
    static String generatedPart(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            return "";
        }
        return page.substring(begin, end + END.length()) + "\n";
    }

    /** The page with its generated part replaced by {@link #render()}. */
    static String refreshed(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(page() + " has lost its markers; put back the lines\n" + BEGIN + "\n" + END
                    + "\nwhere the tables go, then run tools/refresh-config-docs.sh again");
        }
        String after = page.substring(end + END.length());
        return page.substring(0, begin) + render() + (after.startsWith("\n") ? after.substring(1) : after);
    }
}
