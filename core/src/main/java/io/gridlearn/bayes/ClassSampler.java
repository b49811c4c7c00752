package io.gridlearn.bayes;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;

/**
 * Finds the distinct target values: per block, the first fully finite row of each distinct target value,
 * as {@code [y, x_1, …, x_p]}. The union over blocks gives the driver every label (so it can check they
 * are integers 0…K−1 and name the first offending row) and, per class, the lowest-id row, whose features
 * serve as that class's shift in {@link ClassMomentsKernel}. Output is at most (distinct labels) rows per
 * block. With frequency weights only rows of positive weight are candidates (a class whose rows all weigh 0 is
 * not in the data the model describes).
 */
public final class ClassSampler implements BlockSampler {
    private int[] featureColumns;
    private int targetColumn;
    private int weightColumn = -1;

    /** An empty sampler, for deserialization. */
    public ClassSampler() {
    }

    /**
     * A sampler of the given columns.
     *
     * @param featureColumns the block columns of the features
     * @param targetColumn   the block column of the class label
     */
    public ClassSampler(int[] featureColumns, int targetColumn) {
        this(featureColumns, targetColumn, -1);
    }

    /**
     * A sampler of the given columns, with frequency weights.
     *
     * @param featureColumns the block columns of the features
     * @param targetColumn   the block column of the class label
     * @param weightColumn   the block column of the weights (rows of weight 0 are not sampled), or −1
     */
    public ClassSampler(int[] featureColumns, int targetColumn, int weightColumn) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        int n = b.rows();
        double[] v = b.values();
        int p = featureColumns.length;
        Set<Double> seen = new HashSet<>();
        for (int r = 0; r < n; r++) {
            double y = v[targetColumn * n + r];
            if (!Double.isFinite(y) || seen.contains(y)) {
                continue;
            }
            if (weightColumn >= 0) {
                double w = v[weightColumn * n + r];
                if (!(w > 0) || Double.isInfinite(w)) {
                    continue;
                }
            }
            double[] row = new double[p + 1];
            row[0] = y;
            boolean ok = true;
            for (int j = 0; j < p; j++) {
                row[j + 1] = v[featureColumns[j] * n + r];
                ok &= Double.isFinite(row[j + 1]);
            }
            if (ok) {
                seen.add(y);
                out.put(firstRowId + r, row);
            }
        }
    }

    @Override
    public int getFactoryId() {
        return BayesSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return BayesSerializerHook.CLASS_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        weightColumn = in.readInt();
    }
}
