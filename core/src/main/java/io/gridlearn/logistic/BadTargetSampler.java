package io.gridlearn.logistic;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.SortedMap;

/**
 * Finds the first row of each block whose (finite) target is not a class {@code 0..K-1}, so that the error
 * message can name the value and row of the first one in the dataset (sums cannot carry a value).
 */
public final class BadTargetSampler implements BlockSampler {
    private int[] featureColumns;
    private int targetColumn;
    private int classes;
    private int weightColumn = -1;

    /** An empty sampler, for deserialization. */
    public BadTargetSampler() {
    }

    /**
     * A sampler of the given columns.
     *
     * @param featureColumns the block columns of the features
     * @param targetColumn   the block column of the class label
     * @param classes        the number of classes K
     */
    public BadTargetSampler(int[] featureColumns, int targetColumn, int classes) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.classes = classes;
    }

    /**
     * A sampler of the given columns that passes over rows of weight 0, as the fit does.
     *
     * @param featureColumns the block columns of the features
     * @param targetColumn   the block column of the class label
     * @param classes        the number of classes K
     * @param weightColumn   the block column of the frequency weights, or −1 for none
     */
    public BadTargetSampler(int[] featureColumns, int targetColumn, int classes, int weightColumn) {
        this(featureColumns, targetColumn, classes);
        this.weightColumn = weightColumn;
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        double[] z = new double[featureColumns.length + 1];
        for (int r = 0; r < b.rows(); r++) {
            if (!Rows.weightedOut(b, r, weightColumn) && Rows.load(b, r, featureColumns, targetColumn, null, null, z)
                    && Rows.classOf(b.get(r, targetColumn), classes) < 0) {
                out.put(firstRowId + r, new double[] {b.get(r, targetColumn)});
                return;
            }
        }
    }

    @Override
    public int getFactoryId() {
        return LogisticSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LogisticSerializerHook.BAD_TARGET_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(classes);
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        classes = in.readInt();
        weightColumn = in.readInt();
    }
}
