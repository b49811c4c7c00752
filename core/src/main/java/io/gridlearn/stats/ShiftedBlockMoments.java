package io.gridlearn.stats;

/**
 * Per-block kernel: for m rows of q columns, the shift c (the rounded column means), the shifted sums
 * {@code e = Σ (z − c)} and the shifted cross products {@code D = Σ (z − c)(z − c)'} (packed lower
 * triangle), ready for {@link MomentMatrix#addShifted}.
 *
 * <p>The gathered, centred columns live in reusable scratch arrays, so a pass allocates per block at most
 * once and never per row. D is computed as dot products of centred columns, four at a time, so each value
 * loaded from column j feeds four multiply-adds. The arithmetic order depends only on the block's contents,
 * which makes the result a deterministic function of the block.
 */
public final class ShiftedBlockMoments {
    private final int q;
    private double[][] z;
    private final double[] shift;
    private final double[] e;
    private final double[] d;

    public ShiftedBlockMoments(int q) {
        this.q = q;
        this.shift = new double[q];
        this.e = new double[q];
        this.d = new double[q * (q + 1) / 2];
        this.z = new double[q][0];
    }

    /** Columns gathered by {@link #gather}; row r of column j is {@code columns()[j][r]}. */
    double[][] columns() {
        return z;
    }

    /**
     * Gathers rows {@code rows[0..m)} (or the first m rows when {@code rows} is null) of the given columns
     * of a column-major block with {@code blockRows} rows, then computes shift, e and D.
     */
    public void compute(double[] values, int blockRows, int[] columns, int[] rows, int m) {
        if (z[0].length < m) {
            z = new double[q][Math.max(m, 16)];
        }
        for (int j = 0; j < q; j++) {
            int base = columns[j] * blockRows;
            double[] zj = z[j];
            if (rows == null) {
                System.arraycopy(values, base, zj, 0, m);
            } else {
                for (int r = 0; r < m; r++) {
                    zj[r] = values[base + rows[r]];
                }
            }
            double s = 0;
            for (int r = 0; r < m; r++) {
                s += zj[r];
            }
            double c = m == 0 ? 0 : s / m;
            double es = 0;
            for (int r = 0; r < m; r++) {
                double v = zj[r] - c;
                zj[r] = v;
                es += v;
            }
            shift[j] = c;
            e[j] = es;
        }
        crossProducts(m);
    }

    private void crossProducts(int m) {
        for (int j = 0; j < q; j++) {
            double[] zj = z[j];
            int rowBase = j * (j + 1) / 2;
            int k = 0;
            for (; k + 3 <= j; k += 4) {
                double[] z0 = z[k];
                double[] z1 = z[k + 1];
                double[] z2 = z[k + 2];
                double[] z3 = z[k + 3];
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                for (int r = 0; r < m; r++) {
                    double v = zj[r];
                    a0 = Math.fma(v, z0[r], a0);
                    a1 = Math.fma(v, z1[r], a1);
                    a2 = Math.fma(v, z2[r], a2);
                    a3 = Math.fma(v, z3[r], a3);
                }
                d[rowBase + k] = a0;
                d[rowBase + k + 1] = a1;
                d[rowBase + k + 2] = a2;
                d[rowBase + k + 3] = a3;
            }
            for (; k <= j; k++) {
                double[] zk = z[k];
                double a = 0;
                for (int r = 0; r < m; r++) {
                    a = Math.fma(zj[r], zk[r], a);
                }
                d[rowBase + k] = a;
            }
        }
    }

    public double[] shift() {
        return shift;
    }

    public double[] shiftedSums() {
        return e;
    }

    public double[] shiftedCross() {
        return d;
    }

    /** Adds the last computed block of m rows to {@code target}. */
    public void addTo(MomentMatrix target, int m) {
        target.addShifted(m, shift, e, d);
    }
}
