package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.BoundPredictor;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The metrics pass of a squared-error gbt model: per block, for rows with a finite target and features the common
 * row scorer accepts ({@link BoundPredictor#gather}), the sums {@code [rows, Σ(y − ŷ)², Σ|y − ŷ|, Σy, Σy², rows
 * skipped]} with ŷ the model's prediction (the same bits as {@code predict}); the runner adds the blocks'
 * partials exactly.
 */
public final class GbtEvalKernel implements BlockKernel {
    static final int ROWS = 0;
    static final int SSE = 1;
    static final int SAE = 2;
    static final int SY = 3;
    static final int SYY = 4;
    static final int SKIPPED = 5;

    private String modelJson;
    private int[] inputColumns;
    private int targetColumn;
    private final transient BoundPredictor.Lazy bound =
            new BoundPredictor.Lazy(() -> BoundPredictor.of(modelJson, inputColumns));

    /** For deserialization. */
    public GbtEvalKernel() {
    }

    /**
     * @param modelJson    the model's JSON
     * @param inputColumns the model's features' positions in the blocks
     * @param targetColumn the target's position
     */
    public GbtEvalKernel(String modelJson, int[] inputColumns, int targetColumn) {
        this.modelJson = modelJson;
        this.inputColumns = inputColumns.clone();
        this.targetColumn = targetColumn;
    }

    @Override
    public int width() {
        return 6;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        BoundPredictor p = bound.get();
        double[] x = p.newRow();
        double[] v = b.values();
        int n = b.rows();
        int t = b.columnOffset(targetColumn);
        for (int r = 0; r < n; r++) {
            double y = v[t + r];
            if (!p.gather(v, n, r, x) || !Double.isFinite(y)) {
                partial[SKIPPED]++;
                continue;
            }
            double e = y - p.predict(x);
            partial[ROWS]++;
            partial[SSE] += e * e;
            partial[SAE] += Math.abs(e);
            partial[SY] += y;
            partial[SYY] += y * y;
        }
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.EVAL_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(inputColumns);
        out.writeInt(targetColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        inputColumns = in.readIntArray();
        targetColumn = in.readInt();
    }
}
