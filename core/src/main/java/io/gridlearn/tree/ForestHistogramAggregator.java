package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;

import java.io.IOException;

/**
 * One pass of a random forest fit: for the open nodes of several trees at once, and every feature × bin (the
 * missing bin included), the sums of w·(y − c), w and the count of drawn rows, in 64-bit fixed point
 * ({@link Histograms} layout; slots numbered across the trees of the pass), w a row's bootstrap count in that tree.
 *
 * <p>Per row, next to the data: its bins are computed once per block; its label rounded once,
 * ⌊(y − c)·2^k⌉, with c the label's centre and 2^k the forest's scale fixed by the trainer so that no sum can
 * exceed 2⁶²; then per tree of the pass its bootstrap count w ({@link #bootstrap}: a function of the row id, the
 * tree and the seed only) and its node, by routing its bins down the splits made so far. A row with w = 0 is out
 * of that tree's bag and adds nothing. The fixed-point g = w·⌊(y − c)·2^k⌉ and h = w are integers, so the sums are
 * exact and the histograms the same on any number of members, in any merge order. Nothing is stored per row
 * between passes.
 *
 * <p>Instance weights ({@link #weighted}): a row of weight v adds g = v·w·⌊(y − c)·2^k⌉ and h = v·w·2^{k_h}
 * ({@link HistogramAggregator#times}: exact in {@code long}s for a whole-number v, rounded once otherwise), with
 * 2^{k_h} a second scale fixed by the trainer (1 without weights, so the sums are those of an unweighted fit); a row
 * of weight 0 adds nothing. The weight multiplies the row's bootstrap count: weight k is the row's one draw counted
 * k times, not k rows with draws of their own.
 */
public final class ForestHistogramAggregator extends NodeHistogramAggregator<ForestHistogramAggregator> {
    private static final long serialVersionUID = 1L;
    /** The largest bootstrap count drawn (P(Poisson(1) &gt; 15) &lt; 10⁻¹³); it bounds the fixed-point sums. */
    static final int MAX_COUNT = 15;

    /** The features' positions in the blocks. */
    private int[] featureColumns;
    /** The label's position in the blocks. */
    private int targetColumn;
    /** Rows per block of the dataset: row id = block id × block size + row in block. */
    private int blockSize;
    /** The fit's seed. */
    private long seed;
    /** The label's centre c. */
    private double centre;
    /** The labels' fixed-point scale 2^k. */
    private double scale;
    /** The forest's indices of the trees grown in this pass. */
    private int[] treeIds;
    /** Those trees as grown so far. */
    private Tree[] growing;
    /** Per tree of the pass, per node: its slot in the histogram, or −1 when not built this pass. */
    private int[][] slotOfNode;
    /** The weight column's position, or −1 for none. */
    private int weightColumn = -1;
    /** h's fixed-point scale 2^{k_h} (1 without weights). */
    private double scaleH = 1;

    private transient long[] rowY;

    /** For deserialization. */
    public ForestHistogramAggregator() {
    }

    /**
     * @param featureColumns the features' positions in the blocks, in the model's order
     * @param targetColumn   the label's position
     * @param blockSize      the dataset's rows per block (for row ids)
     * @param seed           the fit's seed
     * @param centre         c, subtracted from every label
     * @param scale          2^k
     * @param edges          the bin edges
     * @param treeIds        the forest's indices of the trees of this pass, ascending
     * @param growing        those trees
     * @param slotOfNode     per tree of the pass, per node, its histogram slot or −1 (slots distinct over the pass)
     */
    ForestHistogramAggregator(int[] featureColumns, int targetColumn, int blockSize, long seed, double centre,
                              double scale, BinEdges edges, int[] treeIds, Tree[] growing, int[][] slotOfNode) {
        super(edges);
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.blockSize = blockSize;
        this.seed = seed;
        this.centre = centre;
        this.scale = scale;
        this.treeIds = treeIds.clone();
        this.growing = growing.clone();
        this.slotOfNode = new int[slotOfNode.length][];
        int s = 0;
        for (int k = 0; k < slotOfNode.length; k++) {
            this.slotOfNode[k] = slotOfNode[k].clone();
            s = slots(slotOfNode[k], s);
        }
        this.slots = s;
    }

