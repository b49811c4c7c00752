package io.gridlearn.pass;

import io.gridlearn.stats.ExactSum;

/** Vectors of exact sums. */
public final class ExactVector {
    private ExactVector() {
    }

    /**
     * A vector of exact zeros.
     *
     * @param n length
     * @return {@code n} new, empty exact sums
     */
    public static ExactSum[] zeros(int n) {
        ExactSum[] a = new ExactSum[n];
        for (int i = 0; i < n; i++) {
            a[i] = new ExactSum();
        }
        return a;
    }

    /**
     * Adds a partial vector exactly: {@code acc[i] += partial[i]} for every {@code i} (zeros are skipped).
     *
     * @param acc     the exact sums, added to in place; at least as long as {@code partial}
     * @param partial the values to add
     */
    public static void add(ExactSum[] acc, double[] partial) {
        for (int i = 0; i < partial.length; i++) {
            if (partial[i] != 0) {
                acc[i].add(partial[i]);
            }
        }
    }

    /**
     * Merges another vector of exact sums: {@code acc[i] += other[i]}, exactly.
     *
     * @param acc   the exact sums, added to in place
     * @param other sums of the same length, left unchanged
     */
    public static void add(ExactSum[] acc, ExactSum[] other) {
        for (int i = 0; i < acc.length; i++) {
            acc[i].add(other[i]);
        }
    }

    /**
     * Rounds each exact sum once to the nearest double.
     *
     * @param acc the exact sums
     * @return {@code acc[i]} rounded, one entry per sum
     */
    public static double[] round(ExactSum[] acc) {
        double[] out = new double[acc.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = acc[i].doubleValue();
        }
        return out;
    }
}
