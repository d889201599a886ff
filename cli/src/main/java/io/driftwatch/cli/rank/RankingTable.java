package io.driftwatch.cli.rank;

import io.driftwatch.alerts.mail.Html;
import io.driftwatch.cli.report.TableReport;
import io.driftwatch.stats.rank.RankedFeature;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The feature ranking as the table report prints it and the HTML report shows it: a row per column, rank 1 first,
 * with its test, the chunks it drifted in and, for a correlation ranking, r and its p-value.
 */
public final class RankingTable {
    private static final String TITLE = "Feature ranking";
    private static final String NO_VALUE = "-";

    private RankingTable() {
    }

    static List<String[]> rows(ChunkRanking ranking) {
        boolean correlation = ranking.performance() != null;
        List<String[]> rows = new ArrayList<>();
        rows.add(correlation ? new String[]{"rank", "column", "test", "drifted chunks", "correlation", "p-value"}
                : new String[]{"rank", "column", "test", "drifted chunks"});
        for (RankedFeature feature : ranking.features()) {
            String rank = Integer.toString(feature.rank());
            String test = ranking.tests().getOrDefault(feature.feature(), NO_VALUE);
            String alerts = feature.alerts() + " of " + ranking.chunks();
            rows.add(correlation ? new String[]{rank, feature.feature(), test, alerts, number(feature.correlation()),
                    number(feature.pValue())} : new String[]{rank, feature.feature(), test, alerts});
        }
        return rows;
    }

    /** The table with its heading line, for the table report. */
    public static String render(ChunkRanking ranking) {
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator()).append(TITLE).append(", ").append(headline(ranking)).append(':')
                .append(System.lineSeparator());
        TableReport.appendAligned(out, rows(ranking));
        return out.toString();
    }

    /** The table as a section of the HTML report. */
    public static String section(ChunkRanking ranking) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<section>\n<h2>").append(TITLE).append("</h2>\n<div class=\"card scroll\"><p class=\"meta\">")
                .append(Html.escape(headline(ranking))).append("</p><table>");
        List<String[]> rows = rows(ranking);
        for (int row = 0; row < rows.size(); row++) {
            String tag = row == 0 ? "th" : "td";
            page.append("<tr>");
            for (String cell : rows.get(row)) {
                page.append('<').append(tag).append('>').append(Html.escape(cell)).append("</").append(tag).append('>');
            }
            page.append("</tr>\n");
        }
        return page.append("</table></div>\n</section>\n").toString();
    }

    private static String headline(ChunkRanking ranking) {
        return ranking.describe() + "; informs, never changes the exit code";
    }

    private static String number(@Nullable Double value) {
        return value == null ? NO_VALUE : String.format(Locale.ROOT, "%.4g", value);
    }
}
