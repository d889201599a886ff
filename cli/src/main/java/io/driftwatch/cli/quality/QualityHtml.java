package io.driftwatch.cli.quality;

import io.driftwatch.alerts.mail.Html;

/**
 * The quality section of {@code check}'s HTML report: the rows {@link QualityTable} prints, as a table in a card
 * of the page's own style, and a line per file without quality saying why. Every name from the data is escaped.
 */
public final class QualityHtml {
    private QualityHtml() {
    }

    public static String section(CheckQuality quality) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<section>\n<h2>Quality</h2>\n<div class=\"card scroll\"><p class=\"meta\">labels in <b>")
                .append(Html.escape(quality.request().labelColumn())).append("</b> &middot; predictions in <b>")
                .append(Html.escape(quality.request().columns().prediction()))
                .append("</b> &middot; informs, never changes the exit code</p>\n")
                .append("<table><tr><th>metric</th><th>reference</th><th>current</th></tr>\n");
        for (QualityTable.Row row : QualityTable.rows(quality)) {
            page.append("<tr><td>").append(Html.escape(row.name())).append("</td><td>").append(Html.escape(row.reference()))
                    .append("</td><td>").append(Html.escape(row.current())).append("</td></tr>\n");
        }
        page.append("</table>\n");
        note(page, "reference", quality.reference());
        note(page, "current", quality.current());
        return page.append("</div>\n</section>\n").toString();
    }

    private static void note(StringBuilder page, String side, FileQuality file) {
        if (file.whyNone() != null) {
            page.append("<p class=\"meta warn\">").append(side).append(": ").append(Html.escape(file.whyNone())).append("</p>\n");
        }
    }
}
