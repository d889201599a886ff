package io.driftwatch.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} against the code. With {@code -Ddriftwatch.docs.refresh=true} (what
 * {@code tools/refresh-config-docs.sh} passes) the test writes the page's generated part instead of failing.
 */
class ConfigurationReferenceTest {
    private static final String HOW_TO_REFRESH = "docs/configuration.md is not what DriftwatchConfig.CONFIG_DEF and"
            + " AlertsConfig.CONFIG_DEF define. Run tools/refresh-config-docs.sh to regenerate its tables, then review"
            + " and commit the page";

    @Test
    void theConfigurationPageIsWhatTheConfigDefsDefine() throws IOException {
        Path page = ConfigurationReference.page();
        String text = Files.readString(page);
        if (Boolean.getBoolean("driftwatch.docs.refresh")) {
            Files.writeString(page, ConfigurationReference.refreshed(text));
            text = Files.readString(page);
        }
        String rendered = ConfigurationReference.render();
        String onPage = ConfigurationReference.generatedPart(text);
        assertThat(onPage).withFailMessage("%s.%nOn the page, not in the code:%n%s%nIn the code, not on the page:%n%s",
                HOW_TO_REFRESH, linesMissingFrom(rendered, onPage), linesMissingFrom(onPage, rendered)).isEqualTo(rendered);
    }

    private static String linesMissingFrom(String other, String text) {
        List<String> otherLines = other.lines().toList();
        String missing = text.lines().filter(line -> !otherLines.contains(line)).map(line -> "  " + line + "\n")
                .collect(Collectors.joining());
        return missing.isEmpty() ? "  (none: the same lines in another order)\n" : missing;
    }

    @Test
    void theRenderingListsEveryKeyOnceWithItsDefault() {
        String rendered = ConfigurationReference.render();
        assertThat(ConfigurationReference.keys()).hasSizeGreaterThan(60);
        for (String key : ConfigurationReference.keys()) {
            assertThat(rendered.split("\\| `" + key.replace(".", "\\.") + "` \\|", -1)).as(key).hasSize(2);
        }
        assertThat(rendered).contains("| `driftwatch.window.size.ms` | long | `3600000` | [1000,...] | high | Width of the tumbling");
        assertThat(rendered).contains("| `driftwatch.smtp.security` | string | `starttls` | none, starttls or ssl | high |");
        assertThat(rendered).contains("pooled as \\_\\_other\\_\\_.");
    }
}
