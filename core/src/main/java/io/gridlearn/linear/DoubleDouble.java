package io.gridlearn.linear;

/**
 * Error-free transformations for double-double ("compensated") accumulation.
 *
 * <p>Dekker (1971), "A floating-point technique for extending the available precision", Numer. Math.
 * 18, 224-242; Knuth's TwoSum; Ogita, Rump and Oishi (2005), "Accurate sum and dot product", SIAM J.
 * Sci. Comput. 26(6), 1955-1988. A value is held as an unevaluated sum {@code hi + lo} with
 * {@code |lo| <= ulp(hi)/2}, giving about 106 bits. {@link Math#fma} is exactly specified in Java, so
 * {@code twoProd} is exact and reproducible on every platform.
 */
final class DoubleDouble {
    private DoubleDouble() {
    }

    /** Adds {@code (bh, bl)} to the pair stored at {@code acc[i], acc[i+1]}. */
    static void add(double[] acc, int i, double bh, double bl) {
        double ah = acc[i];
        double s = ah + bh;
        double bb = s - ah;
        double e = (ah - (s - bb)) + (bh - bb);
        e += acc[i + 1] + bl;
        double hi = s + e;
        acc[i + 1] = e - (hi - s);
        acc[i] = hi;
    }

    /** Adds the exact product {@code x * (yh + yl)} (to double-double accuracy) to {@code acc[i..i+1]}. */
    static void addProduct(double[] acc, int i, double x, double yh, double yl) {
        double p = x * yh;
        double e = Math.fma(x, yh, -p) + x * yl;
        add(acc, i, p, e);
    }

    /** Rounds the pair at {@code acc[i..i+1]} to the nearest double. */
    static double value(double[] acc, int i) {
        return acc[i] + acc[i + 1];
    }
}
