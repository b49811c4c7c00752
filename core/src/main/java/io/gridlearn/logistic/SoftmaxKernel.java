package io.gridlearn.logistic;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * One pass of multinomial (softmax) logistic regression in the symmetric parameterisation: {@code K} rows
 * {@code θ_k} of {@code q = p + 1} (intercept first), flattened as {@code θ[k q + a]}.
 *
 * <p>With {@code η_k = θ_k·z}, {@code lse = m + log Σ_k e^{η_k - m}} ({@code m = max η}), the row's
 * log-likelihood is {@code η_y - lse}, its gradient {@code (δ_ky - p_k) z} and the Hessian of the negative
 * log-likelihood has blocks {@code (p_k δ_kl - p_k p_l) z z'}. Slots as {@link BinaryKernel} with
 * {@code D = K q} parameters; "sure" rows have {@code 1 - p_y = Σ_{k≠y} p_k <= 1e-10}. With frequency weights
 * every such slot is weighted as in {@link BinaryKernel}; a row of weight 0 enters nothing.
 */
public final class SoftmaxKernel implements BlockKernel {
    private int[] featureColumns;
    private int targetColumn;
    private int classes;
    private double[] center;
    private double[] scale;
    private double[] theta;
    private boolean hessian;
    private int weightColumn = -1;

    /** An empty kernel, for deserialization. */
    public SoftmaxKernel() {
    }

    /**
     * A kernel for one pass at {@code theta}.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label, 0..K−1
     * @param classes        the number of classes K
     * @param center         per-feature shift c of the working scale, or null for none
     * @param scale          per-feature divisor s of the working scale, or null for none
     * @param theta          the working parameters θ, K q of them, flattened as {@code θ[k q + a]}
     * @param hessian        true to add the Hessian as well as the gradient (Newton steps); false for the gradient
     */
    public SoftmaxKernel(int[] featureColumns, int targetColumn, int classes, double[] center, double[] scale,
                         double[] theta, boolean hessian) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.classes = classes;
        this.center = center == null ? null : center.clone();
        this.scale = scale == null ? null : scale.clone();
        this.theta = theta.clone();
        this.hessian = hessian;
    }

    /**
     * A kernel for one pass at {@code theta} with frequency weights.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label, 0..K−1
     * @param classes        the number of classes K
     * @param center         per-feature shift c of the working scale, or null for none
     * @param scale          per-feature divisor s of the working scale, or null for none
     * @param theta          the working parameters θ, K q of them, flattened as {@code θ[k q + a]}
     * @param hessian        true to add the Hessian as well as the gradient
     * @param weightColumn   the block column of the frequency weights, or −1 for none
     */
    public SoftmaxKernel(int[] featureColumns, int targetColumn, int classes, double[] center, double[] scale,
                         double[] theta, boolean hessian, int weightColumn) {
        this(featureColumns, targetColumn, classes, center, scale, theta, hessian);
        this.weightColumn = weightColumn;
    }

    @Override
    public int width() {
        int d = classes * (featureColumns.length + 1);
        return BinaryKernel.HEAD + d + (hessian ? d * (d + 1) / 2 : 0);
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int q = featureColumns.length + 1;
        int kk = classes;
        int d = kk * q;
        double[] z = new double[q];
        double[] eta = new double[kk];
        double[] prob = new double[kk];
        double[] c = new double[kk * kk];
        int h0 = BinaryKernel.HEAD + d;
        for (int r = 0; r < b.rows(); r++) {
            if (Rows.weightedOut(b, r, weightColumn)) {
                continue;
            }
            int y = Rows.loadLabelled(b, r, featureColumns, targetColumn, center, scale, z, kk, partial);
            if (y < 0) {
                continue;
            }
            double wt = Rows.weight(b, r, weightColumn);
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kk; k++) {
                double s = 0.0;
                for (int a = 0; a < q; a++) {
                    s += theta[k * q + a] * z[a];
                }
                eta[k] = s;
                m = Math.max(m, s);
            }
            double sum = 0.0;
            for (int k = 0; k < kk; k++) {
                sum += Math.exp(eta[k] - m);
            }
            double lse = m + Math.log(sum);
            double others = 0.0;
            for (int k = 0; k < kk; k++) {
                prob[k] = Math.exp(eta[k] - lse);
                if (k != y) {
                    others += prob[k];
                }
            }
            partial[0] += wt;
            partial[4] += wt * (eta[y] - lse);
            if (others <= BinaryKernel.SURE) {
                partial[3] += wt;
            }
            for (int k = 0; k < kk; k++) {
                double resid = wt * (k == y ? others : -prob[k]); // 1 - p_y computed as Σ_{k≠y} p_k
                for (int a = 0; a < q; a++) {
                    partial[BinaryKernel.HEAD + k * q + a] += resid * z[a];
                }
            }
            if (!hessian) {
                continue;
            }
            for (int k = 0; k < kk; k++) {
                for (int l = 0; l <= k; l++) {
                    c[k * kk + l] = wt * ((k == l ? prob[k] : 0.0) - prob[k] * prob[l]);
                }
            }
            for (int i = 0; i < d; i++) {
                int k = i / q;
                double zi = z[i % q];
                int base = h0 + Rows.packed(i, 0);
                for (int j = 0; j <= i; j++) {
                    partial[base + j] += c[k * kk + j / q] * zi * z[j % q];
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
        return LogisticSerializerHook.SOFTMAX_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(classes);
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
        classes = in.readInt();
        center = in.readDoubleArray();
        scale = in.readDoubleArray();
        theta = in.readDoubleArray();
        hessian = in.readBoolean();
        weightColumn = in.readInt();
    }
}
