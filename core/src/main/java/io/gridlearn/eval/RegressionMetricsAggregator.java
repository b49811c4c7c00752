package io.gridlearn.eval;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockChecks;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.Wire;
import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.Simd;
import io.gridlearn.stats.ExactSum;
import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.stats.ShiftedBlockMoments;

import java.io.IOException;

/**
 * One pass that scores a linear predictor ŷ = b0 + x·b next to the data and gathers, per row group, the
 * exact sums behind mse, rmse, mae and r²: Σ(y − ŷ)², Σ|y − ŷ| and the moments of y (for the total sum of
 * squares). Residuals are computed row by row in a fixed order with fused multiply-adds, then summed
 * exactly, so the metrics are identical on any cluster size. A model with mean imputation has its fill
 * values here: a non-finite feature value is replaced by its fill value before the row is scored, exactly as
 * {@code predict} does; rows still holding a non-finite value (in the target, or in a feature of a model
 * without imputation) are left out and counted.
 *
 * <p>The maths, per group g over its scored rows i (n_g of them), with r_i = y_i − ŷ_i:
 * <pre>
 *   RSS_g = Σ r_i²  (each r_i² added exactly: {@link ExactSum#addProduct})     SAE_g = Σ |r_i|  (exactly)
 *   TSS_g = Σ (y_i − ȳ)²  (from the exact moments of y, {@link MomentMatrix}, centred exactly)
 *   mse = RSS/n, rmse = √mse, mae = SAE/n, r² = 1 − RSS/TSS
 * </pre>
 * Merge order: none matters, every merge adds exact sums.
 *
 * <p>With frequency weights (a weight column, values finite and ≥ 0) every sum is that of the rows repeated
 * wᵢ times: {@code RSS = Σ wᵢ rᵢ²} and {@code SAE = Σ wᵢ |rᵢ|} (each term an exact product), the moments of y
 * weighted ({@link MomentMatrix#addShiftedWeighted}), and n = Σw; rows of weight 0 are left out.
 *
 * <p>Why this pass stays an aggregator rather than a {@link io.gridlearn.pass.BlockKernel}: each row's r_i² and
 * |r_i| enter the exact sums one by one; a kernel's per-block partial is a fixed-width vector of doubles, so a
 * block's Σ r_i² would be rounded once per block and the metrics could change in the last bit. The counting is the
 * shared base's ({@link BlockPassAggregator}).
 */
public final class RegressionMetricsAggregator extends BlockPassAggregator<RegressionMetricsAggregator> {
    private static final long serialVersionUID = 1L;
    private static final int[] ZERO = {0};
    private static final Lanes LANES = Simd.lanes();

    /** The dataset column of each coefficient. */
    private int[] featureColumns;
    /** The target's column. */
    private int targetColumn;
    /** b0. */
    private double intercept;
    /** b, one per feature column. */
    private double[] coefficients;
    /** Per-feature fill values of the model's imputation, or null. */
    private double[] fill;
    /** The row groups the sums are kept for. */
    private RowGrouping grouping;
    /** The dataset's block size, for row ids. */
    private int blockSize;
    /** The frequency-weight column, or −1. */
    private int weightColumn = -1;

    /** Rows left out for a non-finite target or feature. */
    private long badRows;
    /** RSS_g per group; null until the first block. */
    private ExactSum[] squared;
    /** SAE_g per group; null until the first block. */
    private ExactSum[] absolute;
    /** The moments of y per group (dimension 1); null until the first block. */
    private MomentMatrix[] target;

    private transient double[] residualScratch;
    private transient int[] indexScratch;
    private transient ShiftedBlockMoments kernel;

    /** An empty aggregator, for deserialization. */
    public RegressionMetricsAggregator() {
    }

    /**
     * A pass for a model without imputation: rows with a non-finite feature are left out.
     *
     * @param featureColumns the dataset column of each coefficient
     * @param targetColumn   the target's column
     * @param intercept      b0
     * @param coefficients   b, one per feature column
     * @param grouping       the row groups the sums are kept for
     * @param blockSize      the dataset's block size, for row ids
     */
    public RegressionMetricsAggregator(int[] featureColumns, int targetColumn, double intercept, double[] coefficients,
                                       RowGrouping grouping, int blockSize) {
        this(featureColumns, targetColumn, intercept, coefficients, null, grouping, blockSize);
    }

