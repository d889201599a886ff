package io.driftwatch.cli;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeTest {

    @Test
    void theReadmesDefaultsTableIsWhatTheCodeApplies() throws IOException {
        Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
        assertThat(Files.readString(readme)).contains(TestListing.render());
    }

    @Test
    void theReadmesConfigurationReferenceNamesEveryKey() throws IOException {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        for (String key : DriftwatchConfig.CONFIG_DEF.names()) {
            assertThat(readme).as(key).contains("| `" + key + "` |");
        }
        for (String key : AlertsConfig.CONFIG_DEF.names()) {
            assertThat(readme).as(key).contains("| `" + key + "` |");
        }
    }
}
