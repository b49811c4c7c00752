package io.gridlearn.eval;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.SerializationIds;

import java.io.IOException;
import java.util.Map;

/**
 * Scores a block next to the data with a linear predictor ŷ = b0 + x·b (fused multiply-adds in feature
 * order, the same arithmetic as local prediction, so grid and local predictions agree bit for bit). The
 * result block has the same id and row count, with the prediction and, when the dataset has it, the
 * target. Read-only and not offloaded: on {@code OBJECT} format the block is read in place, not copied.
 */
public final class PredictProcessor implements EntryProcessor<Integer, RowBlock, RowBlock>, ReadOnly,
        IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    private int[] featureColumns;
    private int targetColumn;
    private double intercept;
    private double[] coefficients;

    public PredictProcessor() {
    }

    /** @param targetColumn the target's column, or −1 to output predictions only */
    public PredictProcessor(int[] featureColumns, int targetColumn, double intercept, double[] coefficients) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
    }

    @Override
    public RowBlock process(Map.Entry<Integer, RowBlock> entry) {
        RowBlock b = entry.getValue();
        int n = b.rows();
        int outCols = targetColumn >= 0 ? 2 : 1;
        double[] out = new double[n * outCols];
        double[] v = b.values();
        for (int r = 0; r < n; r++) {
            double yhat = intercept;
            for (int j = 0; j < featureColumns.length; j++) {
                yhat = Math.fma(coefficients[j], v[featureColumns[j] * n + r], yhat);
            }
            out[r] = yhat;
        }
        if (targetColumn >= 0) {
            System.arraycopy(v, targetColumn * n, out, n, n);
        }
        return new RowBlock(b.blockId(), n, outCols, out);
    }

    @Override
    public EntryProcessor<Integer, RowBlock, RowBlock> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return SerializationIds.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return SerializationIds.PREDICT_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeDouble(intercept);
        out.writeDoubleArray(coefficients);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        intercept = in.readDouble();
        coefficients = in.readDoubleArray();
    }
}
