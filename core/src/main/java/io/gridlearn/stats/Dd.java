package io.gridlearn.stats;

/**
 * Double-double arithmetic: a value is the unevaluated sum {@code hi + lo} of two doubles with
 * {@code hi = fl(hi + lo)}, hence {@code |lo| <= ulp(hi)/2}, which carries about 106 significant bits
 * (Dekker 1971, "A floating-point technique for extending the available precision", Numer. Math. 18,
 * 224-242; Hida, Li and Bailey 2001, "Algorithms for quad-double precision floating point arithmetic",
 * ARITH-15, the QD library).
 *
 * <p>Everything is built from three error-free transformations, each exact in binary64 with
 * round-to-nearest-even (which Java's {@code +}, {@code -}, {@code *} are, with {@code strictfp} semantics
 * since Java 17) as long as nothing overflows:
 * <ul>
 *   <li><b>TwoSum</b> (Møller 1965; Knuth, TAOCP vol. 2, 3rd ed., section 4.2.2, Theorem B): with
 *       {@code s = fl(a + b)}, {@code bb = fl(s - a)} and {@code e = fl(fl(a - fl(s - bb)) + fl(b - bb))},
 *       {@code s + e = a + b} exactly, for any {@code a} and {@code b}; six operations, no branch.</li>
 *   <li><b>FastTwoSum</b> (Dekker 1971): with {@code s = fl(a + b)} and {@code e = fl(b - fl(s - a))},
 *       {@code s + e = a + b} exactly provided {@code |a| >= |b|} (more precisely, the exponent of {@code a}
 *       is at least that of {@code b}); three operations. Here it renormalises a pair whose high part
 *       dominates.</li>
 *   <li><b>TwoProd</b> with a fused multiply-add: with {@code p = fl(a b)}, {@code e = fma(a, b, -p)} gives
 *       {@code p + e = a b} exactly unless the product underflows (that is, unless
 *       {@code e_a + e_b < emin + 52}, {@code e_x} the exponent of {@code x}). {@link Math#fma} is
 *       specified by Java to round once, so this holds on every platform.</li>
 * </ul>
 *
 * <p>Two families of operations live here, and they are <em>not</em> interchangeable: they round
 * differently, so swapping one for the other changes results in the last bits.
 * <ul>
 *   <li>The record's own methods ({@link #add}, {@link #mul}, {@link #div}) are QD's accurate operations on
 *       immutable values: {@code add} is {@code ieee_add} (two TwoSums, on the high and on the low parts,
 *       then two FastTwoSums), whose relative error is of order {@code u^2} ({@code u = 2^-53}) for all
 *       operands, including under cancellation; {@code mul} is TwoProd of the high parts plus the two cross
 *       terms ({@code lo * lo} dropped), renormalised by FastTwoSum; {@code div} is long division with three
 *       quotient digits. They serve recurrences that amplify rounding errors ({@link Beta}'s continued
 *       fraction).</li>
 *   <li>The static methods on {@code double[]} ({@link #addSloppy}, {@link #addProductSloppy}) accumulate
 *       into pairs stored at {@code acc[i], acc[i + 1]}, so that hot loops allocate nothing. The addition is
 *       QD's {@code sloppy_add}: TwoSum of the high parts, the low parts added in plain double to its error,
 *       then one FastTwoSum. Its relative error is of order {@code u^2} when the two operands have the same
 *       sign, but it has no relative error bound under cancellation (its absolute error stays of order
 *       {@code u^2 (|a| + |b|)}); that is the right bound for dot products and sums of squares in the
 *       manner of Ogita, Rump and Oishi (2005, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6),
 *       1955-1988, {@code Dot2}), which is how the linear solvers use it. The products feed TwoProd's exact
 *       pair to the addition without renormalising it first.</li>
 * </ul>
 * See Joldes, Muller and Popescu (2017, "Tight and rigorous error bounds for basic building blocks of
 * double-word arithmetic", ACM TOMS 44(2)) for proved bounds of both additions and of the product.
 *
 * @param hi the high part, {@code fl(hi + lo)}
 * @param lo the low part, the rounding error of {@code hi}
 */
public record Dd(double hi, double lo) {
    static final Dd ONE = new Dd(1.0, 0.0);

    static Dd of(double v) {
        return new Dd(v, 0.0);
    }

