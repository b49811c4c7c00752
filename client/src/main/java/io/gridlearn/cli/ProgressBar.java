package io.gridlearn.cli;

import io.gridlearn.data.csv.ProgressListener;

import java.io.PrintStream;

/** A progress bar on standard error, shown only for loads that take more than a second. */
final class ProgressBar implements ProgressListener {
    private final PrintStream err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void progress(long bytesRead, long totalBytes) {
        long now = System.nanoTime();
        if (now - start < 1_000_000_000L || now - lastDraw < 200_000_000L && bytesRead < totalBytes) {
            return;
        }
        lastDraw = now;
        double f = totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : 0;
        int width = 30;
        int filled = (int) (f * width);
        double mbps = bytesRead / 1e6 / ((now - start) / 1e9);
        err.printf("\r%s [%s%s] %3.0f%% %.0f MB/s", label, "#".repeat(filled), " ".repeat(width - filled), f * 100, mbps);
        drawn = true;
        if (bytesRead >= totalBytes) {
            err.println();
        }
    }

    boolean drawn() {
        return drawn;
    }
}
