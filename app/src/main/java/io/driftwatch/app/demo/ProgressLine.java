package io.driftwatch.app.demo;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one status line the demo rewrites in place while it runs ({@code \r}, no newline until {@link #finish()}):
 * records sent, windows closed, windows with dataset drift, triggers committed, emails caught.
 */
final class ProgressLine {
    private final PrintWriter out;
    private final int windows;
    private int lastLength;

    ProgressLine(PrintWriter out, int windows) {
        this.out = out;
        this.windows = windows;
    }

    void show(long recordsSent, long recordsTotal, DemoObservation observation, int emails) {
        String line = String.format(Locale.ROOT, "  sent %,d/%,d records | windows closed %d/%d | drift in %d | triggers %d | emails %d",
                recordsSent, recordsTotal, observation.driftByWindow().size(), windows, observation.driftedWindows(),
                observation.triggers().size(), emails);
        out.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    void finish() {
        out.println();
        out.flush();
    }
}
