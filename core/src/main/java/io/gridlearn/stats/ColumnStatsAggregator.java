package io.gridlearn.stats;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;

import java.io.IOException;

/**
 * One pass of per-column statistics: count, missing, min, max and exact first and second moments
 * ({@link MomentMatrix} of dimension 1 per column), plus the blocks and rows the base
 * ({@link BlockPassAggregator}) counts for {@link io.gridlearn.data.Passes}.
 * Merging is exact, so the statistics are identical on any number of members.
 *
 * <p>The maths, per column over its non-NaN values x_i (n of them; NaN counts as missing): min and max; the exact
 * moments S = Σ x_i and A = Σ x_i² gathered per block shifted by the block's rounded mean
 * ({@link ShiftedBlockMoments}, {@link MomentMatrix#addShifted}); mean = S / n rounded once, and variance =
 * C / (n − 1) with C = A − S²/n centred from the exact sums and rounded once ({@link MomentMatrix#centred}). Merge order: none matters (exact sums; min and max are exact).
 *
 * <p>Why this pass stays an aggregator rather than a {@link io.gridlearn.pass.BlockKernel}: min and max are not
 * sums, and the engine merges by exact addition only; computing them in a second pass would read the data twice.
 * The counting is the shared base's ({@link BlockPassAggregator}).
 */
public final class ColumnStatsAggregator extends BlockPassAggregator<ColumnStatsAggregator> {
    private static final long serialVersionUID = 1L;
    private static final int[] ZERO = {0};

    /** Columns per block; −1 until the first block. */
    private int cols = -1;
    /** NaN values per column. */
    private long[] missing;
    /** Smallest non-NaN value per column; +∞ when none. */
    private double[] min;
    /** Largest non-NaN value per column; −∞ when none. */
    private double[] max;
    /** Exact moments (dimension 1) of the non-NaN values, per column. */
    private MomentMatrix[] moments;
    private transient ShiftedBlockMoments kernel;
    private transient int[] scratchRows;

    /** An empty pass; the column count is taken from the first block. */
    public ColumnStatsAggregator() {
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        init(b.cols());
        if (kernel == null) {
            kernel = new ShiftedBlockMoments(1);
        }
        if (scratchRows == null || scratchRows.length < b.rows()) {
            scratchRows = new int[b.rows()];
        }
        double[] v = b.values();
        for (int c = 0; c < cols; c++) {
            int base = b.columnOffset(c);
            int m = 0;
            double lo = min[c];
            double hi = max[c];
            for (int r = 0; r < b.rows(); r++) {
                double x = v[base + r];
                if (Double.isNaN(x)) {
                    continue;
                }
                scratchRows[m++] = base + r;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            min[c] = lo;
            max[c] = hi;
            missing[c] += b.rows() - m;
            // scratchRows holds absolute indices into v, so the kernel reads "column 0" of a 0-row-stride view
            kernel.compute(v, 0, ZERO, scratchRows, m);
            kernel.addTo(moments[c], m);
        }
    }

    private void init(int n) {
        if (cols == n) {
            return;
        }
        if (cols >= 0) {
            throw new IllegalStateException("blocks with " + n + " and " + cols + " columns in one dataset");
        }
        cols = n;
        missing = new long[n];
        min = new double[n];
        max = new double[n];
        moments = new MomentMatrix[n];
        for (int c = 0; c < n; c++) {
            min[c] = Double.POSITIVE_INFINITY;
            max[c] = Double.NEGATIVE_INFINITY;
            moments[c] = new MomentMatrix(1);
        }
    }

    @Override
    protected void combineStatistic(ColumnStatsAggregator o) {
        if (o.cols < 0) {
            return;
        }
        init(o.cols);
        for (int c = 0; c < cols; c++) {
            missing[c] += o.missing[c];
            min[c] = Math.min(min[c], o.min[c]);
            max[c] = Math.max(max[c], o.max[c]);
            moments[c].add(o.moments[c], 1);
        }
    }

    /**
     * The number of columns.
     *
     * @return the blocks' column count; 0 when no block was seen
     */
    public int columns() {
        return Math.max(cols, 0);
    }

    /**
     * The summary of column c (NaN statistics for a column with no values).
     *
     * @param c    the column, in {@code [0, columns())}
     * @param name the column's name, copied into the summary
     * @return count (non-NaN values), missing, mean, sample variance (NaN when count &lt; 2), min and max; mean and
     *         variance are NaN when a value is infinite
     */
    public ColumnSummary summary(int c, String name) {
        MomentMatrix m = moments[c];
        long n = m.count();
        if (n == 0) {
            return new ColumnSummary(name, 0, missing[c], Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean;
        double variance;
        if (m.isNonFinite()) {
            mean = Double.NaN;
            variance = Double.NaN;
        } else {
            mean = m.mean(0);
            variance = n > 1 ? m.centred(0, 0) / (n - 1) : Double.NaN;
        }
        return new ColumnSummary(name, n, missing[c], mean, variance, min[c], max[c]);
    }

    @Override
    public int getFactoryId() {
        return StatsSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StatsSerializerHook.COLUMN_STATS_AGGREGATOR;
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeInt(cols);
        for (int c = 0; c < cols; c++) {
            out.writeLong(missing[c]);
            out.writeDouble(min[c]);
            out.writeDouble(max[c]);
            moments[c].writeData(out);
        }
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return;
        }
        init(n);
        for (int c = 0; c < cols; c++) {
            missing[c] = in.readLong();
            min[c] = in.readDouble();
            max[c] = in.readDouble();
            moments[c] = MomentMatrix.readData(in);
        }
    }
}
