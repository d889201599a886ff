package io.driftwatch.cli.tabular;

import io.driftwatch.cli.report.FileCheck;
import io.driftwatch.cli.report.JsonReport;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} of the same reference and current data gives the same report whichever file format holds them. */
class FileCheckFormatsTest {
    private static final SameDataFiles REFERENCE = new SameDataFiles(300, 0);
    private static final SameDataFiles CURRENT = new SameDataFiles(300, 3);

    @TempDir
    Path directory;

    private static FileCheck check(Path reference, Path current) throws Exception {
        return FileCheck.run(reference, current, Map.of(), ComparisonSettings.DEFAULT, DriftDefaults.MIN_CHECK_ROWS);
    }

    private static String json(FileCheck check) {
        return JsonReport.render(check.report(), check.judgement(), TestOptions.DEFAULT);
    }

    @Test
    void csvGzippedCsvGzippedJsonLinesAndParquetGiveTheSameReportAndVerdict() throws Exception {
        FileCheck csv = check(REFERENCE.csv(directory.resolve("r.csv")), CURRENT.csv(directory.resolve("c.csv")));
        FileCheck csvGz = check(REFERENCE.csvGz(directory.resolve("r.csv.gz")), CURRENT.csvGz(directory.resolve("c.csv.gz")));
        FileCheck jsonGz = check(REFERENCE.jsonLinesGz(directory.resolve("r.jsonl.gz")),
                CURRENT.jsonLinesGz(directory.resolve("c.jsonl.gz")));
        FileCheck parquet = check(REFERENCE.parquet(directory.resolve("r.parquet")),
                CURRENT.parquet(directory.resolve("c.parquet")));

        assertThat(csv.judgement().outcome()).isEqualTo(DatasetJudgement.Outcome.DRIFT);
        assertThat(csv.report().columns()).containsOnlyKeys("id", "amount", "city", "flag", "seen");
        assertThat(json(csvGz)).isEqualTo(json(csv));
        assertThat(json(jsonGz)).isEqualTo(json(csv));
        assertThat(json(parquet)).isEqualTo(json(csv));
        assertThat(check(REFERENCE.csv(directory.resolve("r2.csv")), CURRENT.parquet(directory.resolve("c2.parquet")))
                .report()).isEqualTo(csv.report());
    }
}
