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
 * ({@link MomentMatrix#addShifted}); mean = S / n rounded once, and variance =
 * C / (n − 1) with C = A − S²/n centred from the exact sums and rounded once ({@link MomentMatrix#centred}). Merge order: none matters (exact sums; min and max are exact).
 *
 * <p>Cost: one pass, and per block two reads of each column (min, max and the lane sum; then the shifted sum and
 * square), in plain loops whose arithmetic is that of {@link ShiftedBlockMoments} of one column (the same bits, see
 * {@code ColumnStatsKernelTest}). Plain loops rather than the Vector API: a one-column kernel has nothing to tile
 * (the 4×4 tiles computed sixteen copies of each column's square), and fresh members run Vector API code
 * interpreted, allocating per operation, until C2 compiles it, which made the first {@code describe} after a
 * load cost as much as tens of Gram passes (issue 16). A column with a NaN is gathered first (its non-NaN values),
 * as before.
 *
 * <p>Why this pass stays an aggregator rather than a {@link io.gridlearn.pass.BlockKernel}: min and max are not
 * sums, and the engine merges by exact addition only; computing them in a second pass would read the data twice.
 * The counting is the shared base's ({@link BlockPassAggregator}).
 */
public final class ColumnStatsAggregator extends BlockPassAggregator<ColumnStatsAggregator> {
    private static final long serialVersionUID = 1L;

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
    /** The non-NaN values of a column holding NaN, gathered. */
    private transient double[] gathered;
    /** The one-column shift, shifted sum and shifted square handed to {@link MomentMatrix#addShifted}. */
    private transient double[] shift;
    private transient double[] shiftedSum;
    private transient double[] shiftedSquares;

    /** An empty pass; the column count is taken from the first block. */
    public ColumnStatsAggregator() {
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        init(b.cols());
        int n = b.rows();
        double[] v = b.values();
        for (int c = 0; c < cols; c++) {
            int base = b.columnOffset(c);
            // min, max, NaN count, and the lane sums of the column as if it had no NaN (one read of the column)
            double lo = min[c];
            double hi = max[c];
            int nan = 0;
            int n4 = n & ~3;
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int r = 0; r < n4; r += 4) {
                double x0 = v[base + r];
                double x1 = v[base + r + 1];
                double x2 = v[base + r + 2];
                double x3 = v[base + r + 3];
                s0 += x0;
                s1 += x1;
                s2 += x2;
                s3 += x3;
                lo = Math.min(Math.min(Math.min(Math.min(lo, x0), x1), x2), x3);
                hi = Math.max(Math.max(Math.max(Math.max(hi, x0), x1), x2), x3);
            }
            double sum = (s0 + s1) + (s2 + s3);
            for (int r = n4; r < n; r++) {
                double x = v[base + r];
                sum += x;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            if (Double.isNaN(sum)) {
                // a NaN (or +∞ and −∞ together, or an overflow to NaN): redo the column over its non-NaN values
                accumulateGathered(c, v, base, n);
                continue;
            }
            min[c] = lo;
            max[c] = hi;
            addColumn(c, v, base, n, sum);
        }
    }

    /** The slow path of {@link #accumulateBlock} for a column holding NaN: its non-NaN values gathered first. */
    private void accumulateGathered(int c, double[] v, int base, int n) {
        if (gathered == null || gathered.length < n) {
            gathered = new double[n];
        }
        double lo = min[c];
        double hi = max[c];
        int m = 0;
        for (int r = 0; r < n; r++) {
            double x = v[base + r];
            if (Double.isNaN(x)) {
                continue;
            }
            gathered[m++] = x;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        min[c] = lo;
        max[c] = hi;
        missing[c] += n - m;
        addColumn(c, gathered, 0, m, laneSum(gathered, 0, m));
    }

    /**
     * Adds the m values {@code a[off ..]} of column c, whose lane sum is {@code sum}, to its moments: shift
     * {@code k = sum / m}, {@code e = Σ (x − k)} and {@code d = Σ (x − k)²}, each in the lane order of
     * {@link io.gridlearn.simd.Lanes} (e as {@code Lanes.sum}, d as {@code Lanes.dot}), so the same bits as
     * {@link ShiftedBlockMoments} of one column gives, in one read of the values and without the Vector API,
     * which a member runs interpreted until C2 compiles it (the first {@code describe} on fresh members).
     */
    private void addColumn(int c, double[] a, int off, int m, double sum) {
        if (m == 0) {
            return;
        }
        double k = sum / m;
        int m4 = m & ~3;
        double e0 = 0.0;
        double e1 = 0.0;
        double e2 = 0.0;
        double e3 = 0.0;
        double d0 = 0.0;
        double d1 = 0.0;
        double d2 = 0.0;
        double d3 = 0.0;
        for (int r = 0; r < m4; r += 4) {
            double t0 = a[off + r] - k;
            double t1 = a[off + r + 1] - k;
            double t2 = a[off + r + 2] - k;
            double t3 = a[off + r + 3] - k;
            e0 += t0;
            e1 += t1;
            e2 += t2;
            e3 += t3;
            d0 = Math.fma(t0, t0, d0);
            d1 = Math.fma(t1, t1, d1);
            d2 = Math.fma(t2, t2, d2);
            d3 = Math.fma(t3, t3, d3);
        }
        double e = (e0 + e1) + (e2 + e3);
        double d = (d0 + d1) + (d2 + d3);
        for (int r = m4; r < m; r++) {
            double t = a[off + r] - k;
            e += t;
            d = Math.fma(t, t, d);
        }
        if (shift == null) {
            shift = new double[1];
            shiftedSum = new double[1];
            shiftedSquares = new double[1];
        }
        shift[0] = k;
        shiftedSum[0] = e;
        shiftedSquares[0] = d;
        moments[c].addShifted(m, shift, shiftedSum, shiftedSquares);
    }

    /** {@code Σ a[off + i]}, i &lt; m, in the lane order of {@link io.gridlearn.simd.Lanes#sum}. */
    private static double laneSum(double[] a, int off, int m) {
        int m4 = m & ~3;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        for (int i = 0; i < m4; i += 4) {
            s0 += a[off + i];
            s1 += a[off + i + 1];
            s2 += a[off + i + 2];
            s3 += a[off + i + 3];
        }
        double s = (s0 + s1) + (s2 + s3);
        for (int i = m4; i < m; i++) {
            s += a[off + i];
        }
        return s;
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

    /** Column c's exact moments, for tests (the summary rounds them). */
    MomentMatrix moments(int c) {
        return moments[c];
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
