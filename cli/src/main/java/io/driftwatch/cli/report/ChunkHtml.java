package io.driftwatch.cli.report;

import io.driftwatch.alerts.mail.Html;

import java.util.List;
import java.util.Locale;

/** The chunks of a chunked {@code check} as a section of the HTML report: a table, a row per chunk, as the text report has them. */
public final class ChunkHtml {
    private ChunkHtml() {
    }

    /** The HTML page of {@code check}: the whole file's report with the chunk sections before its columns. */
    public static String render(ChunkedFileCheck check, String referenceName, String currentName) {
        FileCheck whole = check.whole();
        return HtmlReport.render("driftwatch check", whole.report(), whole.judgement(), referenceName, currentName,
                whole.excludedColumns(), whole.charts(), whole.sketchedColumns(), List.of(), sections(check));
    }

    /** The chunk sections alone, for a page that adds sections of its own. */
    public static String sections(ChunkedFileCheck check) {
        StringBuilder sections = new StringBuilder();
        sections.append("<div class=\"headline\"><strong class=\"").append(check.chunksDrifted() > 0 ? "drift" : "ok")
                .append("\">").append(Html.escape(check.chunkHeadline())).append("</strong></div>\n");
        section(sections, "Chunks of the current data (" + check.plan().chunker().describe() + "; thresholds: "
                + check.plan().rule().name().toLowerCase(Locale.ROOT) + ")", check.chunks());
        if (check.plan().referenceChunks()) {
            section(sections, "Chunks of the reference", check.referenceChunks());
        }
        return sections.toString();
    }

    private static void section(StringBuilder page, String title, List<ChunkResult> chunks) {
        page.append("<section>\n<h2>").append(Html.escape(title)).append("</h2>\n<div class=\"card scroll\"><table><tr>");
        for (String heading : ChunkCells.HEADER) {
            page.append("<th>").append(heading).append("</th>");
        }
        page.append("</tr>\n");
        for (ChunkResult chunk : chunks) {
            String tone = chunk.drifted() ? "drift" : "ok";
            page.append("<tr>");
            String[] cells = ChunkCells.of(chunk).cells();
            for (int i = 0; i < cells.length; i++) {
                page.append(i == ChunkCells.VERDICT ? "<td class=\"" + tone + "\">" : "<td>").append(Html.escape(cells[i])).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table></div>\n</section>\n");
    }
}
