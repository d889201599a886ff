package io.driftwatch.app;

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
}
