package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;

import java.io.IOException;

/**
 * One level of one tree of a softmax ({@code multi:softprob}) gbt fit: the per-node, per-feature × bin sums of
 * g, h and count in 64-bit fixed point, as {@link HistogramAggregator} does for the scalar objectives, with the
 * gradient of the class k the tree is grown for.
 *
 * <p>Per row, next to the data: the K margins m_c = m₀ + Σ_{t : t mod K = c} f_t(x) of the rounds finished before
 * this tree's (each class's trees added in tree order, as the model predictor adds them), p = softmax(m) by the
 * log-sum-exp form ({@link io.gridlearn.model.Predictors#normalise}), then g = p_k − [y = k] and
 * h = max(2 p_k (1 − p_k), 10⁻¹⁶) ({@link Objective#SOFTMAX}). Every tree of a round sees the margins from before
 * the round, as XGBoost grows a round's K trees from one set of gradients. Rounding to fixed point, row
 * subsampling, instance weights, the held-out share and the layout are those of {@link HistogramAggregator}
 * ({@link HistogramAggregator#inSubsample}, {@link HistogramAggregator#times}); nothing is stored per row between
 * passes, so the histograms are the same integers on any number of members.
 */
public final class SoftmaxHistogramAggregator extends NodeHistogramAggregator<SoftmaxHistogramAggregator> {
    private static final long serialVersionUID = 1L;

    /** The features' positions in the blocks. */
    private int[] featureColumns;
    /** The label's position in the blocks. */
    private int targetColumn;
    /** K, the number of classes. */
    private int classes;
    /** The class of the tree being grown, 0 … K−1. */
    private int klass;
    /** The base margin m₀ of every class. */
    private double baseMargin;
    /** The trees of the finished rounds, K per round, in order. */
    private Tree[] finished;
    /** The tree being grown. */
    private Tree growing;
    /** Per node of {@link #growing}: its slot in the histogram, or −1 when not built this pass. */
    private int[] slotOfNode;
    /** The gradients' fixed-point scale 2^k_g. */
    private double scaleG;
    /** The Hessians' fixed-point scale 2^k_h. */
    private double scaleH;
    /** Rows per block of the dataset: row id = block id × block size + row in block. */
    private int blockSize;
    /** The fit's seed. */
    private long seed;
    /** The index of the tree being grown in the model, for the row sample's hash. */
    private int tree;
    /** The share of rows in the tree's sample; 1 for every row. */
    private double subsample = 1;
    /** The weight column's position, or −1 for none. */
    private int weightColumn = -1;
    /** The held-out share, not fitted (0: none). */
    private double testFraction;
    private transient RowGrouping grouping;
    private transient double[] margins;

    /** For deserialization. */
    public SoftmaxHistogramAggregator() {
    }

    /**
     * @param featureColumns the features' positions in the blocks, in the model's order
     * @param targetColumn   the label's position (classes 0 … K−1, checked beforehand)
     * @param classes        K ≥ 2
     * @param klass          the class of the tree being grown
     * @param baseMargin     m₀, every class's
     * @param edges          the bin edges
     * @param finished       the trees of the finished rounds (a multiple of K)
     * @param growing        the tree being grown
     * @param slotOfNode     per node of {@code growing}, its histogram slot or −1
     * @param scaleG         2^{k_g}
     * @param scaleH         2^{k_h}
     */
    SoftmaxHistogramAggregator(int[] featureColumns, int targetColumn, int classes, int klass, double baseMargin,
                               BinEdges edges, Tree[] finished, Tree growing, int[] slotOfNode, double scaleG,
                               double scaleH) {
        super(edges);
        if (classes < 2 || klass < 0 || klass >= classes || finished.length % classes != 0) {
            throw new IllegalArgumentException("class " + klass + " of " + classes + " with " + finished.length
                    + " finished trees");
        }
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.classes = classes;
        this.klass = klass;
        this.baseMargin = baseMargin;
        this.finished = finished.clone();
        this.growing = growing;
        this.slotOfNode = slotOfNode.clone();
        this.slots = slots(slotOfNode, 0);
        this.scaleG = scaleG;
        this.scaleH = scaleH;
    }

