package io.driftwatch.cli.report;

import io.driftwatch.cli.BadInputException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's report goes: the file {@code --output} names, or standard output. */
public final class ReportOutput {
    private ReportOutput() {
    }

    /** @throws BadInputException when the file cannot be written, naming it */
    public static void write(String report, @Nullable Path output, PrintWriter standardOutput) throws BadInputException {
        if (output == null) {
            standardOutput.print(report);
            standardOutput.flush();
            return;
        }
        try {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot write the report to " + output + " (" + e.getMessage()
                    + "); give --output a file in a writable folder", e);
        }
    }
}
