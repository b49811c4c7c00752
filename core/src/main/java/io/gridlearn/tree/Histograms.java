package io.gridlearn.tree;

import io.gridlearn.data.RowBlock;

/**
 * The histogram machinery shared by the per-level passes of {@code gbt} ({@link HistogramAggregator}) and
 * {@code random-forest} ({@link ForestHistogramAggregator}): the layout of one node's histogram, a block's bins,
 * and the hot loop that adds rows' fixed-point (g, h) and a count into their node's slot.
 *
 * <p>Layout: {@code hist[((slot · totalBins) + offset[j] + bin) · 3 + {0: g, 1: h, 2: count}]}, with
 * {@code offset[j]} the first bin of feature j, which has {@code edges[j].length + 1} value bins and then its
 * missing bin ({@code missingBin[j] = edges[j].length + 1}). Sums are of {@code long}s: exact, commutative and
 * associative, so any number of members and any merge order give the same histogram.
 */
final class Histograms {
    private Histograms() {
    }

    /**
     * Per feature, its first bin in a node's histogram.
     *
     * @param edges per feature, the bin edges
     * @return offsets; the histogram width of one node is {@code offset[p−1] + edges[p−1].length + 2}
     */
    static int[] offsets(double[][] edges) {
        int[] offset = new int[edges.length];
        int t = 0;
        for (int j = 0; j < edges.length; j++) {
            offset[j] = t;
            t += edges[j].length + 2;
        }
        return offset;
    }

    /**
     * The bins of one node's histogram: Σⱼ (value bins of j + its missing bin).
     *
     * @param edges per feature, the bin edges
     * @return the width in bins
     */
    static int totalBins(double[][] edges) {
        int t = 0;
        for (double[] e : edges) {
            t += e.length + 2;
        }
        return t;
    }

    /**
     * Per feature, the index of its missing bin.
     *
     * @param edges per feature, the bin edges
     * @return {@code edges[j].length + 1} per feature
     */
    static int[] missingBins(double[][] edges) {
        int[] m = new int[edges.length];
        for (int j = 0; j < edges.length; j++) {
            m[j] = edges[j].length + 1;
        }
        return m;
    }

    /**
     * Bins a block's features into {@code out[j][r]} ({@link BinEdges#bin}).
     *
     * @param b              the block
     * @param featureColumns the features' positions in the block
     * @param edges          per feature, the bin edges
     * @param out            per feature, at least {@code b.rows()} entries
     */
    static void bin(RowBlock b, int[] featureColumns, double[][] edges, char[][] out) {
        int n = b.rows();
        double[] v = b.values();
        for (int j = 0; j < featureColumns.length; j++) {
            double[] e = edges[j];
            char[] o = out[j];
            int c = b.columnOffset(featureColumns[j]);
            for (int r = 0; r < n; r++) {
                o[r] = (char) BinEdges.bin(e, v[c + r]);
            }
        }
    }

    /**
     * The hot loop: for every row r with {@code rowSlot[r] ≥ 0} and every feature j, adds {@code rowG[r]},
     * {@code rowH[r]} and 1 at its slot × feature j × its bin. Feature by feature over primitive arrays, only the
     * rows with a slot (two index arrays per block, nothing per row).
     *
     * @param hist      the histograms, {@code slots × totalBins × 3}
     * @param totalBins one node's width in bins
     * @param offset    per feature, its first bin
     * @param bins      per feature, the block's bins
     * @param n         the block's rows
     * @param rowSlot   per row, its slot or −1
     * @param rowG      per row, g in fixed point
     * @param rowH      per row, h in fixed point
     */
    static void add(long[] hist, int totalBins, int[] offset, char[][] bins, int n, int[] rowSlot, long[] rowG,
                    long[] rowH) {
        // the rows of the nodes built this pass, where each one's node starts, and its g and h side by side: deeper
        // levels build few nodes (the smaller child of each split), so most rows are skipped once here rather than
        // once per feature, and the loop below reads g and h in sequence instead of through the row index
        int[] active = new int[n];
        int[] base = new int[n];
        long[] g = new long[n];
        long[] h = new long[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            int s = rowSlot[r];
            if (s >= 0) {
                active[k] = r;
                base[k] = s * totalBins * 3;
                g[k] = rowG[r];
                h[k] = rowH[r];
                k++;
            }
        }
        for (int j = 0; j < offset.length; j++) {
            char[] bj = bins[j];
            int oj = offset[j] * 3;
            for (int q = 0; q < k; q++) {
                int i = base[q] + oj + bj[active[q]] * 3;
                hist[i] += g[q];
                hist[i + 1] += h[q];
                hist[i + 2]++;
            }
        }
    }
}
