package io.gridlearn.pass;

import io.gridlearn.stats.ExactSum;

/** Vectors of exact sums. */
public final class ExactVector {
    private ExactVector() {
    }

    public static ExactSum[] zeros(int n) {
        ExactSum[] a = new ExactSum[n];
        for (int i = 0; i < n; i++) {
            a[i] = new ExactSum();
        }
        return a;
    }

    public static void add(ExactSum[] acc, double[] partial) {
        for (int i = 0; i < partial.length; i++) {
            if (partial[i] != 0) {
                acc[i].add(partial[i]);
            }
        }
    }

    public static void add(ExactSum[] acc, ExactSum[] other) {
        for (int i = 0; i < acc.length; i++) {
            acc[i].add(other[i]);
        }
    }

    public static double[] round(ExactSum[] acc) {
        double[] out = new double[acc.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = acc[i].doubleValue();
        }
        return out;
    }
}
