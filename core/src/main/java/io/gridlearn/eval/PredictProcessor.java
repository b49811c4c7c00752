package io.gridlearn.eval;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.PredictionType;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.BoundPredictor;
import io.gridlearn.model.Predictors;

import java.io.IOException;
import java.util.Map;

/**
 * Scores a block next to the data with any model that predicts one value per row ({@link Predictors}: the
 * same arithmetic as local prediction, so grid and local predictions agree bit for bit). The model travels
 * as its JSON document and is parsed once per processor instance on the member. The result block has the
 * same id and row count, with the prediction (on the scale asked for, {@link PredictionType}) and, when the
 * dataset has it, the target. Read-only and not offloaded: on {@code OBJECT} format the block is read in place,
 * not copied. A missing feature value is filled from the model's imputation when it has one (as local prediction
 * does); otherwise, and for a missing extra input (a GLM's offset), the row gets NaN.
 */
public final class PredictProcessor implements EntryProcessor<Integer, RowBlock, RowBlock>, ReadOnly,
        IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    /** The model document, as JSON. */
    private String modelJson;
    /** The block column of each model feature, in the model's order, then of each extra input. */
    private int[] featureColumns;
    /** The target's column, or −1. */
    private int targetColumn;
    /** The scale of the predictions. */
    private PredictionType type = PredictionType.RESPONSE;
    private final transient BoundPredictor.Lazy bound = new BoundPredictor.Lazy(
            () -> BoundPredictor.of(modelJson, featureColumns, type));

    /** An empty processor, for deserialization. */
    public PredictProcessor() {
    }

    /**
     * @param modelJson      the model document, as JSON (a model that predicts one value per row)
     * @param featureColumns the dataset column of each model feature, in the model's order
     * @param targetColumn   the target's column, or −1 to output predictions only
     */
    public PredictProcessor(String modelJson, int[] featureColumns, int targetColumn) {
        this(modelJson, featureColumns, targetColumn, PredictionType.RESPONSE);
    }

    /**
     * @param modelJson    the model document, as JSON (a model that predicts one value per row on {@code type})
     * @param inputColumns the dataset column of each model feature, in the model's order, then of each extra
     *                     input ({@link io.gridlearn.model.FeatureBinding#inputColumns})
     * @param targetColumn the target's column, or −1 to output predictions only
     * @param type         the scale of the predictions
     */
    public PredictProcessor(String modelJson, int[] inputColumns, int targetColumn, PredictionType type) {
        this.modelJson = modelJson;
        this.featureColumns = inputColumns.clone();
        this.targetColumn = targetColumn;
        this.type = type;
    }

    @Override
    public RowBlock process(Map.Entry<Integer, RowBlock> entry) {
        RowBlock b = entry.getValue();
        int n = b.rows();
        int outCols = targetColumn >= 0 ? 2 : 1;
        double[] out = new double[n * outCols];
        double[] v = b.values();
        BoundPredictor bound = this.bound.get();
        double[] x = bound.newRow();
        for (int r = 0; r < n; r++) {
            out[r] = bound.gather(v, n, r, x) ? bound.predict(x) : Double.NaN;
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
        return EvalSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EvalSerializerHook.PREDICT_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(type.ordinal());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        type = PredictionType.values()[in.readInt()];
    }
}
