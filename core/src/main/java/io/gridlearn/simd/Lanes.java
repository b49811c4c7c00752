package io.gridlearn.simd;

/**
 * Dot products and updates over contiguous runs of doubles, with one fixed order of arithmetic whether or
 * not the processor's vector units are used.
 *
 * <p>Every dot product of length m is computed in {@value #WIDTH} lanes: lane {@code l} accumulates
 * {@code s_l = fma(a_i, b_i, s_l)} over {@code i = l, l + 4, l + 8, …} below {@code m4 = m − m mod 4}, starting
 * from +0; the lanes are then added as {@code (s_0 + s_1) + (s_2 + s_3)}, and the last {@code m − m4} terms
 * are added one by one with {@code fma}. Updates are {@code y_i = fma(s, x_i, y_i)}, element by element. Every
 * step is one correctly rounded IEEE operation, so {@link ScalarLanes} (plain Java) and the Vector API
 * implementation produce the same bits on every machine; which one runs only changes the speed. That keeps
 * gridlearn's guarantee that a result does not depend on where, or on how many members, it was computed.
 *
 * <p>Four lanes are one 256-bit vector: a width every x86-64 processor with AVX2 and every AArch64 processor
 * executes natively. Several independent lane groups (the tiles below) hide the latency of the fused
 * multiply-add.
 */
public interface Lanes {
    /** Lanes per dot product. */
    int WIDTH = 4;

    /**
     * {@code Σ a[ia + i] b[ib + i]} for {@code i < m}, in the lane order above.
     *
     * @param a the first run's array
     * @param ia where the first run starts
     * @param b the second run's array
     * @param ib where the second run starts
     * @param m the length of both runs
     * @return the dot product
     */
    double dot(double[] a, int ia, double[] b, int ib, int m);

    /**
     * {@code Σ a[ia + i]} for {@code i < m}, in the lane order above (a dot product with ones).
     *
     * @param a the run's array
     * @param ia where the run starts
     * @param m the run's length
     * @return the sum
     */
    double sum(double[] a, int ia, int m);

    /**
     * Four dot products of one run against four: {@code out[o + t] = Σ a[ia + i] b[bt + i]}, t = 0..3, each
     * in the lane order above (identical to four calls of {@link #dot}).
     *
     * @param a the array of the common run
     * @param ia where the common run starts
     * @param b the array of the four other runs
     * @param b0 where the first of them starts
     * @param b1 where the second starts
     * @param b2 where the third starts
     * @param b3 where the fourth starts
     * @param m the length of every run
     * @param out receives the four dot products
     * @param o where they go in {@code out}
     */
    void dot1x4(double[] a, int ia, double[] b, int b0, int b1, int b2, int b3, int m, double[] out, int o);

    /**
     * A 4×4 tile of dot products: {@code out[o + 4s + t] = Σ a[as + i] b[bt + i]} for s, t = 0..3 (identical to
     * sixteen calls of {@link #dot}). Sixteen independent lane groups: four loads of {@code a} and one of
     * {@code b} per four multiply-adds, enough chains to hide the multiply-add latency. (Sixteen 256-bit
     * accumulators want the 32 vector registers of AVX-512; with 16 the compiler spills, still correct.)
     *
     * @param a the array of the four row runs
     * @param a0 where the first of them starts
     * @param a1 where the second starts
     * @param a2 where the third starts
     * @param a3 where the fourth starts
     * @param b the array of the four column runs
     * @param b0 where the first of them starts
     * @param b1 where the second starts
     * @param b2 where the third starts
     * @param b3 where the fourth starts
     * @param m the length of every run
     * @param out receives the sixteen dot products, row by row
     * @param o where they go in {@code out}
     */
    void dot4x4(double[] a, int a0, int a1, int a2, int a3, double[] b, int b0, int b1, int b2, int b3, int m,
                double[] out, int o);

    /**
     * {@code y[iy + i] = fma(s, x[ix + i], y[iy + i])} for {@code i < m}.
     *
     * @param s the scale
     * @param x the array of the run added
     * @param ix where it starts
     * @param y the array of the run updated in place
     * @param iy where it starts
     * @param m the length of both runs
     */
    void axpy(double s, double[] x, int ix, double[] y, int iy, int m);

    /**
     * {@code d[id + i] = fma(t, t, d[id + i])} with {@code t = x[ix + i] − c}, for {@code i < m}: one term of a
     * squared distance for m rows at once (element by element, so the same bits as a row-at-a-time loop).
     *
     * @param x the array of one column's run of values
     * @param ix where it starts
     * @param c the centre's coordinate subtracted from each value
     * @param d the array of the squared distances, updated in place
     * @param id where they start
     * @param m the number of rows
     */
    void addSquaredDifferences(double[] x, int ix, double c, double[] d, int id, int m);

    /**
     * Squared distances from m rows to one centre: {@code d[id + i] = Σ_j (x_ij − c_j)²} accumulated as
     * {@code s ← fma(t, t, s)}, {@code t = v[starts[j] + i] − centre[ic + j]}, j = 0 … p − 1 ascending from s = 0,
     * so per row exactly the operations of {@code p} calls of {@link #addSquaredDifferences} on a zeroed
     * {@code d} (the same bits), with each row's sum kept in a register for the whole row instead of read and
     * written back once per feature.
     *
     * @param v      the block's values, column after column
     * @param starts where feature j's run of the m rows starts in {@code v}, for j &lt; p
     * @param centre the centres, row-major
     * @param ic     where this centre's p coordinates start in {@code centre}
     * @param p      the number of features
     * @param d      the squared distances, written
     * @param id     where they start in {@code d}
     * @param m      the number of rows
     */
    default void squaredDistances(double[] v, int[] starts, double[] centre, int ic, int p, double[] d, int id, int m) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                double t = v[starts[j] + i] - centre[ic + j];
                s = Math.fma(t, t, s);
            }
            d[id + i] = s;
        }
    }

    /**
     * Which implementation this is, for logs and benchmarks.
     *
     * @return {@code "vector"} or {@code "scalar"}
     */
    String name();
}
