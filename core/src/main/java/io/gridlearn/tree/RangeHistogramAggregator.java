package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;

import java.io.IOException;

/**
 * The second binning pass, only for features with more distinct values than {@link BinSummaryAggregator} counts
 * exactly: per feature, the count of its non-missing values in each of {@code buckets} equal-width buckets over
 * [min, max] (its exact finite range from the first pass; −∞ falls in the first bucket, +∞ in the last).
 *
 * <p>A value's bucket is a function of the value and of (min, max, buckets) alone, and the counts are integers
 * added exactly, so the histogram, and the quantile edges chosen from it ({@link BinEdges}), do not depend on the
 * number of members or the merge order. Its edges are approximate quantiles, to within one bucket's width of the
 * exact ones: the deterministic mergeable summary this library uses past the exact cap.
 */
public final class RangeHistogramAggregator extends BlockPassAggregator<RangeHistogramAggregator> {
    private static final long serialVersionUID = 1L;

    /** The features' positions in the blocks. */
    private int[] featureColumns;
    /** Per feature, its smallest finite value. */
    private double[] lo;
    /** Per feature, its largest finite value. */
    private double[] hi;
    /** Equal-width buckets per feature. */
    private int buckets;
    /** The weight column's position, or −1: rows of weight 0 are not counted. */
    private int weightColumn = -1;
    /** The held-out share left out (0: none), by {@link io.gridlearn.data.RowGrouping} of the row id and seed. */
    private double testFraction;
    /** The held-out split's seed. */
    private long splitSeed;
    /** Rows per block, for row ids (when a share is held out). */
    private int blockSize;
    /** Per feature, counts per bucket; null until a block is seen. */
    private long[][] counts;

    /** For deserialization. */
    public RangeHistogramAggregator() {
    }

    /**
     * @param featureColumns the overflowed features' positions in the blocks
     * @param lo             each feature's smallest finite value
     * @param hi             each feature's largest finite value
     * @param buckets        equal-width buckets per feature
     */
    public RangeHistogramAggregator(int[] featureColumns, double[] lo, double[] hi, int buckets) {
        this.featureColumns = featureColumns.clone();
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.buckets = buckets;
    }

    /**
     * Leaves the rows of weight 0 out.
     *
     * @param column the weight column's position, or −1 for none
     * @return this aggregator
     */
    RangeHistogramAggregator withoutZeroWeights(int column) {
        this.weightColumn = column;
        return this;
    }

    /**
     * Leaves the held-out share out (it is not fitted, so it does not shape the bins).
     *
     * @param fraction  the held-out share, in [0, 1)
     * @param seed      the split's seed
     * @param rows      rows per block, for row ids
     * @return this aggregator
     */
    RangeHistogramAggregator excluding(double fraction, long seed, int rows) {
        this.testFraction = fraction;
        this.splitSeed = seed;
        this.blockSize = rows;
        return this;
    }

    /** Per row of a block, whether it is left out: weight 0, or in the held-out share; null when none is. */
    private boolean[] leftOut(RowBlock b) {
        if (weightColumn < 0 && testFraction == 0) {
            return null;
        }
        int n = b.rows();
        boolean[] out = new boolean[n];
        double[] v = b.values();
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        io.gridlearn.data.RowGrouping g = testFraction == 0 ? null
                : new io.gridlearn.data.RowGrouping(testFraction, 0, splitSeed);
        long first = (long) b.blockId() * blockSize;
        for (int r = 0; r < n; r++) {
            out[r] = (w0 >= 0 && v[w0 + r] == 0) || (g != null && g.group(first + r) == g.testGroup());
        }
        return out;
    }

    /**
     * The bucket of a non-missing value: ⌊(x − lo)/(hi − lo) · buckets⌋ clamped to [0, buckets − 1].
     *
     * @param x       the value, not NaN
     * @param lo      the feature's smallest finite value
     * @param hi      the feature's largest finite value
     * @param buckets the bucket count
     * @return the bucket
     */
    static int bucket(double x, double lo, double hi, int buckets) {
        if (!(x > lo)) {
            return 0;
        }
        if (!(x < hi)) {
            return buckets - 1;
        }
        int k = (int) Math.floor((x - lo) / (hi - lo) * buckets);
        return Math.max(0, Math.min(buckets - 1, k));
    }

    /**
     * The lower boundary of bucket k: lo + (hi − lo) · k / buckets.
     *
     * @param k       the bucket
     * @param lo      the feature's smallest finite value
     * @param hi      the feature's largest finite value
     * @param buckets the bucket count
     * @return the boundary
     */
    static double boundary(int k, double lo, double hi, int buckets) {
        return lo + (hi - lo) * ((double) k / buckets);
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        if (counts == null) {
            counts = new long[featureColumns.length][buckets];
        }
        double[] v = b.values();
        int n = b.rows();
        boolean[] out = leftOut(b);
        for (int j = 0; j < featureColumns.length; j++) {
            int o = b.columnOffset(featureColumns[j]);
            long[] c = counts[j];
            double l = lo[j];
            double h = hi[j];
            for (int r = 0; r < n; r++) {
                double x = v[o + r];
                if (x == x && (out == null || !out[r])) {
                    c[bucket(x, l, h, buckets)]++;
                }
            }
        }
    }

    @Override
    protected void combineStatistic(RangeHistogramAggregator o) {
        if (o.counts == null) {
            return;
        }
        if (counts == null) {
            counts = new long[featureColumns.length][buckets];
        }
        for (int j = 0; j < counts.length; j++) {
            for (int k = 0; k < buckets; k++) {
                counts[j][k] += o.counts[j][k];
            }
        }
    }

    /**
     * @param j an overflowed feature, by its index among this pass's features
     * @return its bucket counts
     */
    long[] counts(int j) {
        return counts == null ? new long[buckets] : counts[j];
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.RANGE_HISTOGRAM;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeDoubleArray(lo);
        out.writeDoubleArray(hi);
        out.writeInt(buckets);
        out.writeInt(weightColumn);
        out.writeDouble(testFraction);
        out.writeLong(splitSeed);
        out.writeInt(blockSize);
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        lo = in.readDoubleArray();
        hi = in.readDoubleArray();
        buckets = in.readInt();
        weightColumn = in.readInt();
        testFraction = in.readDouble();
        splitSeed = in.readLong();
        blockSize = in.readInt();
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeBoolean(counts != null);
        if (counts != null) {
            for (long[] c : counts) {
                out.writeLongArray(c);
            }
        }
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        if (in.readBoolean()) {
            counts = new long[featureColumns.length][];
            for (int j = 0; j < counts.length; j++) {
                counts[j] = in.readLongArray();
            }
        } else {
            counts = null;
        }
    }
}
