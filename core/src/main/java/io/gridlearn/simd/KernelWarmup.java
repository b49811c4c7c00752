package io.gridlearn.simd;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Compiles the lanes' methods before the first pass needs them. On a JVM that has just started, Vector API code
 * runs in the interpreter, which allocates an object for every vector operation: measured here, one
 * {@link Lanes#dot} over 4,096 values takes about 2 ms interpreted against about 1 µs once C2 has compiled it, so
 * the first fit on freshly started members ran its kernels up to three orders of magnitude slower than the
 * second. Calling each method a few hundred times on small arrays is enough for C2 to compile it (under a second
 * of one core); the results are thrown away, so nothing a fit computes depends on whether it ran.
 *
 * <p>{@link #startInBackground()} does it once per JVM on a daemon thread of minimum priority; members start it
 * when they start ({@code io.gridlearn.grid.WarmupOnStart}), unless the JVM has {@code -Dgridlearn.warmup=false}.
 */
public final class KernelWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Calls of each method; C2 compiles a method after some thousands of loop iterations and calls. */
    private static final int ROUNDS = 400;

    private KernelWarmup() {
    }

    /**
     * Starts the warm-up on a daemon thread, the first time it is called in this JVM, unless the system property
     * {@code gridlearn.warmup} is {@code false}.
     *
     * @return true when this call started it
     */
    public static boolean startInBackground() {
        if ("false".equalsIgnoreCase(System.getProperty("gridlearn.warmup", "true")) || !STARTED.compareAndSet(false, true)) {
            return false;
        }
        Thread t = new Thread(KernelWarmup::run, "gridlearn-kernel-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return true;
    }

    /**
     * Runs every lanes method and the packed lower products {@link #ROUNDS} times, on lengths with and without a
     * tail (so the compiled code has seen both).
     *
     * @return a value computed from the results, so that the JIT cannot discard the calls
     */
    static double run() {
        Lanes lanes = Simd.lanes();
        LowerProducts products = new LowerProducts();
        int[] lengths = {1024, 1021, 37};
        int p = 8;
        int m = lengths[0];
        double[] v = new double[p * m];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 13) * 0.25 - 1.5;
        }
        double[] y = new double[m];
        double[] d = new double[m];
        double[] out = new double[16];
        double[] packed = new double[p * (p + 1) / 2];
        double[] centre = new double[p];
        int[] starts = new int[p];
        for (int j = 0; j < p; j++) {
            starts[j] = j * m;
            centre[j] = j * 0.1;
        }
        double s = 0;
        for (int r = 0; r < ROUNDS; r++) {
            int n = lengths[r % lengths.length];
            s += lanes.dot(v, 0, v, m, n);
            s += lanes.sum(v, 0, n);
            lanes.dot1x4(v, 0, v, m, 2 * m, 3 * m, 4 * m, n, out, 0);
            lanes.dot4x4(v, 0, m, 2 * m, 3 * m, v, 4 * m, 5 * m, 6 * m, 7 * m, n, out, 0);
            lanes.axpy(1e-9, v, 0, y, 0, n);
            lanes.addSquaredDifferences(v, 0, 0.5, d, 0, n);
            lanes.squaredDistances(v, starts, centre, 0, p, d, 0, n);
            products.compute(v, v, m, p, n, packed, 0);
            s += out[0] + out[15] + y[n - 1] + d[0] + packed[0];
        }
        return s;
    }
}
