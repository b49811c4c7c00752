package io.gridlearn.logistic;

import io.gridlearn.data.BlockChecks;
import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.LowerProducts;
import io.gridlearn.simd.Scratch;
import io.gridlearn.simd.Simd;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * One Newton (or L-BFGS) pass of binary logistic regression at {@code θ} (intercept first, working scale
 * {@code z = (1, (x - c)/s)}).
 *
 * <p>Slots: {@code [rows, non-finite rows, bad targets, sure rows, log-likelihood, X'(y - p) (q),
 * X'WX packed lower (q(q+1)/2, only with the Hessian)]}, {@code q = p + 1}, {@code W = p(1-p)}. With
 * {@code η = θ·z}: {@code log L_i = yη - log(1 + e^η) = yη - max(η, 0) - log1p(e^{-|η|})}, and {@code p},
 * {@code 1 - p} are both computed from {@code e^{-|η|}}, so nothing overflows or cancels. A row is "sure"
 * when the fitted probability of the other class is at most 1e-10: the separation check counts them.
 *
 * <p>With frequency weights wᵢ (statsmodels' {@code freq_weights}: row i counts as wᵢ copies of itself) every
 * slot but the non-finite and bad-target counts is weighted: rows is Σw, sure rows their Σw, and
 * {@code Σ w log Lᵢ}, {@code X'W(y - p)}, {@code X'diag(w p(1-p))X}. A row of weight 0 enters nothing.
 */
public final class BinaryKernel implements BlockKernel {
    private static final Lanes LANES = Simd.lanes();
    static final int HEAD = 5;
    static final double SURE = 1e-10;

    private int[] featureColumns;
    private int targetColumn;
    private double[] center;
    private double[] scale;
    private double[] theta;
    private boolean hessian;
    private int weightColumn = -1;

    /** An empty kernel, for deserialization. */
    public BinaryKernel() {
    }

    /**
     * A kernel for one pass at {@code theta}.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the 0/1 target
     * @param center         per-feature shift c of the working scale, or null for none
     * @param scale          per-feature divisor s of the working scale, or null for none
     * @param theta          the working parameters θ, q = p + 1 of them, intercept first
     * @param hessian        true to add X'WX as well as the gradient (Newton steps); false for the gradient alone
     */
    public BinaryKernel(int[] featureColumns, int targetColumn, double[] center, double[] scale, double[] theta,
                        boolean hessian) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.center = center == null ? null : center.clone();
        this.scale = scale == null ? null : scale.clone();
        this.theta = theta.clone();
        this.hessian = hessian;
    }

    /**
     * A kernel for one pass at {@code theta} with frequency weights.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the 0/1 target
     * @param center         per-feature shift c of the working scale, or null for none
     * @param scale          per-feature divisor s of the working scale, or null for none
     * @param theta          the working parameters θ, q = p + 1 of them, intercept first
     * @param hessian        true to add X'WX as well as the gradient
     * @param weightColumn   the block column of the frequency weights, or −1 for none
     */
    public BinaryKernel(int[] featureColumns, int targetColumn, double[] center, double[] scale, double[] theta,
                        boolean hessian, int weightColumn) {
        this(featureColumns, targetColumn, center, scale, theta, hessian);
        this.weightColumn = weightColumn;
    }

    @Override
    public int width() {
        int q = featureColumns.length + 1;
        return HEAD + q + (hessian ? q * (q + 1) / 2 : 0);
    }

    /**
     * A block whose used columns are all finite and whose targets are all 0 or 1 goes column by column: the
     * working columns {@code z_j = (x_j − c_j)/s_j} and {@code η = Σ_j θ_j z_j} element by element (per row the
     * operations of the row path), then per row the probabilities, log-likelihood and the sure-row count, then
     * the gradient {@code Σ_r (y_r − p_r) z_j} by {@link Lanes#dot} and the Hessian {@code Σ_r w_r z_i z_j} by
     * {@link LowerProducts} on {@code u_i = w ∘ z_i}, both in the vector lanes' fixed order. Other blocks take
     * the row path, which counts what it skips. With frequency weights the column path runs over the rows of
     * positive weight only, so a block with rows of weight 0 is summed exactly as the block without them.
     */
    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int n = b.rows();
        double[] v = b.values();
        int[] kept = null; // with weights: the rows of positive weight, the only ones that enter the sums
        int m = n;
        if (weightColumn >= 0) {
            kept = positiveRows(v, weightColumn * n, n);
            m = kept.length;
            if (!usable(v, n, kept)) {
                accumulateRows(b, partial);
                return;
            }
        } else if (!BlockChecks.allFinite(v, n, featureColumns)
                || !BlockChecks.allFinite(v, n, new int[] {targetColumn}) || !allBinary(v, targetColumn * n, n)) {
            accumulateRows(b, partial);
            return;
        }
        int q = featureColumns.length + 1;
        double[] z = Scratch.get(0, q * m);
        double[] eta = Scratch.get(1, m);
        double[] resid = Scratch.get(2, m);
        java.util.Arrays.fill(z, 0, m, 1.0);
        for (int j = 1; j < q; j++) {
            int src = featureColumns[j - 1] * n;
            int dst = j * m;
            double c = center == null ? 0.0 : center[j - 1];
            for (int r = 0; r < m; r++) {
                double x = v[src + (kept == null ? r : kept[r])];
                if (center != null) {
                    x -= c;
                }
                if (scale != null) {
                    x /= scale[j - 1];
                }
                z[dst + r] = x;
            }
        }
        java.util.Arrays.fill(eta, 0, m, 0.0);
        for (int j = 0; j < q; j++) {
            double t = theta[j];
            int col = j * m;
            for (int r = 0; r < m; r++) {
                eta[r] += t * z[col + r];
            }
        }
        int y0 = targetColumn * n;
        int w0 = weightColumn * n;
        double[] w = hessian ? Scratch.get(3, q * m) : null;
        double weightSum = 0.0;
        for (int r = 0; r < m; r++) {
            int row = kept == null ? r : kept[r];
            double wt = kept == null ? 1.0 : v[w0 + row];
            weightSum += wt;
            int y = (int) v[y0 + row];
            double et = eta[r];
            double e = Math.exp(-Math.abs(et));
            double p1 = et >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            double p0 = et >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
            partial[4] += wt * (y * et - Math.max(et, 0.0) - Math.log1p(e));
            if ((y == 1 ? p0 : p1) <= SURE) {
                partial[3] += wt;
            }
            resid[r] = wt * (y == 1 ? p0 : -p1);
            if (hessian) {
                w[r] = p1 * p0 * wt;
            }
        }
        partial[0] += kept == null ? n : weightSum;
        for (int j = 0; j < q; j++) {
            partial[HEAD + j] += LANES.dot(resid, 0, z, j * m, m);
        }
        if (hessian) {
            // u_i = w ∘ z_i, column by column, written over w from the last column down (w itself is u_0's input)
            for (int i = q - 1; i >= 0; i--) {
                int col = i * m;
                for (int r = 0; r < m; r++) {
                    w[col + r] = w[r] * z[col + r];
                }
            }
            int h0 = HEAD + q;
            double[] h = Scratch.get(1, q * (q + 1) / 2); // η is no longer needed
            new LowerProducts().compute(w, z, m, q, m, h, 0);
            for (int t = 0; t < q * (q + 1) / 2; t++) {
                partial[h0 + t] += h[t];
            }
        }
    }

    /** The rows whose weight is positive (the others enter no sum: a weight of 0 removes its row exactly). */
    static int[] positiveRows(double[] v, int from, int n) {
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (v[from + r] > 0.0) {
                count++;
            }
        }
        int[] rows = new int[count];
        for (int r = 0, i = 0; r < n; r++) {
            if (v[from + r] > 0.0) {
                rows[i++] = r;
            }
        }
        return rows;
    }

    /** True when every kept row has finite features, a finite weight and a target of 0 or 1. */
    private boolean usable(double[] v, int n, int[] kept) {
        for (int r : kept) {
            double y = v[targetColumn * n + r];
            if (y != 0.0 && y != 1.0 || !(v[weightColumn * n + r] < Double.POSITIVE_INFINITY)) {
                return false;
            }
            for (int c : featureColumns) {
                if (!Double.isFinite(v[c * n + r])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean allBinary(double[] v, int from, int n) {
        for (int r = 0; r < n; r++) {
            double y = v[from + r];
            if (y != 0.0 && y != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** Row at a time, counting and skipping rows with a non-finite value or a target outside {0, 1}. */
    void accumulateRows(RowBlock b, double[] partial) {
        int q = featureColumns.length + 1;
        double[] z = new double[q];
        int h0 = HEAD + q;
        for (int r = 0; r < b.rows(); r++) {
            if (Rows.weightedOut(b, r, weightColumn)) {
                continue;
            }
            int y = Rows.loadLabelled(b, r, featureColumns, targetColumn, center, scale, z, 2, partial);
            if (y < 0) {
                continue;
            }
            double wt = Rows.weight(b, r, weightColumn);
            double eta = 0.0;
            for (int j = 0; j < q; j++) {
                eta += theta[j] * z[j];
            }
            double e = Math.exp(-Math.abs(eta));
            double p1 = eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e); // P(y = 1)
            double p0 = eta >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e); // P(y = 0), not 1 - p1
            partial[0] += wt;
            partial[4] += wt * (y * eta - Math.max(eta, 0.0) - Math.log1p(e));
            if ((y == 1 ? p0 : p1) <= SURE) {
                partial[3] += wt;
            }
            double resid = wt * (y == 1 ? p0 : -p1);
            for (int j = 0; j < q; j++) {
                partial[HEAD + j] += resid * z[j];
            }
            if (hessian) {
                double w = p1 * p0 * wt;
                for (int i = 0; i < q; i++) {
                    double wi = w * z[i];
                    int base = h0 + Rows.packed(i, 0);
                    for (int j = 0; j <= i; j++) {
                        partial[base + j] += wi * z[j];
                    }
                }
            }
        }
    }

    @Override
    public int getFactoryId() {
        return LogisticSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LogisticSerializerHook.BINARY_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeDoubleArray(center);
        out.writeDoubleArray(scale);
        out.writeDoubleArray(theta);
        out.writeBoolean(hessian);
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        center = in.readDoubleArray();
        scale = in.readDoubleArray();
        theta = in.readDoubleArray();
        hessian = in.readBoolean();
        weightColumn = in.readInt();
    }
}
