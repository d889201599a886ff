package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CSV with a header line, gzipped or not: the header names the columns, every later line is one row. */
final class CsvFormat implements TableFormat {

    @Override
    public long readInto(InputFile source, ColumnSet columns) throws IOException, BadInputException {
        Path file = source.path();
        try (InputStream input = source.open()) {
            CsvScanner scanner = new CsvScanner(input);
            if (!scanner.next()) {
                throw new BadInputException(file + " is empty; a CSV file needs a header line naming its columns");
            }
            List<String> header = header(file, scanner);
            if (!source.gzipped() && columns.sizesColumnsByRows()) {
                try (InputStream again = source.open()) {
                    columns.expectAtMostRows(RowBound.of(again));
                }
            }
            ColumnAccumulator[] accumulators = new ColumnAccumulator[header.size()];
            for (int i = 0; i < header.size(); i++) {
                accumulators[i] = columns.accumulator(header.get(i));
            }
            long rows = 0;
            while (scanner.next()) {
                if (scanner.fieldCount() != header.size()) {
                    throw fieldCountMismatch(file, scanner, header.size());
                }
                columns.rowStarted(scanner.line());
                for (int i = 0; i < accumulators.length; i++) {
                    if (accumulators[i] != null) {
                        columns.addText(accumulators[i], scanner.bytes(i), scanner.start(i), scanner.end(i), scanner.line());
                    }
                }
                rows++;
            }
            return rows;
        } catch (CsvScanner.UnterminatedQuoteException e) {
            throw unterminatedQuote(file, e);
        }
    }

    static BadInputException fieldCountMismatch(Path file, CsvScanner scanner, int headerFields) {
        return new BadInputException(file + " line " + scanner.line() + " has " + scanner.fieldCount()
                + " fields but the header has " + headerFields + "; quote fields that contain commas");
    }

    static BadInputException unterminatedQuote(Path file, CsvScanner.UnterminatedQuoteException e) {
        return new BadInputException(file + " line " + e.line() + ": a quoted field is never closed; "
                + "check for a stray double quote", e);
    }

    /** The column names of the header record the scanner is on: stripped, BOM removed, none empty or repeated. */
    static List<String> header(Path file, CsvScanner scanner) throws BadInputException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scanner.fieldCount(); i++) {
            String name = new String(scanner.bytes(i), scanner.start(i), scanner.end(i) - scanner.start(i),
                    StandardCharsets.UTF_8).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                throw new BadInputException(file + " line 1: column " + (i + 1) + " has no name in the header");
            }
            if (!seen.add(name)) {
                throw new BadInputException(file + " line 1: column '" + name + "' appears twice in the header");
            }
            names.add(name);
        }
        return names;
    }
}
