package io.gridlearn.glm;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.SortedMap;

/**
 * Finds the first row of each block with a problem of {@link RowCheck} (a non-finite feature only when
 * {@code features} is true), as {@code [problem, column, value]}, so that the error names the row, the column
 * and the value of the first one in the dataset.
 */
public final class BadRowSampler implements BlockSampler {
    private int[] featureColumns;
    private int targetColumn;
    private int weightColumn;
    private int offsetColumn;
    private int family;
    private double variancePower;
    private boolean features;

    /** For Hazelcast's deserialization ({@link GlmSerializerHook}); the fields are then read by {@code readData}. */
    public BadRowSampler() {
    }

    BadRowSampler(int[] featureColumns, int targetColumn, int weightColumn, int offsetColumn, GlmOptions o,
                  boolean features) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.offsetColumn = offsetColumn;
        this.family = o.family().ordinal();
        this.variancePower = o.variancePower();
        this.features = features;
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        Distribution d = new Distribution(Family.values()[family], Link.IDENTITY, variancePower, 1.0, 1.0);
        int[] col = new int[1];
        for (int r = 0; r < b.rows(); r++) {
            int problem = RowCheck.check(b, r, featureColumns, targetColumn, weightColumn, offsetColumn, d, col);
            if (problem != RowCheck.OK && (features || problem != RowCheck.FEATURE_NOT_FINITE)) {
                out.put(firstRowId + r, new double[] {problem, col[0], b.get(r, col[0])});
                return;
            }
        }
    }

    @Override
    public int getFactoryId() {
        return GlmSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GlmSerializerHook.BAD_ROW_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
        out.writeInt(offsetColumn);
        out.writeInt(family);
        out.writeDouble(variancePower);
        out.writeBoolean(features);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        weightColumn = in.readInt();
        offsetColumn = in.readInt();
        family = in.readInt();
        variancePower = in.readDouble();
        features = in.readBoolean();
    }
}