    /**
     * @param featureColumns the dataset column of each coefficient
     * @param targetColumn   the target's column
     * @param intercept      b0
     * @param coefficients   b, one per feature column
     * @param fill           per-feature fill values of the model's imputation, or null when it has none
     * @param grouping       the row groups the sums are kept for
     * @param blockSize      the dataset's block size, for row ids
     * @throws IllegalArgumentException if the lengths of the arrays differ
     */
    public RegressionMetricsAggregator(int[] featureColumns, int targetColumn, double intercept, double[] coefficients,
                                       double[] fill, RowGrouping grouping, int blockSize) {
        this(featureColumns, targetColumn, intercept, coefficients, fill, grouping, blockSize, -1);
    }

    /**
     * @param featureColumns the dataset column of each coefficient
     * @param targetColumn   the target's column
     * @param intercept      b0
     * @param coefficients   b, one per feature column
     * @param fill           per-feature fill values of the model's imputation, or null when it has none
     * @param grouping       the row groups the sums are kept for
     * @param blockSize      the dataset's block size, for row ids
     * @param weightColumn   the frequency-weight column, or −1 for unweighted sums
     * @throws IllegalArgumentException if the lengths of the arrays differ
     */
    public RegressionMetricsAggregator(int[] featureColumns, int targetColumn, double intercept, double[] coefficients,
                                       double[] fill, RowGrouping grouping, int blockSize, int weightColumn) {
        this.weightColumn = weightColumn;
        if (fill != null && fill.length != coefficients.length) {
            throw new IllegalArgumentException(fill.length + " fill values for " + coefficients.length + " coefficients");
        }
        this.fill = fill == null ? null : fill.clone();
        if (featureColumns.length != coefficients.length) {
            throw new IllegalArgumentException(featureColumns.length + " feature columns for "
                    + coefficients.length + " coefficients");
        }
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
        this.grouping = grouping;
        this.blockSize = blockSize;
    }

    private void init() {
        if (squared == null) {
            int g = grouping.groups();
            squared = new ExactSum[g];
            absolute = new ExactSum[g];
            target = new MomentMatrix[g];
            for (int i = 0; i < g; i++) {
                squared[i] = new ExactSum();
                absolute[i] = new ExactSum();
                target[i] = new MomentMatrix(1);
            }
        }
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        init();
        int n = b.rows();
        if (residualScratch == null || residualScratch.length < n) {
            residualScratch = new double[n];
            indexScratch = new int[n];
            kernel = new ShiftedBlockMoments(1);
        }
        double[] v = b.values();
        double[] yhat = residualScratch;
        // ŷ column by column (ŷ_r = fma(b_j, x_rj, ŷ_r), j ascending: the same operations per row as a row loop,
        // but over contiguous memory instead of one cache line per value of a row)
        boolean clean = BlockChecks.allFinite(v, n, featureColumns);
        java.util.Arrays.fill(yhat, 0, n, intercept);
        for (int j = 0; j < featureColumns.length; j++) {
            int base = featureColumns[j] * n;
            if (clean) {
                LANES.axpy(coefficients[j], v, base, yhat, 0, n);
            } else {
                for (int r = 0; r < n; r++) {
                    double x = v[base + r];
                    if (fill != null && !Double.isFinite(x)) {
                        x = fill[j];
                    }
                    yhat[r] = Math.fma(coefficients[j], x, yhat[r]);
                }
            }
        }
        int groups = squared.length;
        long firstRowId = (long) b.blockId() * blockSize;
        if (weightColumn >= 0) {
            accumulateWeighted(b, v, n, yhat, clean, firstRowId);
            return;
        }
        for (int g = 0; g < groups; g++) {
            int m = 0;
            for (int r = 0; r < n; r++) {
                if (groups > 1 && grouping.group(firstRowId + r) != g) {
                    continue;
                }
                double y = v[targetColumn * n + r];
                if (!Double.isFinite(y) || (!clean && !finiteFeatures(v, n, r))) {
                    badRows++;
                    continue;
                }
                double res = y - yhat[r];
                squared[g].addProduct(res, res);
                absolute[g].add(Math.abs(res));
                indexScratch[m++] = targetColumn * n + r;
            }
            kernel.compute(v, 0, ZERO, indexScratch, m);
            kernel.addTo(target[g], m);
        }
    }

