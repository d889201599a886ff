package io.driftwatch.tools.demo;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one status line the demo rewrites in place while it runs ({@code \r}, no newline until {@link #finish()}), and only when it changed:
 * records sent, windows closed and windows with dataset drift (of every model together), triggers committed, emails caught.
 */
final class ProgressLine {
    private final PrintWriter out;
    private final int windows;
    private String lastLine = "";

    /** @param windows how many windows every model together has to close */
    ProgressLine(PrintWriter out, int windows) {
        this.out = out;
        this.windows = windows;
    }

    void show(long recordsSent, long recordsTotal, DemoObservations observations, int emails) {
        String line = String.format(Locale.ROOT, "  sent %,d/%,d records | windows closed %d/%d | drift in %d | triggers %d | emails %d",
                recordsSent, recordsTotal, observations.windowsReported(), windows, observations.driftedWindows(),
                observations.triggers(), emails);
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
