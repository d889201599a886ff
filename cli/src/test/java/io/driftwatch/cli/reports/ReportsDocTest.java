package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.schemas.record.DriftReport;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/reports.md against the code: its examples are what the commands print, and it lists every JSON key they print. */
class ReportsDocTest {
    private static final Path PAGE = Path.of("").toAbsolutePath().getParent().resolve("docs/reports.md");

    @Test
    void theDriftExamplesAreWhatTheCommandPrintsForTheExampleReport() throws Exception {
        DriftReports kind = new DriftReports();
        StringWriter table = new StringWriter();
        ReportPrinter<DriftReport> printer = new ReportPrinter<>(kind, ReportFormat.TABLE, false, new PrintWriter(table));
        printer.print(ReportRecords.drift("credit", 0));
        printer.print(ReportRecords.ranked("credit", 1));
        printer.finish("driftwatch.drift-reports");

        String page = Files.readString(PAGE);

        assertThat(page).contains(table.toString());
        assertThat(page).contains(ReportJson.line(kind.json(ReportRecords.drift("credit", 0))));
        assertThat(page).contains(ReportJson.line(kind.json(ReportRecords.ranked("credit", 1))));
    }

    @Test
    void thePageListsEveryJsonKeyOfEveryRecordType() throws Exception {
        Set<String> keys = new TreeSet<>();
        collect(new DriftReports().json(ReportRecords.drift("credit", 0)), keys);
        collect(new DriftReports().json(ReportRecords.ranked("credit", 1)), keys);
        collect(new QualityReports().json(ReportRecords.quality(0, true, 0.9, 300)), keys);
        collect(new QualityReports().json(ReportRecords.estimated(0, true)), keys);
        collect(new WindowProfiles().json(ReportRecords.numericProfile(0)), keys);
        collect(new WindowProfiles().json(ReportRecords.categoricalProfile()), keys);
        collect(new DeadLetters().json(ReportRecords.deadLetter(new byte[] {1})), keys);
        keys.remove("accuracy");
        keys.remove("f1");

        String page = Files.readString(PAGE);

        assertThat(keys).allSatisfy(key -> assertThat(page).contains("`" + key + "`"));
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, keys));
        } else if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                keys.add(name);
                collect(node.get(name), keys);
            }
        }
    }
}
