package io.driftwatch.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The test policies on the classpath, and the problems of a policy text. */
final class PolicyFiles {
    private PolicyFiles() {
    }

    static String text(String resource) {
        try (InputStream in = PolicyFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicyDocument document(String resource) throws PolicyException {
        return PolicyDocument.parse(resource, text(resource));
    }

    static List<String> problems(String yaml) {
        return assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> PolicyDocument.parse("credit.yaml", yaml))
                .actual().problems().stream().map(PolicyProblem::toString).toList();
    }
}
