package io.gridlearn.pass;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;

import java.io.IOException;

/**
 * The check of a weight column ({@link Weights#check}): per block, the rows whose weight is negative or not finite,
 * Σw over the others, the rows of positive weight and all rows.
 *
 * <p>Slots: {@code [bad weights, Σw, rows with w > 0, rows]}. Rows are visited in order and the runner adds the
 * blocks' partials exactly, so Σw is the same bits on any cluster.
 */
public final class WeightCheckKernel implements BlockKernel {
    static final int BAD = 0;
    static final int SUM = 1;
    static final int POSITIVE = 2;
    static final int ROWS = 3;

    private int weightColumn;

    /** For Hazelcast's deserialization ({@link PassSerializerHook}); the column is then read by {@code readData}. */
    public WeightCheckKernel() {
    }

    /**
     * A check of one column.
     *
     * @param weightColumn the weight column's position in the blocks
     */
    public WeightCheckKernel(int weightColumn) {
        this.weightColumn = weightColumn;
    }

    @Override
    public int width() {
        return 4;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int n = b.rows();
        double[] v = b.values();
        int w0 = b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            double w = v[w0 + r];
            if (!Weights.valid(w)) {
                partial[BAD]++;
                continue;
            }
            partial[SUM] += w;
            if (w > 0) {
                partial[POSITIVE]++;
            }
        }
        partial[ROWS] += n;
    }

    @Override
    public int getFactoryId() {
        return PassSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return PassSerializerHook.WEIGHT_CHECK_KERNEL;
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
