package io.driftwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code driftwatch produce} refusing its options before it connects, so no broker is needed (nothing listens on
 * the address given); what it writes to a real broker is in {@code ProduceCommandIntegrationTest}.
 */
class ProduceCommandTest {
    private static final String NO_BROKER = "127.0.0.1:1";
    private static final String INFERENCES = """
            request_id,model,version,event_time,prediction,age,country,member
            r1,fraud,v3,2024-05-01T12:00:00Z,0.91,42,DE,true
            r2,fraud,v3,1714564801000,approve,,"FR, Paris",false
            """;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int produce(String... args) {
        List<String> all = new ArrayList<>(List.of("produce", "--bootstrap-servers", NO_BROKER));
        all.addAll(List.of(args));
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    @Test
    void aNewSpellingAndItsDeprecatedOneTogetherAreBadInput() throws IOException {
        int exit = produce("--topic", "both", "--encoding", "json", "--format", "json", file("today.csv", INFERENCES).toString());

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--format is the deprecated spelling of --encoding; give --encoding only");
    }
}
