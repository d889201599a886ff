package io.driftwatch.cli;

import io.driftwatch.cli.tabular.SameDataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} on Parquet and gzipped files as a user runs it: the verdict's exit code, or one line for a bad file. */
class CheckFileFormatsTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(Path reference, Path current) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("check", "--reference", reference.toString(), "--current", current.toString());
    }

    @Test
    void aParquetReferenceAgainstAGzippedCsvCurrentExitsOneOnDrift() throws Exception {
        Path reference = new SameDataFiles(300, 0).parquet(directory.resolve("train.parquet"));
        Path current = new SameDataFiles(300, 3).csvGz(directory.resolve("today.csv.gz"));

        assertThat(check(reference, current)).as(err.toString()).isEqualTo(ExitCode.FOUND);
        assertThat(out.toString()).contains("amount");
    }

    @Test
    void aTruncatedParquetFileExitsTwoWithOneLineNamingIt() throws Exception {
        Path whole = new SameDataFiles(300, 0).parquet(directory.resolve("whole.parquet"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(directory.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length - 100));

        assertThat(check(whole, truncated)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("driftwatch: " + truncated + " cannot be read as Parquet: ");
    }

    @Test
    void aTruncatedGzipFileExitsTwoWithOneLineNamingIt() throws Exception {
        Path whole = new SameDataFiles(300, 0).csvGz(directory.resolve("whole.csv.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(directory.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(check(whole, truncated)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().lines()).containsExactly("driftwatch: " + truncated
                + " is not a complete gzip file (Unexpected end of ZLIB input stream); copy or compress it again");
    }
}