    /**
     * Weights every row by a column (checked finite and ≥ 0 beforehand), h in units of 2^{-k_h}.
     *
     * @param column the weight column's position, or −1 for none
     * @param hScale 2^{k_h}, ≥ 1
     * @return this aggregator
     */
    ForestHistogramAggregator weighted(int column, double hScale) {
        this.weightColumn = column;
        this.scaleH = hScale;
        return this;
    }

    /** e^−1, the Poisson(1) probability of 0. */
    private static final double P0 = Math.exp(-1);

    /**
     * A row's bootstrap count in a tree: Poisson(1) by inversion of a uniform from the hash of (row id, tree,
     * seed), capped at {@value #MAX_COUNT}. The Poisson bootstrap (Oza &amp; Russell 2001; Chamandy et al. 2012) is
     * the per-row stand-in for drawing n rows with replacement: the multinomial(n; 1/n, …) counts tend to
     * independent Poisson(1) counts, each row is out of the bag with probability e^−1 ≈ 0.368 (1 − 1/n)^n's
     * limit), and the count depends on nothing but the row, so not on the members or the partitioning.
     *
     * @param rowId the row's id
     * @param tree  the tree's index in the forest
     * @param seed  the fit's seed
     * @return the count, 0 to {@value #MAX_COUNT}
     */
    static int bootstrap(long rowId, int tree, long seed) {
        double u = Draws.uniform(Draws.hash(rowId, tree, seed, 0x426F6F74L));
        double p = P0;
        double cdf = p;
        int k = 0;
        while (u >= cdf && k < MAX_COUNT) {
            k++;
            p /= k;
            cdf += p;
        }
        return k;
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        int n = b.rows();
        if (prepare(b, featureColumns) || rowY == null) {
            rowY = new long[rowSlot.length];
        }
        double[] v = b.values();
        int t0 = b.columnOffset(targetColumn);
        for (int r = 0; r < n; r++) {
            rowY[r] = (long) Math.rint((v[t0 + r] - centre) * scale);
        }
        long first = (long) b.blockId() * blockSize;
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        long hUnit = (long) scaleH;
        for (int k = 0; k < treeIds.length; k++) {
            Tree t = growing[k];
            int[] slotOf = slotOfNode[k];
            boolean any = false;
            for (int r = 0; r < n; r++) {
                int s = slotOf[t.leaf(bins, missingBin, r)];
                double iw = w0 < 0 ? 1 : v[w0 + r];
                int w = s < 0 || iw == 0 ? 0 : bootstrap(first + r, treeIds[k], seed);
                if (w == 0) {
                    rowSlot[r] = -1;
                    continue;
                }
                rowSlot[r] = s;
                if (w0 < 0) {
                    rowG[r] = w * rowY[r];
                    rowH[r] = w;
                } else {
                    rowG[r] = HistogramAggregator.times(w * rowY[r], iw);
                    rowH[r] = HistogramAggregator.times(w * hUnit, iw);
                }
                any = true;
            }
            if (any) {
                addRows(n);
            }
        }
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.FOREST_HISTOGRAM;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(blockSize);
        out.writeLong(seed);
        out.writeDouble(centre);
        out.writeDouble(scale);
        writeEdges(out);
        out.writeIntArray(treeIds);
        for (int k = 0; k < treeIds.length; k++) {
            growing[k].write(out);
            out.writeIntArray(slotOfNode[k]);
        }
        out.writeInt(slots);
        out.writeInt(weightColumn);
        out.writeDouble(scaleH);
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        blockSize = in.readInt();
        seed = in.readLong();
        centre = in.readDouble();
        scale = in.readDouble();
        readEdges(in);
        rowY = null;
        treeIds = in.readIntArray();
        growing = new Tree[treeIds.length];
        slotOfNode = new int[treeIds.length][];
        for (int k = 0; k < treeIds.length; k++) {
            growing[k] = Tree.read(in);
            slotOfNode[k] = in.readIntArray();
        }
        slots = in.readInt();
        weightColumn = in.readInt();
        scaleH = in.readDouble();
    }
}
