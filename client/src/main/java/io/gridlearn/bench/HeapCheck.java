package io.gridlearn.bench;

import io.gridlearn.BadInputException;

import java.util.Locale;

/**
 * Refuses, before anything is generated, a benchmark the JVM's heap cannot hold, instead of failing with an
 * {@code OutOfMemoryError} minutes in (or measuring the garbage collector). The estimate counts what is live
 * at the peak, with V = rows × (cols + 1) values: the plain loops' row-major array (8V bytes), a second one
 * while the plain load is timed (8V, before the grid holds anything), and the grid's copy of the dataset at
 * about 8 bytes per value per copy (8V × copies, copies = 2 with backups, 1 on a single member), plus slack
 * for the collector and the per-block garbage of the passes (4V per copy); then the in-grid predictions (each
 * timed run writes a dataset of 2 columns per row, kept until the timing ends, and the caller receives the
 * scored blocks), and a fixed allowance for the members themselves. The scaling suite checks its --rows with
 * {@link #scalingBytesPerRow} and each size of its curve with {@link #scalingShortfall}.
 */
public final class HeapCheck {
    /** The members, their threads and buffers, JIT and Jackson: what an idle embedded grid uses, with margin. */
    static final long FIXED_BYTES = 256L << 20;

    private HeapCheck() {
    }

    /**
     * Heap bytes the benchmark needs for these settings.
     *
     * @param s the benchmark's settings
     * @return the bytes of heap: a fixed allowance plus a share per row
     */
    public static long requiredBytes(BenchmarkSettings s) {
        return FIXED_BYTES + (long) Math.ceil(s.rows() * bytesPerRow(s));
    }

    private static double bytesPerRow(BenchmarkSettings s) {
        int copies = Math.min(1 + LinearJobs.BACKUPS, s.members());
        if (s.scaling()) {
            return scalingBytesPerRow(s.q(), copies);
        }
        double data = s.q() * (16 + 12.0 * copies);
        double predictions = (1 + Timing.REPEATS) * 2 * 8.0 * copies + 2 * 8.0;
        return data + predictions;
    }

    /**
     * The scaling suite holds, at its peak, one size's row-major array (8 bytes per value; no CSV, no second
     * array) and the grid's copies of the same rows with the same slack as above; no predictions are written.
     */
    private static double scalingBytesPerRow(int q, int copies) {
        return q * (8 + 12.0 * copies);
    }

    /**
     * Why the scaling suite's curve cannot measure {@code rows} rows of {@code q} stored columns on {@code members}
     * members within {@code maxHeapBytes} (the estimate and the heap, or the one-array limit of the plain loop),
     * or null when it can.
     */
    static String scalingShortfall(long rows, int q, int members, long maxHeapBytes) {
        if (rows * q > Integer.MAX_VALUE - 16) {
            return String.format(Locale.ROOT, "%,d values do not fit one Java array for the plain loop", rows * q);
        }
        int copies = Math.min(1 + LinearJobs.BACKUPS, members);
        long need = FIXED_BYTES + (long) Math.ceil(rows * scalingBytesPerRow(q, copies));
        if (need > maxHeapBytes) {
            return String.format(Locale.ROOT, "needs about %.1f GB of heap and this JVM may use %.1f GB "
                    + "(GRIDLEARN_JAVA_OPTS=-Xmx%dg would do)", need / 1e9, maxHeapBytes / 1e9,
                    (need + (1L << 30) - 1) >> 30);
        }
        return null;
    }

    /**
     * Throws a {@link BadInputException} (exit 2) when {@code maxHeapBytes} is below {@link #requiredBytes},
     * saying how much heap to give ({@code GRIDLEARN_JAVA_OPTS=-Xmx…}) or how many rows fit.
     *
     * @param s            the benchmark's settings
     * @param maxHeapBytes the JVM's maximum heap, in bytes
     */
    public static void require(BenchmarkSettings s, long maxHeapBytes) {
        long need = requiredBytes(s);
        if (need <= maxHeapBytes) {
            return;
        }
        long rowsThatFit = Math.max(0, (long) ((maxHeapBytes - FIXED_BYTES) / bytesPerRow(s)));
        long gigabytes = (need + (1L << 30) - 1) >> 30;
        throw new BadInputException(String.format(Locale.ROOT,
                "--rows %,d × --cols %d needs about %.1f GB of heap and this JVM may use %.1f GB: run with "
                        + "GRIDLEARN_JAVA_OPTS=-Xmx%dg (./gridlearn passes it to java), or choose --rows %,d or fewer",
                s.rows(), s.features(), need / 1e9, maxHeapBytes / 1e9, gigabytes, rowsThatFit));
    }
}
