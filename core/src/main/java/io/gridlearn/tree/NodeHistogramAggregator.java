package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;

import java.io.IOException;

/**
 * What the histogram passes of {@code gbt} ({@link HistogramAggregator}) and {@code random-forest}
 * ({@link ForestHistogramAggregator}) share: the bin edges and the {@link Histograms} layout they imply, the
 * per-block buffers (every row's bins, slot and fixed-point g and h), the hot loop's call, and the histogram as
 * the pass's statistic, merged by exact {@code long} addition. The subclasses decide each row's slot, g and h.
 *
 * @param <A> the concrete aggregator
 */
abstract class NodeHistogramAggregator<A extends NodeHistogramAggregator<A>> extends BlockPassAggregator<A> {
    private static final long serialVersionUID = 1L;

    /** Per feature, the bin edges. */
    double[][] edges;
    /** Nodes built this pass. */
    int slots;
    /** The sums; null until a block is seen. */
    long[] hist;

    transient int[] offset;
    transient int[] missingBin;
    transient int totalBins;
    transient char[][] bins;
    transient int[] rowSlot;
    transient long[] rowG;
    transient long[] rowH;

    /** For deserialization. */
    NodeHistogramAggregator() {
    }

    /**
     * @param edges the bin edges
     */
    NodeHistogramAggregator(BinEdges edges) {
        this.edges = new double[edges.features()][];
        for (int j = 0; j < this.edges.length; j++) {
            this.edges[j] = edges.edges(j);
        }
    }

    /** The number of slots of a slot map: one more than its largest slot. */
    static int slots(int[] slotOfNode, int atLeast) {
        int s = atLeast;
        for (int v : slotOfNode) {
            s = Math.max(s, v + 1);
        }
        return s;
    }

    final void layout() {
        if (offset != null) {
            return;
        }
        offset = Histograms.offsets(edges);
        missingBin = Histograms.missingBins(edges);
        totalBins = Histograms.totalBins(edges);
    }

    /**
     * The histogram width of one node: Σⱼ (bins of j + 1 for missing).
     *
     * @return the bins of every feature, the missing ones included
     */
    final int totalBins() {
        layout();
        return totalBins;
    }

    /**
     * The first bin of feature j in a node's histogram.
     *
     * @param j a feature
     * @return its offset
     */
    final int offset(int j) {
        layout();
        return offset[j];
    }

    /**
     * Before a block: the histogram allocated, the row buffers large enough, and the block's bins computed.
     *
     * @param b              the block
     * @param featureColumns the features' positions in it
     * @return true when the row buffers were (re)allocated
     */
    final boolean prepare(RowBlock b, int[] featureColumns) {
        layout();
        if (hist == null) {
            hist = new long[slots * totalBins * 3];
        }
        int n = b.rows();
        boolean fresh = false;
        if (bins == null || bins[0].length < n) {
            bins = new char[featureColumns.length][n];
            rowSlot = new int[n];
            rowG = new long[n];
            rowH = new long[n];
            fresh = true;
        }
        Histograms.bin(b, featureColumns, edges, bins);
        return fresh;
    }

    /**
     * Adds the block's rows with a slot ≥ 0 ({@link Histograms#add}).
     *
     * @param n the block's rows
     */
    final void addRows(int n) {
        Histograms.add(hist, totalBins, offset, bins, n, rowSlot, rowG, rowH);
    }

    @Override
    protected final void combineStatistic(A o) {
        NodeHistogramAggregator<A> other = o;
        if (other.hist == null) {
            return;
        }
        if (hist == null) {
            hist = other.hist.clone();
            return;
        }
        long[] a = hist;
        long[] c = other.hist;
        for (int i = 0; i < a.length; i++) {
            a[i] += c[i];
        }
    }

    /**
     * The sums, {@code slots × totalBins × 3} (zeros when no block was seen).
     *
     * @return the histogram
     */
    final long[] histogram() {
        layout();
        return hist == null ? new long[slots * totalBins * 3] : hist;
    }

    /** Writes the edges (part of a subclass's settings). */
    final void writeEdges(ObjectDataOutput out) throws IOException {
        out.writeInt(edges.length);
        for (double[] e : edges) {
            out.writeDoubleArray(e);
        }
    }

    /** Takes edges read by other means and forgets the layout and buffers of earlier settings. */
    final void setEdges(double[][] e) {
        edges = e;
        offset = null;
        bins = null;
    }

    /** Reads the edges and forgets the layout and buffers of earlier settings. */
    final void readEdges(ObjectDataInput in) throws IOException {
        edges = new double[in.readInt()][];
        for (int j = 0; j < edges.length; j++) {
            edges[j] = in.readDoubleArray();
        }
        offset = null;
        bins = null;
    }

    @Override
    protected final void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeLongArray(hist);
    }

    @Override
    protected final void readStatistic(ObjectDataInput in) throws IOException {
        hist = in.readLongArray();
    }
}
