package io.gridlearn.linear;

/**
 * Error-free transformations for double-double ("compensated") accumulation.
 *
 * <p>Dekker (1971), "A floating-point technique for extending the available precision", Numer. Math.
 * 18, 224-242; Knuth's TwoSum; Ogita, Rump and Oishi (2005), "Accurate sum and dot product", SIAM J.
 * Sci. Comput. 26(6), 1955-1988. A value is held as an unevaluated sum {@code hi + lo} with
 * {@code |lo| <= ulp(hi)/2}, giving about 106 bits; pairs live at {@code a[i], a[i+1]} of plain arrays so
 * that hot loops allocate nothing. {@link Math#fma} is exactly specified in Java, so products are exact and
 * everything is reproducible on every platform.
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

    /** Adds the product {@code x * (yh + yl)} (to double-double accuracy) to {@code acc[i..i+1]}. */
    static void addProduct(double[] acc, int i, double x, double yh, double yl) {
        double p = x * yh;
        double e = Math.fma(x, yh, -p) + x * yl;
        add(acc, i, p, e);
    }

    /** Adds the product {@code (xh + xl) * (yh + yl)} to {@code acc[i..i+1]}. */
    static void addProduct(double[] acc, int i, double xh, double xl, double yh, double yl) {
        double p = xh * yh;
        double e = Math.fma(xh, yh, -p) + (xh * yl + xl * yh);
        add(acc, i, p, e);
    }

    /** Rounds the pair at {@code acc[i..i+1]} to the nearest double. */
    static double value(double[] acc, int i) {
        return acc[i] + acc[i + 1];
    }

    /** Rounds every pair of {@code acc} to double. */
    static double[] values(double[] acc) {
        double[] out = new double[acc.length / 2];
        for (int j = 0; j < out.length; j++) {
            out[j] = acc[2 * j] + acc[2 * j + 1];
        }
        return out;
    }
}
