package io.gridlearn.logistic;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * Training metrics of a fitted model in one pass: log-loss, accuracy, confusion matrix and, for a binary
 * model, a histogram of the linear score {@code η} for the AUC.
 *
 * <p>Slots: {@code [rows, non-finite, bad targets, Σ logloss, correct, confusion K×K (row = true class,
 * column = predicted), then for binary models 2 × BINS counts of η per class]}. The histogram has
 * {@link #BINS} equal bins on {@code η ∈ [-40, 40]} (width 0.01; scores beyond fall in the end bins, where
 * the probability is within 4e-18 of 0 or 1). The AUC computed from it is exact except for pairs of a
 * positive and a negative row in the same bin, which count one half as ties do.
 *
 * <p>With frequency weights every slot but the non-finite and bad-target counts is a Σw (log-loss Σ w·loss, the
 * confusion matrix and histograms in weight), and one more slot at the end counts the rows of positive weight.
 */
public final class MetricsKernel implements BlockKernel {
    static final int BINS = 8000;
    static final double RANGE = 40.0;

    private int[] featureColumns;
    private int targetColumn;
    private int classes;
    private double[] center;
    private double[] scale;
    private double[] theta;
    private int weightColumn = -1;

    /** An empty kernel, for deserialization. */
    public MetricsKernel() {
    }

    /**
     * A kernel scoring the rows with the given working parameters.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label
     * @param classes        the number of classes K, 2 for a binary model
     * @param center         per-feature shift c of the working scale, or null for none
     * @param scale          per-feature divisor s of the working scale, or null for none
     * @param theta          working parameters: {@code q} for a binary model, {@code K q} for softmax
     */
    public MetricsKernel(int[] featureColumns, int targetColumn, int classes, double[] center, double[] scale,
                         double[] theta) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.classes = classes;
        this.center = center == null ? null : center.clone();
        this.scale = scale == null ? null : scale.clone();
        this.theta = theta.clone();
    }

    /**
     * A kernel scoring the rows with the given working parameters and frequency weights.
     *
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label
     * @param classes        the number of classes K, 2 for a binary model
     * @param center         per-feature shift c of the working scale, or null for none
     * @param scale          per-feature divisor s of the working scale, or null for none
     * @param theta          working parameters: {@code q} for a binary model, {@code K q} for softmax
     * @param weightColumn   the block column of the frequency weights, or −1 for none
     */
    public MetricsKernel(int[] featureColumns, int targetColumn, int classes, double[] center, double[] scale,
                         double[] theta, int weightColumn) {
        this(featureColumns, targetColumn, classes, center, scale, theta);
        this.weightColumn = weightColumn;
    }

    /** The slot counting rows of positive weight (weighted kernels only), the last. */
    int positiveRowsSlot() {
        return 5 + classes * classes + (binary() ? 2 * BINS : 0);
    }

    boolean binary() {
        return theta.length == featureColumns.length + 1;
    }

    @Override
    public int width() {
        return positiveRowsSlot() + (weightColumn >= 0 ? 1 : 0);
    }

    static int bin(double eta) {
        int i = (int) Math.floor((eta + RANGE) / (2 * RANGE) * BINS);
        return Math.max(0, Math.min(BINS - 1, i));
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int q = featureColumns.length + 1;
        double[] z = new double[q];
        double[] eta = new double[classes];
        int hist = 5 + classes * classes;
        boolean bin = binary();
        int positive = weightColumn >= 0 ? positiveRowsSlot() : -1;
        for (int r = 0; r < b.rows(); r++) {
            if (Rows.weightedOut(b, r, weightColumn)) {
                continue;
            }
            int y = Rows.loadLabelled(b, r, featureColumns, targetColumn, center, scale, z, classes, partial);
            if (y < 0) {
                continue;
            }
            double wt = Rows.weight(b, r, weightColumn);
            if (positive >= 0) {
                partial[positive]++;
            }
            partial[0] += wt;
            int pred;
            double loss;
            if (bin) {
                double s = 0.0;
                for (int a = 0; a < q; a++) {
                    s += theta[a] * z[a];
                }
                // -log P(y) = log(1 + e^{-sη}) with s = ±1, stably
                double m = y == 1 ? -s : s;
                loss = Math.max(m, 0.0) + Math.log1p(Math.exp(-Math.abs(m)));
                pred = s >= 0 ? 1 : 0;
                partial[hist + y * BINS + bin(s)] += wt;
            } else {
                double mx = Double.NEGATIVE_INFINITY;
                pred = 0;
                for (int k = 0; k < classes; k++) {
                    double s = 0.0;
                    for (int a = 0; a < q; a++) {
                        s += theta[k * q + a] * z[a];
                    }
                    eta[k] = s;
                    if (s > mx) { // ties go to the lowest class
                        mx = s;
                        pred = k;
                    }
                }
                double sum = 0.0;
                for (int k = 0; k < classes; k++) {
                    sum += Math.exp(eta[k] - mx);
                }
                loss = mx + Math.log(sum) - eta[y];
            }
            partial[3] += wt * loss;
            if (pred == y) {
                partial[4] += wt;
            }
            partial[5 + y * classes + pred] += wt;
        }
    }

    @Override
    public int getFactoryId() {
        return LogisticSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LogisticSerializerHook.METRICS_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(classes);
        out.writeDoubleArray(center);
        out.writeDoubleArray(scale);
        out.writeDoubleArray(theta);
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        classes = in.readInt();
        center = in.readDoubleArray();
        scale = in.readDoubleArray();
        theta = in.readDoubleArray();
        weightColumn = in.readInt();
    }
}
