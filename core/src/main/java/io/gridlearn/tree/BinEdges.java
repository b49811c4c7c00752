package io.gridlearn.tree;

import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.PassRunner;

import java.util.Arrays;

/**
 * Per-feature bin edges: feature j has strictly increasing edges e₀ &lt; e₁ &lt; … &lt; e_{k−2} (k ≤ max bins) and
 * k bins; a value x falls in bin b = #{i : eᵢ ≤ x} (so bin b holds e_{b−1} ≤ x &lt; e_b), and a missing (NaN)
 * value in its own bin, index k. A split "bins 0 … s go left" is therefore the threshold test x &lt; e_s, which is
 * how the model predicts from raw values: binned and raw routing agree row for row.
 *
 * <p>How edges are chosen ({@link #compute}): one exact pass counts every feature's distinct values
 * ({@link BinSummaryAggregator}). With at most {@code maxBins} distinct values v₁ &lt; … &lt; v_k each gets its own
 * bin (edges v₂ … v_k, as XGBoost's hist does for low-cardinality features). With more, and at most
 * {@link #exactCap} distinct values, the edges are exact quantiles of the multiset: e_b is the smallest value with
 * at least ⌈b·n/maxBins⌉ values below it (n the non-missing count), b = 1 … maxBins − 1, duplicates dropped.
 * Past the exact cap a second pass counts values in {@value #RANGE_BUCKETS_PER_BIN}·maxBins equal-width buckets over
 * the feature's exact range ({@link RangeHistogramAggregator}) and the same rule picks bucket boundaries. Every
 * input to these rules is an exact integer count or an exact min/max, so the edges are the same on any number of
 * members. (XGBoost uses a weighted quantile sketch, Chen &amp; Guestrin 2016 §3.3, whose result depends on how
 * rows are spread over workers; this is the price of member-count independence: one or two passes instead of a
 * sketch merged in one.)
 */
public final class BinEdges {
    /** Buckets per bin in the range pass past the exact cap. */
    public static final int RANGE_BUCKETS_PER_BIN = 16;

    private final double[][] edges;

    /**
     * @param edges per feature, strictly increasing finite or infinite values (copied)
     */
    public BinEdges(double[][] edges) {
        this.edges = new double[edges.length][];
        for (int j = 0; j < edges.length; j++) {
            this.edges[j] = edges[j].clone();
        }
    }

    /**
     * The most distinct values counted exactly per feature before the range pass takes over.
     *
     * @param maxBins the most bins per feature
     * @return 16 × maxBins, at least 4096
     */
    public static int exactCap(int maxBins) {
        return Math.max(4096, 16 * maxBins);
    }

    /** @return the number of features */
    public int features() {
        return edges.length;
    }

    /**
     * @param j a feature
     * @return its edges (a copy)
     */
    public double[] edges(int j) {
        return edges[j].clone();
    }

    /**
     * @param j a feature
     * @return its number of bins for non-missing values, edges + 1; the missing bin has this index
     */
    public int bins(int j) {
        return edges[j].length + 1;
    }

    /**
     * The bin of a value: #{i : eᵢ ≤ x} by binary search, {@link #bins(int)} for NaN.
     *
     * @param j a feature
     * @param x its value
     * @return the bin
     */
    public int bin(int j, double x) {
        return bin(edges[j], x);
    }

