package io.driftwatch.cli.quality;

import io.driftwatch.alerts.mail.Html;

import java.util.List;

/**
 * A section of the HTML report holding a table whose first row is its header, second row its limits (bands or
 * thresholds), then a row per chunk whose last cell names the alerts: the realized and the estimated quality per chunk
 * both read so, and a chunk's alerts stand out in the warning colour.
 */
public final class AlertTableSection {
    /** What a cell holds when there is nothing to say: no value, or no alert. */
    public static final String NO_VALUE = "-";

    private AlertTableSection() {
    }

    /**
     * @param title    the section's heading, as text
     * @param metaHtml the line under the heading, already HTML (escaped where it holds data)
     */
    public static String html(String title, String metaHtml, List<String[]> rows) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<section>\n<h2>").append(Html.escape(title)).append("</h2>\n<div class=\"card scroll\"><p class=\"meta\">")
                .append(metaHtml).append("</p><table>");
        for (int row = 0; row < rows.size(); row++) {
            String[] cells = rows.get(row);
            page.append("<tr>");
            for (int cell = 0; cell < cells.length; cell++) {
                String tag = row == 0 ? "th" : "td";
                boolean alert = row > 1 && cell == cells.length - 1 && !cells[cell].equals(NO_VALUE);
                page.append('<').append(tag).append(alert ? " class=\"warn\">" : ">").append(Html.escape(cells[cell]))
                        .append("</").append(tag).append('>');
            }
            page.append("</tr>\n");
        }
        return page.append("</table></div>\n</section>\n").toString();
    }
}
