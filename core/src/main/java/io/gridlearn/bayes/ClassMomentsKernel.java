package io.gridlearn.bayes;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * Per-class shifted moments for Gaussian naive Bayes. With a fixed shift s_k per class (a data row of
 * class k, from {@link ClassSampler}), a block adds, per class k and feature j, the count n_k,
 * e_kj = Σ (x_j − s_kj) and q_kj = Σ (x_j − s_kj)². Because s_k is the same in every block, the runner's
 * exact sum of these partials is the shifted moment of the whole class, and the driver's
 * var = (q − e²/n)/n suffers cancellation only relative to (mean − s)², not to mean² as the textbook
 * Σx² − (Σx)²/n does (Chan, Golub &amp; LeVeque, "Algorithms for computing the sample variance", Am. Stat.
 * 37(3), 1983: the shifted-data algorithm).
 *
 * <p>Layout (K classes, p features): class k occupies {@code [k(1+2p), (k+1)(1+2p))} as n_k, e_k·, q_k·;
 * then rows with a non-finite used value, then rows whose target is not one of 0…K−1, then rows whose target
 * is not finite (also counted as non-finite rows: {@code --missing skip} leaves out rows with a non-finite
 * feature but refuses a missing label).
 *
 * <p>With frequency weights (a weight column) a row of weight w adds w to n_k, w (x − s) to e and w (x − s)² to q
 * (as {@code fma(w·d, d, q)}; with w = 1 the very operations of the unweighted kernel), and the vector has one
 * more slot, the rows of positive weight. Rows of weight 0 are left out after the finiteness check (their label
 * is not checked: they are not in the data the model describes); negative and non-finite weights are refused by
 * the trainer's check before this pass.
 */
public final class ClassMomentsKernel implements BlockKernel {
    private int[] featureColumns;
    private int targetColumn;
    private int classes;
    private double[] shifts;
    private int weightColumn = -1;

    /** An empty kernel, for deserialization. */
    public ClassMomentsKernel() {
    }

    /**
     * A kernel for K classes.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label, 0…K−1
     * @param classes        the number of classes K
     * @param shifts         K × p shifts, row-major
     */
    public ClassMomentsKernel(int[] featureColumns, int targetColumn, int classes, double[] shifts) {
        this(featureColumns, targetColumn, classes, shifts, -1);
    }

    /**
     * A kernel for K classes, with frequency weights.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label, 0…K−1
     * @param classes        the number of classes K
     * @param shifts         K × p shifts, row-major
     * @param weightColumn   the block column of the frequency weights, or −1
     */
    public ClassMomentsKernel(int[] featureColumns, int targetColumn, int classes, double[] shifts,
                              int weightColumn) {
        this.weightColumn = weightColumn;
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.classes = classes;
        this.shifts = shifts.clone();
    }

    static int stride(int p) {
        return 1 + 2 * p;
    }

    static int nonFiniteSlot(int classes, int p) {
        return classes * stride(p);
    }

    static int badLabelSlot(int classes, int p) {
        return classes * stride(p) + 1;
    }

    static int nonFiniteTargetSlot(int classes, int p) {
        return classes * stride(p) + 2;
    }

    static int positiveWeightSlot(int classes, int p) {
        return classes * stride(p) + 3;
    }

    @Override
    public int width() {
        return classes * stride(featureColumns.length) + (weightColumn < 0 ? 3 : 4);
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int n = b.rows();
        int p = featureColumns.length;
        double[] v = b.values();
        double[] x = new double[p];
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            double y = v[targetColumn * n + r];
            boolean ok = Double.isFinite(y);
            for (int j = 0; j < p; j++) {
                x[j] = v[featureColumns[j] * n + r];
                ok &= Double.isFinite(x[j]);
            }
            if (!ok) {
                partial[nonFiniteSlot(classes, p)]++;
                if (!Double.isFinite(y)) {
                    partial[nonFiniteTargetSlot(classes, p)]++;
                }
                continue;
            }
            double w = w0 < 0 ? 1.0 : v[w0 + r];
            if (w0 >= 0) {
                if (!(w > 0) || Double.isInfinite(w)) {
                    continue;
                }
                partial[positiveWeightSlot(classes, p)]++;
            }
            if (y != Math.rint(y) || y < 0 || y >= classes) {
                partial[badLabelSlot(classes, p)]++;
                continue;
            }
            int k = (int) y;
            int base = k * stride(p);
            partial[base] += w;
            for (int j = 0; j < p; j++) {
                double d = x[j] - shifts[k * p + j];
                double wd = w * d;
                partial[base + 1 + j] += wd;
                partial[base + 1 + p + j] = Math.fma(wd, d, partial[base + 1 + p + j]);
            }
        }
    }

    @Override
    public int getFactoryId() {
        return BayesSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return BayesSerializerHook.CLASS_MOMENTS_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(classes);
        out.writeDoubleArray(shifts);
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        classes = in.readInt();
        shifts = in.readDoubleArray();
        weightColumn = in.readInt();
    }
}