    static int bin(double[] e, double x) {
        if (x != x) {
            return e.length + 1;
        }
        int lo = 0;
        int hi = e.length;
        while (lo < hi) { // first index with e[i] > x
            int mid = (lo + hi) >>> 1;
            if (e[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The bins of every feature of a block, into {@code out[j][r]} (unsigned 16-bit): computed once per block per
     * pass, so the hot loops read one small array per feature.
     *
     * @param b              the block
     * @param featureColumns the features' positions in the block
     * @param out            per feature, at least {@code b.rows()} entries, overwritten
     */
    void binBlock(RowBlock b, int[] featureColumns, char[][] out) {
        double[] v = b.values();
        int n = b.rows();
        for (int j = 0; j < featureColumns.length; j++) {
            int o = b.columnOffset(featureColumns[j]);
            double[] e = edges[j];
            char[] bins = out[j];
            for (int r = 0; r < n; r++) {
                bins[r] = (char) bin(e, v[o + r]);
            }
        }
    }

    /**
     * Edges from exact counts of distinct values (see the class comment).
     *
     * @param values  distinct values, ascending
     * @param counts  their counts
     * @param maxBins the most bins
     * @return the edges, strictly increasing, at most maxBins − 1
     */
    static double[] fromDistinct(double[] values, long[] counts, int maxBins) {
        int k = values.length;
        if (k <= maxBins) {
            return k <= 1 ? new double[0] : Arrays.copyOfRange(values, 1, k);
        }
        return quantiles(values, counts, maxBins);
    }

    /**
     * The smallest candidate with at least ⌈b·n/maxBins⌉ counted values below it, for b = 1 … maxBins − 1,
     * duplicates dropped; candidates in ascending order with the count of values at each.
     */
    private static double[] quantiles(double[] candidates, long[] counts, int maxBins) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] out = new double[maxBins - 1];
        int m = 0;
        long below = 0;
        int b = 1;
        for (int i = 0; i < candidates.length && b < maxBins; i++) {
            if (i > 0 && counts[i] >= 0) {
                long rank = ceilDiv((long) b * n, maxBins);
                if (below >= rank) {
                    if (m == 0 || out[m - 1] < candidates[i]) {
                        out[m++] = candidates[i];
                    }
                    while (b < maxBins && below >= ceilDiv((long) b * n, maxBins)) {
                        b++;
                    }
                }
            }
            below += counts[i];
        }
        return Arrays.copyOf(out, m);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Edges from the range pass's bucket counts: bucket boundaries chosen by the same rank rule.
     *
     * @param counts  counts per bucket
     * @param lo      the feature's smallest finite value
     * @param hi      its largest finite value
     * @param maxBins the most bins
     * @return the edges, strictly increasing
     */
    static double[] fromBuckets(long[] counts, double lo, double hi, int maxBins) {
        int buckets = counts.length;
        double[] bounds = new double[buckets];
        for (int k = 0; k < buckets; k++) {
            bounds[k] = RangeHistogramAggregator.boundary(k, lo, hi, buckets);
        }
        return quantiles(bounds, counts, maxBins);
    }

    /** What the binning passes found: the edges and the first pass's summary (target range, missing counts). */
    record Result(BinEdges edges, BinSummaryAggregator summary) {
    }

    /**
     * Runs the binning passes: one exact pass, and a range pass only when a feature has more than
     * {@link #exactCap} distinct values.
     *
     * @param runner         runs the passes (in the grid or over local blocks; same bits)
     * @param featureColumns the features' positions
     * @param targetColumn   the target's position
     * @param maxBins        the most bins per feature
     * @return the edges and the summary
     */
    static Result compute(PassRunner runner, int[] featureColumns, int targetColumn, int maxBins) {
        return compute(runner, featureColumns, targetColumn, maxBins, -1);
    }

    /**
     * {@link #compute(PassRunner, int[], int, int)} over the rows of positive weight only: a row of weight 0 is
     * not in the fit, so it does not shape the bins either; every other row counts once, whatever its weight
     * (XGBoost weights its quantile sketch instead).
     *
     * @param runner         runs the passes
     * @param featureColumns the features' positions
     * @param targetColumn   the target's position
     * @param maxBins        the most bins per feature
     * @param weightColumn   the weight column's position, or −1 for none
     * @return the edges and the summary
     */
    static Result compute(PassRunner runner, int[] featureColumns, int targetColumn, int maxBins, int weightColumn) {
        return compute(runner, featureColumns, targetColumn, maxBins, weightColumn, 0, 0, 0);
    }

    /**
     * {@link #compute(PassRunner, int[], int, int, int)} without the held-out share either.
     *
     * @param runner         runs the passes
     * @param featureColumns the features' positions
     * @param targetColumn   the target's position
     * @param maxBins        the most bins per feature
     * @param weightColumn   the weight column's position, or −1 for none
     * @param testFraction   the held-out share, in [0, 1)
     * @param seed           the split's seed
     * @param blockSize      rows per block, for row ids
     * @return the edges and the summary
     */
    static Result compute(PassRunner runner, int[] featureColumns, int targetColumn, int maxBins, int weightColumn,
                          double testFraction, long seed, int blockSize) {
        int cap = exactCap(maxBins);
        BinSummaryAggregator s = runner.aggregate(() -> new BinSummaryAggregator(featureColumns, targetColumn, cap)
                .withoutZeroWeights(weightColumn).excluding(testFraction, seed, blockSize));
        int p = featureColumns.length;
        double[][] edges = new double[p][];
        int[] over = new int[p];
        int o = 0;
        for (int j = 0; j < p; j++) {
            if (s.overflowed(j)) {
                over[o++] = j;
            } else {
                edges[j] = fromDistinct(s.distinct(j), s.distinctCounts(j), maxBins);
            }
        }
        if (o > 0) {
            int[] cols = new int[o];
            double[] lo = new double[o];
            double[] hi = new double[o];
            for (int i = 0; i < o; i++) {
                cols[i] = featureColumns[over[i]];
                lo[i] = s.min(over[i]);
                hi[i] = s.max(over[i]);
            }
            int buckets = RANGE_BUCKETS_PER_BIN * maxBins;
            RangeHistogramAggregator r = runner.aggregate(() -> new RangeHistogramAggregator(cols, lo, hi, buckets)
                    .withoutZeroWeights(weightColumn).excluding(testFraction, seed, blockSize));
            for (int i = 0; i < o; i++) {
                edges[over[i]] = fromBuckets(r.counts(i), lo[i], hi[i], maxBins);
            }
        }
        return new Result(new BinEdges(edges), s);
    }
}
