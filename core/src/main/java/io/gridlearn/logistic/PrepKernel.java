package io.gridlearn.logistic;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * First pass(es) of a logistic fit: checks every row and gathers the moments the driver standardizes with.
 *
 * <p>Slots: {@code [rows used, rows with a non-finite value, rows whose target is not a class,
 * count of class 0 .. maxClasses-1, Σ (x_j - c_j), Σ (x_j - c_j)², rows whose target is not finite]}
 * (the last are also counted in the second slot: under {@code --missing skip} a row with a non-finite feature
 * is left out, one with a non-finite target is refused). The driver calls it with {@code c = 0}
 * for the means and then with {@code c = mean}, so the variance is a sum of squared deviations (no
 * cancellation of {@code Σx² - n x̄²}).
 *
 * <p>With frequency weights every sum is weighted: rows used is Σw, a class count is the Σw of its rows, and the
 * moments are {@code Σ w (x - c)}, {@code Σ w (x - c)²} (those of the rows repeated wᵢ times); a row of weight 0
 * enters no slot at all. The non-finite and bad-target slots count rows.
 */
public final class PrepKernel implements BlockKernel {
    private int[] featureColumns;
    private int targetColumn;
    private int maxClasses;
    private double[] center;
    private int weightColumn = -1;

    /** An empty kernel, for deserialization. */
    public PrepKernel() {
    }

    /**
     * A kernel with the given shift.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label
     * @param maxClasses     the most classes counted; a target outside 0 .. maxClasses-1 is not a class
     * @param center         per-feature shift, or null for none
     */
    public PrepKernel(int[] featureColumns, int targetColumn, int maxClasses, double[] center) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.maxClasses = maxClasses;
        this.center = center == null ? null : center.clone();
    }

    /**
     * A kernel with the given shift and frequency weights.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label
     * @param maxClasses     the most classes counted; a target outside 0 .. maxClasses-1 is not a class
     * @param center         per-feature shift, or null for none
     * @param weightColumn   the block column of the frequency weights, or −1 for none
     */
    public PrepKernel(int[] featureColumns, int targetColumn, int maxClasses, double[] center, int weightColumn) {
        this(featureColumns, targetColumn, maxClasses, center);
        this.weightColumn = weightColumn;
    }

    @Override
    public int width() {
        return 3 + maxClasses + 2 * featureColumns.length + 1;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int p = featureColumns.length;
        double[] z = new double[p + 1];
        int sums = 3 + maxClasses;
        for (int r = 0; r < b.rows(); r++) {
            if (Rows.weightedOut(b, r, weightColumn)) {
                continue;
            }
            if (!Rows.load(b, r, featureColumns, targetColumn, center, null, z)) {
                partial[1]++;
                if (!Double.isFinite(b.get(r, targetColumn))) {
                    partial[3 + maxClasses + 2 * p]++;
                }
                continue;
            }
            int k = Rows.classOf(b.get(r, targetColumn), maxClasses);
            if (k < 0) {
                partial[2]++;
                continue;
            }
            double w = Rows.weight(b, r, weightColumn);
            partial[0] += w;
            partial[3 + k] += w;
            for (int j = 0; j < p; j++) {
                double wz = w * z[j + 1];
                partial[sums + j] += wz;
                partial[sums + p + j] += wz * z[j + 1];
            }
        }
    }

    @Override
    public int getFactoryId() {
        return LogisticSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LogisticSerializerHook.PREP_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(maxClasses);
        out.writeDoubleArray(center);
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        maxClasses = in.readInt();
        center = in.readDoubleArray();
        weightColumn = in.readInt();
    }
}
