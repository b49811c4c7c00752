package io.gridlearn.glm;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The first pass of a GLM fit: checks every row ({@link RowCheck}) and sums what the fit starts from.
 *
 * <p>Slots: {@code [rows usable, Σf, Σf·y, then the rows with a non-finite target, a bad weight, a
 * non-finite offset, a response outside the family's support, a non-finite feature (slot 2 + the problem's
 * code), then the usable rows with a positive weight]}; the sums
 * are over usable rows (no problem at all), f the frequency weight (1 without a weight column).
 */
public final class GlmPrepKernel implements BlockKernel {
    static final int WIDTH = 9;
    static final int POSITIVE = 8;

    private int[] featureColumns;
    private int targetColumn;
    private int weightColumn;
    private int offsetColumn;
    private int family;
    private double variancePower;
    private transient Distribution dist;

    /** For Hazelcast's deserialization ({@link GlmSerializerHook}); the fields are then read by {@code readData}. */
    public GlmPrepKernel() {
    }

    GlmPrepKernel(int[] featureColumns, int targetColumn, int weightColumn, int offsetColumn, GlmOptions o) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.offsetColumn = offsetColumn;
        this.family = o.family().ordinal();
        this.variancePower = o.variancePower();
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        if (dist == null) {
            dist = new Distribution(Family.values()[family], Link.IDENTITY, variancePower, 1.0, 1.0);
        }
        int[] col = new int[1];
        for (int r = 0; r < b.rows(); r++) {
            int problem = RowCheck.check(b, r, featureColumns, targetColumn, weightColumn, offsetColumn, dist, col);
            if (problem != RowCheck.OK) {
                partial[2 + problem]++;
                continue;
            }
            double w = weightColumn < 0 ? 1.0 : b.get(r, weightColumn);
            partial[0]++;
            partial[1] += w;
            partial[2] += w * b.get(r, targetColumn);
            if (w > 0.0) {
                partial[POSITIVE]++;
            }
        }
    }

    @Override
    public int getFactoryId() {
        return GlmSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GlmSerializerHook.PREP_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
        out.writeInt(offsetColumn);
        out.writeInt(family);
        out.writeDouble(variancePower);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        weightColumn = in.readInt();
        offsetColumn = in.readInt();
        family = in.readInt();
        variancePower = in.readDouble();
        dist = null;
    }
}
