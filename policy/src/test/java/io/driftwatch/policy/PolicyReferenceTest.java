package io.driftwatch.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/policy-reference.md} against the schema. With {@code -Ddriftwatch.docs.refresh=true} (what
 * {@code tools/refresh-policy-docs.sh} passes) the test writes the page's generated part instead of failing.
 */
class PolicyReferenceTest {
    @Test
    void thePolicyReferenceIsWhatTheSchemaDescribes() throws IOException {
        Path page = PolicyReference.page();
        String text = Files.readString(page);
        if (Boolean.getBoolean("driftwatch.docs.refresh")) {
            Files.writeString(page, PolicyReference.refreshed(text));
            text = Files.readString(page);
        }
        assertThat(PolicyReference.generatedPart(text))
                .withFailMessage("docs/policy-reference.md is not what policy.schema.json describes. Run"
                        + " tools/refresh-policy-docs.sh to regenerate it, then review and commit the page")
                .isEqualTo(PolicyReference.render());
    }

    @Test
    void theReferenceNamesEveryKeyOnce() {
        String rendered = PolicyReference.render();

        for (String key : new String[] {"model", "window.offset", "features.columns", "triggers.quality.worse_than",
                "alerts.rate_per_hour", "threshold", "ks_method", "max_missing", "type"}) {
            assertThat(rendered.split("\\| `" + key.replace(".", "\\.") + "` \\|", -1)).as(key)
                    .hasSize("type".equals(key) ? 3 : 2);
        }
    }
}
