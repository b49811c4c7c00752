package io.gridlearn.cli;

import io.gridlearn.data.csv.ProgressListener;

import java.io.PrintStream;

/**
 * Progress of a load on standard error, shown only for loads that take more than a second. On a terminal it is
 * a bar redrawn in place (carriage returns, five times a second); anywhere else (a log file, a pipe, a CI
 * console) it is a plain line every {@link #LINE_EVERY_NANOS} nanoseconds, so that a log holds a few readable
 * lines instead of a stream of carriage-return frames.
 */
final class ProgressBar implements ProgressListener {
    /** How often a line is written when standard error is not a terminal: every 5 s. */
    static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final String label;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;
    private boolean done;

    ProgressBar(PrintStream err, String label) {
        // System.console() is non-null only when this JVM runs attached to a terminal
        this(err, label, err == System.err && System.console() != null);
    }

    ProgressBar(PrintStream err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
        this.lastDraw = start;
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
        progress(bytesRead, totalBytes, System.nanoTime());
    }

    synchronized void progress(long bytesRead, long totalBytes, long now) {
        boolean finished = bytesRead >= totalBytes;
        if (done) {
            return;
        }
        done = finished;
        double f = totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : 0;
        double mbps = bytesRead / 1e6 / Math.max(1e-9, (now - start) / 1e9);
        if (!terminal) {
            if (finished ? drawn : now - lastDraw >= LINE_EVERY_NANOS) {
                lastDraw = now;
                drawn = true;
                err.printf("%s: %3.0f%% of %.1f MB, %.0f MB/s%n", label, f * 100, totalBytes / 1e6, mbps);
            }
            return;
        }
        if (now - start < 1_000_000_000L || now - lastDraw < 200_000_000L && !finished) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) (f * width);
        err.printf("\r%s [%s%s] %3.0f%% %.0f MB/s", label, "#".repeat(filled), " ".repeat(width - filled), f * 100, mbps);
        drawn = true;
        if (finished) {
            err.println();
        }
    }

    boolean drawn() {
        return drawn;
    }
}
