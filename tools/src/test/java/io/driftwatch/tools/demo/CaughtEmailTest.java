package io.driftwatch.tools.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaughtEmailTest {
    @TempDir
    Path folder;

    private void save(String name, String subject) throws IOException {
        Files.writeString(folder.resolve(name + ".eml"), "To: fraud-team@example.com\r\nSubject: " + subject
                + "\r\n\r\nbody\r\n");
        Files.writeString(folder.resolve(name + ".html"), "<p>body</p>");
    }

    @Test
    void aRunIntoAFolderAnEarlierRunWroteToCountsOnlyItsOwnEmails() throws IOException {
        save("fraud-v1-1000", "[driftwatch CRITICAL] fraud v1: from the run before");
        Set<Path> earlier = CaughtEmail.savedIn(folder);
        save("fraud-v1-2000", "[driftwatch CRITICAL] fraud v1: from this run");

        assertThat(CaughtEmail.in(folder, earlier)).extracting(CaughtEmail::subject)
                .containsExactly("[driftwatch CRITICAL] fraud v1: from this run");
        assertThat(CaughtEmail.in(folder)).hasSize(2);
        assertThat(CaughtEmail.in(folder, earlier).get(0).recipients()).containsExactly("fraud-team@example.com");
    }

    @Test
    void aFolderThatDoesNotExistYetHoldsNoEmail() throws IOException {
        assertThat(CaughtEmail.savedIn(folder.resolve("not-yet"))).isEmpty();
        assertThat(CaughtEmail.in(folder.resolve("not-yet"), Set.of())).isEmpty();
    }
}