    /** The weighted sums: Σ w r², Σ w |r| exactly, the weighted moments of y; zero-weight rows left out. */
    private void accumulateWeighted(RowBlock b, double[] v, int n, double[] yhat, boolean clean, long firstRowId) {
        int groups = squared.length;
        int w0 = b.columnOffset(weightColumn);
        for (int g = 0; g < groups; g++) {
            int m = 0;
            for (int r = 0; r < n; r++) {
                if (groups > 1 && grouping.group(firstRowId + r) != g) {
                    continue;
                }
                double y = v[targetColumn * n + r];
                if (!Double.isFinite(y) || (!clean && !finiteFeatures(v, n, r))) {
                    badRows++;
                    continue;
                }
                double w = v[w0 + r];
                if (!(w > 0) || Double.isInfinite(w)) {
                    continue; // weight 0 (the fit refused negative and non-finite weights)
                }
                double res = y - yhat[r];
                squared[g].addProduct(w, res, res);
                absolute[g].addProduct(w, Math.abs(res));
                indexScratch[m++] = r;
            }
            if (m > 0) {
                kernel.computeWeighted(v, n, new int[] {targetColumn}, indexScratch, m, v, w0);
                kernel.addWeightedTo(target[g], m);
            }
        }
    }

    /** Whether row r's features are finite after imputation (the slow path, for blocks with a non-finite value). */
    private boolean finiteFeatures(double[] v, int n, int r) {
        for (int j = 0; j < featureColumns.length; j++) {
            double x = v[featureColumns[j] * n + r];
            if (!Double.isFinite(x) && (fill == null || !Double.isFinite(fill[j]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void combineStatistic(RegressionMetricsAggregator o) {
        badRows += o.badRows;
        if (o.squared == null) {
            return;
        }
        init();
        for (int g = 0; g < squared.length; g++) {
            squared[g].add(o.squared[g]);
            absolute[g].add(o.absolute[g]);
            target[g].add(o.target[g], 1);
        }
    }

    @Override
    public RegressionMetricsAggregator aggregate() {
        init();
        return self();
    }

    /**
     * The number of rows left out.
     *
     * @return rows with a non-finite target, or a non-finite feature the model cannot fill
     */
    public long badRows() {
        return badRows;
    }

    /**
     * Metrics of the rows of group g.
     *
     * @param g a group, in {@code [0, grouping.groups())}
     * @return the group's metrics; {@link RegressionMetrics#EMPTY} when it has no scored row
     */
    public RegressionMetrics metrics(int g) {
        return metrics(g, g + 1);
    }

    /**
     * Metrics of the rows of groups [from, to).
     *
     * @param from the first group
     * @param to   one past the last group
     * @return the metrics of the groups' rows together, from their exact sums; {@link RegressionMetrics#EMPTY} when
     *         they have no scored row
     */
    public RegressionMetrics metrics(int from, int to) {
        ExactSum sq = new ExactSum();
        ExactSum ab = new ExactSum();
        MomentMatrix y = new MomentMatrix(1);
        for (int g = from; g < to; g++) {
            sq.add(squared[g]);
            ab.add(absolute[g]);
            y.add(target[g], 1);
        }
        if (y.count() == 0 || y.weight() == 0) {
            return RegressionMetrics.EMPTY;
        }
        double rss = sq.doubleValue();
        double tss = y.centred(0, 0);
        return RegressionMetrics.of(y.weight(), rss, ab.doubleValue(), tss);
    }

    @Override
    public int getFactoryId() {
        return EvalSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EvalSerializerHook.REGRESSION_METRICS_AGGREGATOR;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeDouble(intercept);
        out.writeDoubleArray(coefficients);
        out.writeDoubleArray(fill);
        Wire.writeGrouping(out, grouping);
        out.writeInt(blockSize);
        out.writeInt(weightColumn);
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeLong(badRows);
        out.writeBoolean(squared != null);
        if (squared != null) {
            for (int g = 0; g < squared.length; g++) {
                squared[g].writeData(out);
                absolute[g].writeData(out);
                target[g].writeData(out);
            }
        }
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        intercept = in.readDouble();
        coefficients = in.readDoubleArray();
        fill = in.readDoubleArray();
        grouping = Wire.readGrouping(in);
        blockSize = in.readInt();
        weightColumn = in.readInt();
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        badRows = in.readLong();
        if (in.readBoolean()) {
            int g = grouping.groups();
            squared = new ExactSum[g];
            absolute = new ExactSum[g];
            target = new MomentMatrix[g];
            for (int i = 0; i < g; i++) {
                squared[i] = ExactSum.readData(in);
                absolute[i] = ExactSum.readData(in);
                target[i] = MomentMatrix.readData(in);
            }
        }
    }
}
