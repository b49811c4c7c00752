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
 */
public final class ClassMomentsKernel implements BlockKernel {
    private int[] featureColumns;
    private int targetColumn;
    private int classes;
    private double[] shifts;

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

    @Override
    public int width() {
        return classes * stride(featureColumns.length) + 3;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int n = b.rows();
        int p = featureColumns.length;
        double[] v = b.values();
        double[] x = new double[p];
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
            if (y != Math.rint(y) || y < 0 || y >= classes) {
                partial[badLabelSlot(classes, p)]++;
                continue;
            }
            int k = (int) y;
            int base = k * stride(p);
            partial[base]++;
            for (int j = 0; j < p; j++) {
                double d = x[j] - shifts[k * p + j];
                partial[base + 1 + j] += d;
                partial[base + 1 + p + j] = Math.fma(d, d, partial[base + 1 + p + j]);
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
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        classes = in.readInt();
        shifts = in.readDoubleArray();
    }
}
