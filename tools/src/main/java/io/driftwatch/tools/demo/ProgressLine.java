package io.driftwatch.tools.demo;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one status line the demo rewrites in place while it runs ({@code \r}, no newline until {@link #finish()}), and only when it changed:
 * records sent, windows closed, windows with dataset drift, triggers committed, emails caught.
 */
final class ProgressLine {
    private final PrintWriter out;
    private final int windows;
    private String lastLine = "";

    ProgressLine(PrintWriter out, int windows) {
        this.out = out;
        this.windows = windows;
    }

    void show(long recordsSent, long recordsTotal, DemoObservation observation, int emails) {
        String line = String.format(Locale.ROOT, "  sent %,d/%,d records | windows closed %d/%d | drift in %d | triggers %d | emails %d",
                recordsSent, recordsTotal, observation.driftByWindow().size(), windows, observation.driftedWindows(),
                observation.triggers().size(), emails);
        if (!line.equals(lastLine)) {
            out.print('\r' + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
            out.flush();
            lastLine = line;
        }
    }

    void finish() {
        out.println();
        out.flush();
    }
}