    /** Exact {@code a + b} (TwoSum). */
    static Dd sum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new Dd(s, (a - (s - bb)) + (b - bb));
    }

    /** FastTwoSum: exact {@code s + e} when {@code |s| >= |e|}. */
    private static Dd quick(double s, double e) {
        double hi = s + e;
        return new Dd(hi, e - (hi - s));
    }

    /** {@code this + o}, QD's accurate {@code ieee_add}. */
    Dd add(Dd o) {
        double s = hi + o.hi;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (o.hi - bb);
        double t = lo + o.lo;
        double bt = t - lo;
        double f = (lo - (t - bt)) + (o.lo - bt);
        e += t;
        Dd r = quick(s, e);
        return quick(r.hi, r.lo + f);
    }

    /** {@code this * o}: TwoProd of the high parts plus the cross terms, renormalised. */
    Dd mul(Dd o) {
        double p = hi * o.hi;
        double e = Math.fma(hi, o.hi, -p) + (hi * o.lo + lo * o.hi);
        return quick(p, e);
    }

    /** {@code this / o}, by long division with three quotient digits. */
    Dd div(Dd o) {
        double q1 = hi / o.hi;
        Dd r = add(o.mul(of(-q1)));
        double q2 = r.hi / o.hi;
        r = r.add(o.mul(of(-q2)));
        double q3 = r.hi / o.hi;
        return quick(q1, q2).add(of(q3));
    }

    /**
     * This value rounded to double.
     *
     * @return {@code fl(hi + lo)}
     */
    public double value() {
        return hi + lo;
    }

    /**
     * Adds the pair {@code (bh, bl)} to the pair at {@code acc[i], acc[i + 1]}, in place: QD's
     * {@code sloppy_add} (TwoSum of the high parts, {@code acc[i + 1] + bl} added to its error in double,
     * then FastTwoSum). Not the same rounding as {@link #add}: see the class comment.
     *
     * @param acc pairs {@code (hi, lo)} at even and odd positions
     * @param i the index of the high part of the accumulator
     * @param bh the high part of the addend
     * @param bl the low part of the addend
     */
    public static void addSloppy(double[] acc, int i, double bh, double bl) {
        double ah = acc[i];
        double s = ah + bh;
        double bb = s - ah;
        double e = (ah - (s - bb)) + (bh - bb);
        e += acc[i + 1] + bl;
        double hi = s + e;
        acc[i + 1] = e - (hi - s);
        acc[i] = hi;
    }

    /**
     * Adds {@code x (yh + yl)} to the pair at {@code acc[i], acc[i + 1]}: {@code p = fl(x yh)} and
     * {@code e = fma(x, yh, -p) + fl(x yl)} (TwoProd plus the low term), then {@link #addSloppy} of
     * {@code (p, e)}. The product pair is not renormalised before the addition.
     *
     * @param acc pairs {@code (hi, lo)} at even and odd positions
     * @param i the index of the high part of the accumulator
     * @param x a double factor
     * @param yh the high part of the double-double factor
     * @param yl its low part
     */
    public static void addProductSloppy(double[] acc, int i, double x, double yh, double yl) {
        double p = x * yh;
        double e = Math.fma(x, yh, -p) + x * yl;
        addSloppy(acc, i, p, e);
    }

    /**
     * Adds {@code (xh + xl)(yh + yl)} to the pair at {@code acc[i], acc[i + 1]}: {@code p = fl(xh yh)} and
     * {@code e = fma(xh, yh, -p) + fl(fl(xh yl) + fl(xl yh))} ({@code xl yl} dropped, as in {@link #mul}),
     * then {@link #addSloppy} of {@code (p, e)} without renormalising the product first.
     *
     * @param acc pairs {@code (hi, lo)} at even and odd positions
     * @param i the index of the high part of the accumulator
     * @param xh the high part of the first factor
     * @param xl its low part
     * @param yh the high part of the second factor
     * @param yl its low part
     */
    public static void addProductSloppy(double[] acc, int i, double xh, double xl, double yh, double yl) {
        double p = xh * yh;
        double e = Math.fma(xh, yh, -p) + (xh * yl + xl * yh);
        addSloppy(acc, i, p, e);
    }

    /**
     * The pair at {@code acc[i], acc[i + 1]} rounded to double.
     *
     * @param acc pairs {@code (hi, lo)} at even and odd positions
     * @param i the index of the high part
     * @return {@code fl(acc[i] + acc[i + 1])}
     */
    public static double value(double[] acc, int i) {
        return acc[i] + acc[i + 1];
    }

    /**
     * Every pair of {@code acc} rounded to double.
     *
     * @param acc pairs {@code (hi, lo)} at even and odd positions
     * @return {@code out[j] = fl(acc[2j] + acc[2j + 1])}, of length {@code acc.length / 2}
     */
    public static double[] values(double[] acc) {
        double[] out = new double[acc.length / 2];
        for (int j = 0; j < out.length; j++) {
            out[j] = acc[2 * j] + acc[2 * j + 1];
        }
        return out;
    }
}
