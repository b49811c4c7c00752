package io.gridlearn.stats;

import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.LowerProducts;
import io.gridlearn.simd.Simd;

/**
 * Per-block kernel: for m rows of q columns, the shift c (the rounded column means), the shifted sums
 * {@code e = Σ (z − c)} and the shifted cross products {@code D = Σ (z − c)(z − c)'} (packed lower
 * triangle), ready for {@link MomentMatrix#addShifted}.
 *
 * <p>The gathered, centred columns live in one reusable column-major scratch array, so a pass allocates per
 * block at most once and never per row. D is computed by {@link LowerProducts} in 4×4 tiles of four-lane fused
 * multiply-adds ({@link Lanes#dot4x4}). Each entry's order of arithmetic is fixed by {@link Lanes}
 * and depends only on the block's contents, whether or not the Vector API is available: the result is a
 * deterministic function of the block.
 */
public final class ShiftedBlockMoments {
    private final int q;
    private final LowerProducts products = new LowerProducts();
    private final Lanes lanes = Simd.lanes();
    /** Column j of the gathered, centred block at {@code z[j * stride ..]}. */
    private double[] z;
    /** The weighted, centred columns w ∘ (z − c) of a weighted block, laid out as {@link #z}. */
    private double[] wz;
    /** The gathered weights of a weighted block. */
    private double[] wv;
    private int stride;
    /** The last weighted block's weight total, rounded. */
    private double weightTotal;
    private final double[] shift;
    private final double[] e;
    private final double[] d;

    /**
     * A kernel for blocks of q columns; its buffers grow with the largest block seen.
     *
     * @param q the number of columns gathered
     */
    public ShiftedBlockMoments(int q) {
        this.q = q;
        this.shift = new double[q];
        this.e = new double[q];
        this.d = new double[q * (q + 1) / 2];
        this.z = new double[0];
    }

    /**
     * Gathers rows {@code rows[0..m)} (or the first m rows when {@code rows} is null) of the given columns
     * of a column-major block with {@code blockRows} rows, then computes shift, e and D.
     *
     * @param values the block's values, column-major
     * @param blockRows the block's row count
     * @param columns the q columns to gather
     * @param rows the rows to gather, in order, or null for the first m
     * @param m the number of rows gathered
     */
    public void compute(double[] values, int blockRows, int[] columns, int[] rows, int m) {
        if (stride < m) {
            stride = Math.max(m, 16);
            z = new double[q * stride];
        }
        for (int j = 0; j < q; j++) {
            int base = columns[j] * blockRows;
            int zj = j * stride;
            if (rows == null) {
                System.arraycopy(values, base, z, zj, m);
            } else {
                for (int r = 0; r < m; r++) {
                    z[zj + r] = values[base + rows[r]];
                }
            }
            // sums in the vector lanes: one sequential chain per column would cost as much as the tiles
            double c = m == 0 ? 0 : lanes.sum(z, zj, m) / m;
            for (int r = 0; r < m; r++) {
                z[zj + r] -= c;
            }
            shift[j] = c;
            e[j] = lanes.sum(z, zj, m);
        }
        crossProducts(m);
    }

    /**
     * The weighted form of {@link #compute}: rows {@code rows[0..m)} (or the first m) with frequency weights
     * {@code weights[rows[r]]} (or {@code weights[r]}), read at {@code weights[weightOffset + row]}; computes the
     * weight total {@code W = Σ w} (in the lanes' order), the shift {@code c = Σ w z / W} (rounded), the weighted
     * shifted sums {@code e = Σ w (z − c)} and cross products {@code D = Σ (w (z − c))(z − c)'}. With every weight 1
     * each step is the unweighted one's operation on the same values ({@code 1 · x = x} exactly), so the result is
     * the same bits as {@link #compute}. The caller leaves zero-weight rows out of {@code rows}.
     *
     * @param values       the block's values, column-major
     * @param blockRows    the block's row count
     * @param columns      the q columns to gather
     * @param rows         the rows to gather, in order, or null for the first m
     * @param m            the number of rows gathered
     * @param weights      the array holding the weights (typically {@code values} itself)
     * @param weightOffset where row 0's weight is in {@code weights}
     */
    public void computeWeighted(double[] values, int blockRows, int[] columns, int[] rows, int m, double[] weights,
                                int weightOffset) {
        if (stride < m || wz == null || wz.length < z.length) {
            stride = Math.max(Math.max(m, 16), stride);
            z = new double[q * stride];
            wz = new double[q * stride];
            wv = new double[stride];
        }
        for (int r = 0; r < m; r++) {
            wv[r] = weights[weightOffset + (rows == null ? r : rows[r])];
        }
        double total = m == 0 ? 0 : lanes.sum(wv, 0, m);
        for (int j = 0; j < q; j++) {
            int base = columns[j] * blockRows;
            int zj = j * stride;
            for (int r = 0; r < m; r++) {
                double x = values[base + (rows == null ? r : rows[r])];
                z[zj + r] = x;
                wz[zj + r] = wv[r] * x;
            }
            double c = m == 0 ? 0 : lanes.sum(wz, zj, m) / total;
            for (int r = 0; r < m; r++) {
                double t = z[zj + r] - c;
                z[zj + r] = t;
                wz[zj + r] = wv[r] * t;
            }
            shift[j] = c;
            e[j] = lanes.sum(wz, zj, m);
        }
        weightTotal = total;
        products.compute(wz, z, stride, q, m, d, 0);
    }

    /**
     * Adds the last block computed by {@link #computeWeighted} to {@code target}, which becomes weighted.
     *
     * @param target the moments to add to
     * @param rows   the rows the block adds to the count (its rows of weight 0 included, if the caller counts them)
     */
    public void addWeightedTo(MomentMatrix target, int rows) {
        target.addShiftedWeighted(rows, weightTotal, shift, e, d);
    }

    private void crossProducts(int m) {
        products.compute(z, z, stride, q, m, d, 0);
    }

    /**
     * The last block's shift: each column's mean of the gathered rows, rounded.
     *
     * @return the shift c, not copied
     */
    public double[] shift() {
        return shift;
    }

    /**
     * The last block's shifted sums.
     *
     * @return {@code e = Σ (z − c)}, not copied
     */
    public double[] shiftedSums() {
        return e;
    }

    /**
     * The last block's shifted cross products.
     *
     * @return {@code D = Σ (z − c)(z − c)'}, packed lower triangle, not copied
     */
    public double[] shiftedCross() {
        return d;
    }

    /**
     * Adds the last computed block of m rows to {@code target}.
     *
     * @param target the moments to add to
     * @param m the block's row count, as given to {@link #compute}
     */
    public void addTo(MomentMatrix target, int m) {
        target.addShifted(m, shift, e, d);
    }
}
