package io.gridlearn.pass;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;

import java.io.IOException;
import java.util.SortedMap;

/**
 * The first row of each block whose weight is negative or not finite, as {@code [weight]}: the union's first
 * entry is the dataset's first such row, which the error names ({@link Weights#check}).
 */
public final class BadWeightSampler implements BlockSampler {
    private int weightColumn;

    /** For Hazelcast's deserialization ({@link PassSerializerHook}); the column is then read by {@code readData}. */
    public BadWeightSampler() {
    }

    /**
     * A sampler of one column.
     *
     * @param weightColumn the weight column's position in the blocks
     */
    public BadWeightSampler(int weightColumn) {
        this.weightColumn = weightColumn;
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        for (int r = 0; r < b.rows(); r++) {
            double w = b.get(r, weightColumn);
            if (!Weights.valid(w)) {
                out.put(firstRowId + r, new double[] {w});
                return;
            }
        }
    }

    @Override
    public int getFactoryId() {
        return PassSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return PassSerializerHook.BAD_WEIGHT_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        weightColumn = in.readInt();
    }
}
