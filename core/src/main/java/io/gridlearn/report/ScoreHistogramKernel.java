package io.gridlearn.report;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.BoundPredictor;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * Score histograms of a binary classifier, next to the data: the predicted probability of class 1 is binned
 * into {@code bins} equal bins of [0, 1]; per bin, the vector holds the count of negatives (offset 0), the
 * count of positives (offset bins) and the sum of predicted probabilities (offset 2·bins). ROC, AUC and
 * calibration are computed from these on the client. Rows with a missing value or a target other than 0/1
 * are skipped (counted in the last slot).
 */
public final class ScoreHistogramKernel implements BlockKernel {
    private String modelJson;
    private int[] featureColumns;
    private int targetColumn;
    private int bins;
    private final transient BoundPredictor.Lazy bound = new BoundPredictor.Lazy(
            () -> BoundPredictor.of(modelJson, featureColumns));

    /** An empty kernel, for deserialization. */
    public ScoreHistogramKernel() {
    }

    /**
     * A kernel scoring the rows with a binary classifier.
     *
     * @param modelJson      the model JSON of the classifier
     * @param featureColumns the block column of each of the model's features, in model order
     * @param targetColumn   the block column of the 0/1 target
     * @param bins           bins over [0, 1], ≥ 1
     */
    public ScoreHistogramKernel(String modelJson, int[] featureColumns, int targetColumn, int bins) {
        this.modelJson = modelJson;
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.bins = bins;
    }

    /**
     * Bin of probability {@code p} among {@code bins} equal bins of [0, 1].
     *
     * @param p    the probability, in [0, 1]
     * @param bins the number of bins, ≥ 1
     * @return the bin, in [0, bins − 1]; p = 1 falls in the last bin
     */
    public static int bin(double p, int bins) {
        return Math.min(bins - 1, Math.max(0, (int) Math.floor(p * bins)));
    }

    @Override
    public int width() {
        return 3 * bins + 1;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        BoundPredictor bound = this.bound.get();
        int n = b.rows();
        double[] v = b.values();
        double[] x = bound.newRow();
        for (int r = 0; r < n; r++) {
            double y = v[targetColumn * n + r];
            boolean ok = y == 0 || y == 1;
            ok &= bound.gather(v, n, r, x); // the model's imputation, as in predict
            if (!ok) {
                partial[3 * bins]++;
                continue;
            }
            double p = bound.probabilities(x)[1];
            int k = bin(p, bins);
            partial[(y == 1 ? bins : 0) + k]++;
            partial[2 * bins + k] += p;
        }
    }


    @Override
    public int getFactoryId() {
        return ReportSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ReportSerializerHook.SCORE_HISTOGRAM_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(bins);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        bins = in.readInt();
    }
}
