package io.driftwatch.cli.tabular;

import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/input-files.md against the code: DuckDB's bounds, and the error lines it shows, as {@code check} prints them. */
class InputFilesPageTest {
    private static final Path PAGE = Path.of("").toAbsolutePath().getParent().resolve("docs/input-files.md");

    @TempDir
    Path directory;

    @Test
    void thePageStatesTheMemoryLimitAndThreadsDuckDbIsGiven() throws IOException {
        assertThat(Files.readString(PAGE)).contains("`SET memory_limit='" + ParquetFile.MEMORY_LIMIT + "'`")
                .contains("`SET threads=" + ParquetFile.THREADS + "`");
    }

    @Test
    void theErrorLinesOnThePageAreTheOnesCheckPrints() throws Exception {
        Path parquet = new SameDataFiles(50, 0).parquet(directory.resolve("whole.parquet"));
        Path gzip = new SameDataFiles(50, 0).csvGz(directory.resolve("whole.csv.gz"));
        Path cutParquet = Files.write(directory.resolve("cut.parquet"), half(parquet));
        Path cutGzip = Files.write(directory.resolve("cut.csv.gz"), half(gzip));
        String page = Files.readString(PAGE);

        assertThat(page).contains("`" + checkError(parquet, cutParquet) + "`").contains("`" + checkError(gzip, cutGzip) + "`");
    }

    private static byte[] half(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    /** The one line {@code check} prints for {@code current}, with this test's folder shown as {@code /data}. */
    private String checkError(Path reference, Path current) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("check", "--reference", reference.toString(), "--current", current.toString());
        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        return err.toString().strip().replace(directory.toAbsolutePath().toString(), "/data");
    }
}
