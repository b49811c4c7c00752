package io.gridlearn.linear;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.Wire;
import io.gridlearn.stats.ExactSum;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The first pass of {@code fit --missing mean}: for every feature j, over the training rows (every row
 * outside the test set), the number n_j of finite values and their sum S_j, added value by value into an
 * {@link ExactSum}; plus the rows whose target is not finite (all rows, training and test: such a row can
 * be neither fitted nor scored) and the training rows with at least one missing feature.
 *
 * <p>The imputation value of feature j is its mean over the finite training values,
 * <pre>
 *   m_j = S_j / n_j = (1/n_j) Σ_{i train, x_ij finite} x_ij
 * </pre>
 * scikit-learn's {@code SimpleImputer(strategy="mean").fit(X_train)}. S_j is exact (every value enters the
 * accumulator exactly; merging accumulators is exact), and m_j is S_j / n_j rounded to 40 significant
 * digits, then to the nearest double (as {@code describe}'s mean): a function of the data alone, so the
 * same bits on any number of members and in any merge order.
 *
 * <p>With frequency weights (a weight column) the mean is the weighted one, that of the rows repeated wᵢ times:
 * {@code m_j = Σ wᵢ x_ij / Σ wᵢ} over the training rows where x_ij is finite and wᵢ a valid weight, both sums
 * exact ({@code w·x} enters as an exact product); rows of weight 0 do not move it.
 *
 * <p>Merge order: none matters. Counts are integers; each S_j is an {@link ExactSum} to which every finite value
 * is added individually and which merges exactly with another instance's.
 *
 * <p>Why this pass stays an aggregator rather than a {@link io.gridlearn.pass.BlockKernel}: a kernel hands the engine
 * a fixed-width vector of doubles per block, so a block's Σ x_ij would be rounded once per block before the exact
 * merge, and m_j, which is taken from the exact S_j, would change in its last bit for some data. The counting is
 * the shared base's ({@link BlockPassAggregator}); this class keeps only the counts n_j, the sums S_j and the
 * row tallies.
 */
public final class FeatureMeansAggregator extends BlockPassAggregator<FeatureMeansAggregator> {
    private static final long serialVersionUID = 1L;
    private static final MathContext MC = new MathContext(40);

    /** The dataset columns of the features. */
    private int[] featureColumns;
    /** The target's column. */
    private int targetColumn;
    /** The test split; test rows do not enter the means. */
    private RowGrouping grouping;
    /** The dataset's block size, for row ids. */
    private int blockSize;
    /** The frequency-weight column, or −1. */
    private int weightColumn = -1;

    /** Rows (training and test) whose target is not finite. */
    private long missingTargetRows;
    /** Rows outside the test set. */
    private long trainingRows;
    /** Training rows with at least one non-finite feature value. */
    private long incompleteTrainingRows;
    /** n_j, the finite training values per feature; null until the first block. */
    private long[] finite;
    /** S_j, the exact sum of those values per feature; null until the first block. */
    private ExactSum[] sums;
    /** W_j, the exact sum of the weights of those values (weighted passes only). */
    private ExactSum[] weightSums;

    /** An empty aggregator, for deserialization. */
    public FeatureMeansAggregator() {
    }

    /**
     * @param featureColumns the dataset columns of the features
     * @param targetColumn   the target's column
     * @param grouping       the test split (test rows do not enter the means)
     * @param blockSize      the dataset's block size (for row ids)
     */
    public FeatureMeansAggregator(int[] featureColumns, int targetColumn, RowGrouping grouping, int blockSize) {
        this(featureColumns, targetColumn, grouping, blockSize, -1);
    }

    /**
     * @param featureColumns the dataset columns of the features
     * @param targetColumn   the target's column
     * @param grouping       the test split (test rows do not enter the means)
     * @param blockSize      the dataset's block size (for row ids)
     * @param weightColumn   the frequency-weight column (weighted means), or −1
     */
    public FeatureMeansAggregator(int[] featureColumns, int targetColumn, RowGrouping grouping, int blockSize,
                                  int weightColumn) {
        this.weightColumn = weightColumn;
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.grouping = grouping;
        this.blockSize = blockSize;
    }

    private void init() {
        if (finite == null) {
            finite = new long[featureColumns.length];
            sums = new ExactSum[featureColumns.length];
            weightSums = new ExactSum[featureColumns.length];
            for (int j = 0; j < sums.length; j++) {
                sums[j] = new ExactSum();
                weightSums[j] = new ExactSum();
            }
        }
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        init();
        int n = b.rows();
        double[] v = b.values();
        long firstRowId = (long) b.blockId() * blockSize;
        int p = featureColumns.length;
        for (int r = 0; r < n; r++) {
            if (!Double.isFinite(v[targetColumn * n + r])) {
                missingTargetRows++;
            }
            if (grouping.hasTest() && grouping.group(firstRowId + r) == grouping.testGroup()) {
                continue;
            }
            trainingRows++;
            boolean complete = true;
            double w = weightColumn < 0 ? 1.0 : v[weightColumn * n + r];
            boolean weighted = weightColumn >= 0 && io.gridlearn.pass.Weights.valid(w);
            for (int j = 0; j < p; j++) {
                double x = v[featureColumns[j] * n + r];
                if (Double.isFinite(x)) {
                    finite[j]++;
                    if (weightColumn < 0) {
                        sums[j].add(x);
                    } else if (weighted) {
                        sums[j].addProduct(w, x);
                        weightSums[j].add(w);
                    }
                } else {
                    complete = false;
                }
            }
            if (!complete) {
                incompleteTrainingRows++;
            }
        }
    }

    @Override
    protected void combineStatistic(FeatureMeansAggregator o) {
        missingTargetRows += o.missingTargetRows;
        trainingRows += o.trainingRows;
        incompleteTrainingRows += o.incompleteTrainingRows;
        if (o.finite == null) {
            return;
        }
        init();
        for (int j = 0; j < finite.length; j++) {
            finite[j] += o.finite[j];
            sums[j].add(o.sums[j]);
            weightSums[j].add(o.weightSums[j]);
        }
    }

    @Override
    public FeatureMeansAggregator aggregate() {
        init();
        return self();
    }

    /**
     * Rows (training and test) whose target is NaN or infinite.
     *
     * @return the row count
     */
    public long missingTargetRows() {
        return missingTargetRows;
    }

    /**
     * Training rows with at least one non-finite feature value: the rows that imputation changes.
     *
     * @return the row count
     */
    public long incompleteTrainingRows() {
        return incompleteTrainingRows;
    }

    /**
     * The number of finite training values of feature j.
     *
     * @param j the feature, in {@code [0, p)}
     * @return n_j
     */
    public long finiteCount(int j) {
        return finite[j];
    }

    /**
     * The number of non-finite training values of feature j (the cells that will be imputed).
     *
     * @param j the feature, in {@code [0, p)}
     * @return {@code trainingRows() − n_j}
     */
    public long missingCount(int j) {
        return trainingRows() - finite[j];
    }

    /**
     * Rows outside the test set: the rows the means are taken over.
     *
     * @return the row count
     */
    public long trainingRows() {
        return trainingRows;
    }

    /**
     * m_j = S_j / n_j, see the class comment; NaN when feature j has no finite training value.
     *
     * @param j the feature, in {@code [0, p)}
     * @return m_j
     */
    public double mean(int j) {
        if (finite[j] == 0) {
            return Double.NaN;
        }
        BigDecimal s = sums[j].toBigDecimal();
        if (weightColumn >= 0) {
            BigDecimal w = weightSums[j].toBigDecimal();
            return w.signum() == 0 ? Double.NaN : s.divide(w, MC).doubleValue();
        }
        return s.divide(BigDecimal.valueOf(finite[j]), MC).doubleValue();
    }

    @Override
    public int getFactoryId() {
        return LinearSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LinearSerializerHook.FEATURE_MEANS_AGGREGATOR;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        Wire.writeGrouping(out, grouping);
        out.writeInt(blockSize);
        out.writeInt(weightColumn);
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeLong(missingTargetRows);
        out.writeLong(trainingRows);
        out.writeLong(incompleteTrainingRows);
        out.writeBoolean(finite != null);
        if (finite != null) {
            out.writeLongArray(finite);
            for (ExactSum s : sums) {
                s.writeData(out);
            }
            for (ExactSum s : weightSums) {
                s.writeData(out);
            }
        }
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        grouping = Wire.readGrouping(in);
        blockSize = in.readInt();
        weightColumn = in.readInt();
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        missingTargetRows = in.readLong();
        trainingRows = in.readLong();
        incompleteTrainingRows = in.readLong();
        if (in.readBoolean()) {
            finite = in.readLongArray();
            sums = new ExactSum[finite.length];
            for (int j = 0; j < sums.length; j++) {
                sums[j] = ExactSum.readData(in);
            }
            weightSums = new ExactSum[finite.length];
            for (int j = 0; j < weightSums.length; j++) {
                weightSums[j] = ExactSum.readData(in);
            }
        }
    }
}
