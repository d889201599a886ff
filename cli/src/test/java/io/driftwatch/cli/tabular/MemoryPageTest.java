package io.driftwatch.cli.tabular;

import io.driftwatch.cli.DriftwatchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/memory.md against the code: the default heap the launcher and the image set, the budget, the report's lines. */
class MemoryPageTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path PAGE = ROOT.resolve("docs/memory.md");

    @TempDir
    Path directory;

    @Test
    void theLauncherAndTheImageSetTheDefaultHeapThePageStates() throws Exception {
        assertThat(Files.readString(PAGE)).contains("`./driftwatch` starts Java with `-Xmx1g` unless `DRIFTWATCH_JAVA_OPTS`");
        assertThat(Files.readString(ROOT.resolve("driftwatch"))).contains("java_opts=\"-Xmx1g $java_opts\"");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("opts=\\\"-Xmx1g $opts\\\"");
    }

    @Test
    void thePageStatesTheBudgetTheCodeApplies() throws Exception {
        assertThat(Files.readString(PAGE)).contains("`(max heap - " + MemoryBudget.HEADROOM_MIB + " MiB) / 2`");
    }

    @Test
    void theSketchedColumnLinesOnThePageAreTheOnesCheckPrints() throws Exception {
        StringBuilder rows = new StringBuilder("x00,c0\n");
        for (int i = 0; i < 3000; i++) {
            rows.append(i % 97).append(",k").append(i % 5).append('\n');
        }
        Path reference = Files.writeString(directory.resolve("reference.csv"), rows);
        Path current = Files.writeString(directory.resolve("current.csv"), rows);
        String page = Files.readString(PAGE);

        List<String> table = check(reference, current, "table").lines()
                .filter(line -> line.startsWith("compared by sketch: ")).toList();
        String json = check(reference, current, "json");

        assertThat(table).hasSize(1);
        assertThat(page).contains(inPageHeap(table.get(0)));
        String jsonEntry = json.lines().filter(line -> line.contains("\"x00\" : \"")).findFirst().orElseThrow().strip()
                .replace("\"x00\" : ", "\"x00\": ");
        assertThat(page).contains("\"sketched\": {" + inPageHeap(jsonEntry) + "}");
    }

    /** The line as the page shows it, for the 300 MiB heap of its example. */
    private static String inPageHeap(String line) {
        return line.replaceAll("\\(\\d+ MiB\\)", "(300 MiB)");
    }

    private static String check(Path reference, Path current, String format) {
        String before = System.getProperty(MemoryBudget.BUDGET_PROPERTY);
        System.setProperty(MemoryBudget.BUDGET_PROPERTY, "0");
        try {
            StringWriter out = new StringWriter();
            DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                    .execute("check", "--reference", reference.toString(), "--current", current.toString(),
                            "--format", format);
            return out.toString();
        } finally {
            if (before == null) {
                System.clearProperty(MemoryBudget.BUDGET_PROPERTY);
            } else {
                System.setProperty(MemoryBudget.BUDGET_PROPERTY, before);
            }
        }
    }
}
