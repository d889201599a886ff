package io.driftwatch.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of {@code docs/policies.md}, read from the page itself, is a valid policy meaning what the page says. */
class PoliciesPageTest {
    private static String example() throws IOException {
        String page = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("policies.md"));
        int start = page.indexOf("```yaml\n");
        assertThat(start).as("docs/policies.md has a ```yaml example").isNotNegative();
        return page.substring(start + "```yaml\n".length(), page.indexOf("```", start + 7));
    }

    @Test
    void thePagesExampleIsAValidPolicy() throws IOException, PolicyException {
        ModelPolicy policy = PolicyDocument.parse("docs/policies.md", example()).policy();

        assertThat(policy.model()).isEqualTo("credit");
        assertThat(policy.window().offset()).contains(Duration.ofHours(6));
        assertThat(policy.features().exclude()).containsExactlyInAnyOrder("request_id", "received_at");
        assertThat(policy.features().columns()).containsOnlyKeys("income", "region", "age");
        assertThat(policy.alerts().to()).isPresent();
    }
}
