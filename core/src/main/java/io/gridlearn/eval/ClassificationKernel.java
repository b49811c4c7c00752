package io.gridlearn.eval;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.BoundPredictor;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * Scores a classifier next to the data: per block, the confusion counts (K×K, rows true class, columns
 * predicted), the summed log loss −log p(true class) (probabilities clipped to [1e-15, 1 − 1e-15], as
 * scikit-learn's {@code log_loss}), the rows scored and the rows skipped for a missing value or a target
 * outside 0…K−1. Summed exactly by the runner.
 *
 * <p>With frequency weights (a weight column, values finite and ≥ 0) each row counts wᵢ times: the confusion
 * counts, the summed log loss and the rows scored are Σ wᵢ over the rows concerned, and rows of weight 0 are left
 * out (neither scored nor skipped).
 */
public final class ClassificationKernel implements BlockKernel {
    private static final long serialVersionUID = 1L;
    private static final double EPS = 1e-15;

    private String modelJson;
    private int[] featureColumns;
    private int targetColumn;
    private int classes;
    private int weightColumn = -1;
    private final transient BoundPredictor.Lazy bound = new BoundPredictor.Lazy(
            () -> BoundPredictor.of(modelJson, featureColumns));

    /** An empty kernel, for deserialization. */
    public ClassificationKernel() {
    }

    /**
     * @param modelJson      the classifier's model document, as JSON
     * @param featureColumns the dataset column of each model feature, in the model's order
     * @param targetColumn   the dataset column holding the true class, 0 to {@code classes − 1}
     * @param classes        K, the model's number of classes; the vector has width K² + 3
     */
    public ClassificationKernel(String modelJson, int[] featureColumns, int targetColumn, int classes) {
        this(modelJson, featureColumns, targetColumn, classes, -1);
    }

    /**
     * @param modelJson      the classifier's model document, as JSON
     * @param featureColumns the dataset column of each model feature, in the model's order
     * @param targetColumn   the dataset column holding the true class, 0 to {@code classes − 1}
     * @param classes        K, the model's number of classes; the vector has width K² + 3
     * @param weightColumn   the frequency-weight column, or −1 for every row once
     */
    public ClassificationKernel(String modelJson, int[] featureColumns, int targetColumn, int classes,
                                int weightColumn) {
        this.weightColumn = weightColumn;
        this.modelJson = modelJson;
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.classes = classes;
    }

    @Override
    public int width() {
        return classes * classes + 3;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        BoundPredictor bound = this.bound.get();
        int n = b.rows();
        double[] v = b.values();
        double[] x = bound.newRow();
        int base = classes * classes;
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            double w = w0 < 0 ? 1.0 : v[w0 + r];
            if (!(w > 0) || Double.isInfinite(w)) {
                continue; // weight 0 (a fit refuses negative and non-finite weights before it scores)
            }
            double y = v[targetColumn * n + r];
            boolean ok = y == Math.rint(y) && y >= 0 && y < classes;
            ok &= bound.gather(v, n, r, x); // the model's imputation, as in predict
            if (!ok) {
                partial[base + 2]++;
                continue;
            }
            int truth = (int) y;
            double[] p = bound.probabilities(x);
            int predicted = (int) bound.predict(x);
            partial[truth * classes + predicted] += w;
            double pt = Math.min(1 - EPS, Math.max(EPS, p[truth]));
            partial[base] -= w * Math.log(pt);
            partial[base + 1] += w;
        }
    }


    @Override
    public int getFactoryId() {
        return EvalSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EvalSerializerHook.CLASSIFICATION_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(classes);
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        classes = in.readInt();
        weightColumn = in.readInt();
    }
}