    /**
     * Grows the tree on the rows of its subsample only ({@link HistogramAggregator#inSubsample}).
     *
     * @param blockSize the dataset's rows per block (for row ids), ≥ 1
     * @param seed      the fit's seed
     * @param tree      the tree's index in the model
     * @param subsample the share of rows, in (0, 1]
     * @return this aggregator
     */
    SoftmaxHistogramAggregator sampling(int blockSize, long seed, int tree, double subsample) {
        this.blockSize = blockSize;
        this.seed = seed;
        this.tree = tree;
        this.subsample = subsample;
        return this;
    }

    /**
     * @param column the weight column's position, or −1 for none
     * @return this aggregator
     */
    SoftmaxHistogramAggregator weighted(int column) {
        this.weightColumn = column;
        return this;
    }

    /**
     * @param fraction the held-out share left out, in [0, 1)
     * @return this aggregator
     */
    SoftmaxHistogramAggregator excluding(double fraction) {
        this.testFraction = fraction;
        return this;
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        prepare(b, featureColumns);
        if (margins == null) {
            margins = new double[classes];
        }
        int n = b.rows();
        double[] v = b.values();
        int t0 = b.columnOffset(targetColumn);
        long first = (long) b.blockId() * blockSize;
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            int s = slotOfNode[growing.leaf(bins, missingBin, r)];
            if (s >= 0 && subsample < 1 && !HistogramAggregator.inSubsample(first + r, tree, seed, subsample)) {
                s = -1;
            }
            if (s >= 0 && w0 >= 0 && v[w0 + r] == 0) {
                s = -1;
            }
            if (s >= 0 && testFraction > 0) {
                if (grouping == null) {
                    grouping = new RowGrouping(testFraction, 0, seed);
                }
                if (grouping.group(first + r) == grouping.testGroup()) {
                    s = -1;
                }
            }
            rowSlot[r] = s;
            if (s < 0) {
                continue;
            }
            java.util.Arrays.fill(margins, baseMargin);
            for (int t = 0; t < finished.length; t++) {
                Tree f = finished[t];
                margins[t % classes] += f.value[f.leaf(bins, missingBin, r)];
            }
            double pk = io.gridlearn.model.Predictors.normalise(margins)[klass];
            boolean isClass = v[t0 + r] == klass;
            rowG[r] = (long) Math.rint(Objective.softmaxGradient(pk, isClass) * scaleG);
            rowH[r] = (long) Math.rint(Objective.softmaxHessian(pk) * scaleH);
            if (w0 >= 0) {
                double w = v[w0 + r];
                rowG[r] = HistogramAggregator.times(rowG[r], w);
                rowH[r] = HistogramAggregator.times(rowH[r], w);
            }
        }
        addRows(n);
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.SOFTMAX_HISTOGRAM;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(classes);
        out.writeInt(klass);
        out.writeDouble(baseMargin);
        writeEdges(out);
        out.writeInt(finished.length);
        for (Tree t : finished) {
            t.write(out);
        }
        growing.write(out);
        out.writeIntArray(slotOfNode);
        out.writeInt(slots);
        out.writeDouble(scaleG);
        out.writeDouble(scaleH);
        out.writeInt(blockSize);
        out.writeLong(seed);
        out.writeInt(tree);
        out.writeDouble(subsample);
        out.writeInt(weightColumn);
        out.writeDouble(testFraction);
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        classes = in.readInt();
        klass = in.readInt();
        baseMargin = in.readDouble();
        readEdges(in);
        finished = new Tree[in.readInt()];
        for (int t = 0; t < finished.length; t++) {
            finished[t] = Tree.read(in);
        }
        growing = Tree.read(in);
        slotOfNode = in.readIntArray();
        slots = in.readInt();
        scaleG = in.readDouble();
        scaleH = in.readDouble();
        blockSize = in.readInt();
        seed = in.readLong();
        tree = in.readInt();
        subsample = in.readDouble();
        weightColumn = in.readInt();
        testFraction = in.readDouble();
        grouping = null;
        margins = null;
    }
}
