package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;

import java.io.IOException;

/**
 * One level of one tree: for every node being built this level, and every feature × bin (the missing bin
 * included), the sums of the rows' gradient g, Hessian h and count — in 64-bit fixed point, so that they add
 * exactly.
 *
 * <p>Per row, next to the data: the margin m = m₀ + Σ_{t &lt; T} f_t(x) is recomputed from the finished trees
 * (in tree order, the model predictor's additions), g and h from m and the label ({@link Objective}); the
 * row's node in the tree being grown is found by routing its bins down the splits made so far. Nothing is stored
 * per row between passes, so a pass rerun after a member is lost reads the same rows and adds the same
 * integers. g and h are rounded once, to ⌊g·2^{k_g}⌉ and ⌊h·2^{k_h}⌉ ({@link Math#rint}) with power-of-two
 * scales fixed per tree by the trainer so that no sum over the dataset can exceed 2⁶²: integer addition is exact,
 * commutative and associative, so the histograms are the same on any number of members and in any merge order
 * (the idea of XGBoost's GPU {@code hist}, which rounds gradients to fixed point for deterministic atomics).
 *
 * <p>Row subsampling ({@code subsample} &lt; 1): a row is in tree t's sample when
 * u = (hash(row id, t, seed) &gt;&gt;&gt; 11) · 2⁻⁵³ is below the share ({@link #inSubsample}); a row out of the
 * sample adds nothing to the tree's histograms, as in XGBoost's {@code subsample} (rows are drawn independently with
 * that probability; XGBoost draws them from a per-thread random generator, so its sample depends on the threads).
 * The draw is a function of the row id, the tree and the seed only, so not of the members or the partitioning.
 *
 * <p>Instance weights (XGBoost's {@code weight}): a row of weight w adds w·g and w·h. In fixed point it adds
 * w·⌊g·2^{k_g}⌉ and w·⌊h·2^{k_h}⌉, as longs when w is a whole number (so a row of weight 3 adds exactly what three
 * copies of it add) and rounded once, ⌊w·⌊g·2^{k_g}⌉⌉, otherwise; a row of weight 0 adds nothing, not even to the
 * count ({@link #weighted}).
 *
 * <p>Layout: {@code hist[((slot · totalBins) + offset[j] + bin) · 3 + {0: g, 1: h, 2: count}]}, with
 * {@code offset[j]} the first bin of feature j and each feature's missing bin last among its bins. The hot loop
 * reads a block's bins, precomputed once per block as {@code char} arrays, feature by feature, over the rows of the
 * nodes built this pass only; it allocates nothing per row.
 *
 * <p>Per-pass work a member would repeat (binning the block, the margins of the finished trees, g and h of the
 * tree) is kept between the passes of one fit in {@link BlockCache}, a cache of exactly what the pass computes:
 * with it a pass adds the newest tree to each row's margin instead of all of them, and bins each block once per
 * fit. A member without the entry recomputes it from the block and these settings, so the statement above holds:
 * the same integers with or without it.
 */
public final class HistogramAggregator extends NodeHistogramAggregator<HistogramAggregator> {
    private static final long serialVersionUID = 1L;

    /** The features' positions in the blocks. */
    private int[] featureColumns;
    /** The label's position in the blocks. */
    private int targetColumn;
    /** The objective's ordinal. */
    private int objective;
    /** The base margin m₀. */
    private double baseMargin;
    /** The trees made so far, in order. */
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
    /** The index of the tree being grown (0 for the first). */
    private int tree;
    /** The share of rows in the tree's sample; 1 for every row. */
    private double subsample = 1;
    /** The weight column's position, or −1 for none. */
    private int weightColumn = -1;
    /** The held-out share, not fitted (0: none), by {@link io.gridlearn.data.RowGrouping} of row id and seed. */
    private double testFraction;
    /** The fit's {@link BlockCache} key; 0 for none. */
    private long cacheKey;
    /** {@link Heavy}'s byte string of this pass's edges and trees, once encoded or read. */
    private transient byte[] heavy;
    /** Whether {@link Heavy}'s string is sent by reference only ({@link #byReference}); kept by a copy read so. */
    private transient boolean byReference;
    private transient io.gridlearn.data.RowGrouping grouping;


    /** For deserialization. */
    public HistogramAggregator() {
    }

    /**
     * @param featureColumns the features' positions in the blocks, in the model's order
     * @param targetColumn   the label's position
     * @param objective      the loss
     * @param baseMargin     m₀
     * @param edges          the bin edges
     * @param finished       the trees made so far, in order
     * @param growing        the tree being grown
     * @param slotOfNode     per node of {@code growing}, its histogram slot or −1
     * @param scaleG         2^{k_g}
     * @param scaleH         2^{k_h}
     */
    HistogramAggregator(int[] featureColumns, int targetColumn, Objective objective, double baseMargin,
                        BinEdges edges, Tree[] finished, Tree growing, int[] slotOfNode, double scaleG,
                        double scaleH) {
        super(edges);
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.objective = objective.ordinal();
        this.baseMargin = baseMargin;
        this.finished = finished.clone();
        this.growing = growing;
        this.slotOfNode = slotOfNode.clone();
        this.slots = slots(slotOfNode, 0);
        this.scaleG = scaleG;
        this.scaleH = scaleH;
    }

    /**
     * Grows tree {@code tree} on the rows of its subsample only.
     *
     * @param blockSize the dataset's rows per block (for row ids), ≥ 1
     * @param seed      the fit's seed
     * @param tree      the tree's index
     * @param subsample the share of rows, in (0, 1]
     * @return this aggregator
     */
    HistogramAggregator sampling(int blockSize, long seed, int tree, double subsample) {
        this.blockSize = blockSize;
        this.seed = seed;
        this.tree = tree;
        this.subsample = subsample;
        return this;
    }

    /**
     * Weights every row's g and h by its weight column (whose values are checked finite and ≥ 0 beforehand).
     *
     * @param column the weight column's position, or −1 for none
     * @return this aggregator
     */
    HistogramAggregator weighted(int column) {
        this.weightColumn = column;
        return this;
    }

    /**
     * Leaves the held-out share out of the histograms (row ids from {@link #sampling}'s block size and seed).
     *
     * @param fraction the held-out share, in [0, 1)
     * @return this aggregator
     */
    HistogramAggregator excluding(double fraction) {
        this.testFraction = fraction;
        return this;
    }

    /**
     * w · x for a fixed-point x: exact in {@code long} arithmetic when w is a whole number, else rounded once.
     *
     * @param x a fixed-point value
     * @param w a finite weight ≥ 0
     * @return the weighted fixed-point value
     */
    static long times(long x, double w) {
        if (w == 1) {
            return x;
        }
        if (w == Math.rint(w) && w < 0x1p62) {
            return x * (long) w;
        }
        return (long) Math.rint(x * w);
    }

    /** Salt of the subsample's hash, apart from the forest's bootstrap and feature draws. */
    private static final long SUBSAMPLE_SALT = 0x53756273L;

    /**
     * Whether a row is in a tree's subsample: u = (hash(row id, tree, seed) &gt;&gt;&gt; 11) · 2⁻⁵³, uniform on
     * [0, 1) in steps of 2⁻⁵³, is below the share. Each row is in with probability {@code share}, independently
     * of the others and of the members.
     *
     * @param rowId the row's id
     * @param tree  the tree's index
     * @param seed  the fit's seed
     * @param share the subsample, in (0, 1]
     * @return true when the row is in the sample (always for share 1)
     */
    static boolean inSubsample(long rowId, int tree, long seed, double share) {
        if (share >= 1) {
            return true;
        }
        double u = Draws.uniform(Draws.hash(rowId, tree, seed, SUBSAMPLE_SALT));
        return u < share;
    }

    /**
     * Lets the members remember each block's bins, margins and g, h between this fit's passes ({@link BlockCache}),
     * under a key drawn once per fit; 0 (the default) remembers nothing. The histograms are the same either way.
     *
     * @param key the fit's cache key, or 0
     * @return this aggregator
     */
    HistogramAggregator cached(long key) {
        this.cacheKey = key;
        return this;
    }

    /**
     * Sends the edges and finished trees by reference only, (fit key, tree count, length), instead of as their byte
     * string ({@link Heavy}): for the passes of a tree after the first, whose string every member has decoded
     * already. A JVM that has not (a member that joined since, or that dropped it) cannot read the aggregator;
     * the pass then fails and the trainer runs it again with the whole string, so the result is the same.
     *
     * @param reference true to send the reference only (only with a cache key)
     * @return this aggregator
     */
    HistogramAggregator byReference(boolean reference) {
        this.byReference = reference && cacheKey != 0;
        return this;
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        layout();
        if (hist == null) {
            hist = new long[slots * totalBins * 3];
        }
        int n = b.rows();
        int trees = finished.length;
        BlockCache.Entry e = cacheKey == 0 ? null : BlockCache.get(cacheKey, b.blockId());
        if (e != null && (e.rows != n || e.trees > trees)) {
            e = null; // not this block's state at this point of the fit: recompute
        }
        char[][] bn;
        if (e != null) {
            bn = e.bins;
        } else {
            bn = new char[featureColumns.length][n];
            Histograms.bin(b, featureColumns, edges, bn);
        }
        double[] margin = e == null ? null : e.margin;
        int folded = e == null ? 0 : e.trees;
        if (margin == null || folded < trees) {
            // m = m₀ + f_0(x) + f_1(x) + …, added in tree order for each row: a cached prefix extended by the same
            // additions is the same bits as the sum from the first tree
            double[] m = margin == null ? new double[n] : margin.clone();
            if (margin == null) {
                java.util.Arrays.fill(m, baseMargin);
            }
            for (int k = folded; k < trees; k++) {
                Tree t = finished[k];
                for (int r = 0; r < n; r++) {
                    m[r] += t.value[t.leaf(bn, missingBin, r)];
                }
            }
            margin = m;
        }
        long[] g;
        long[] h;
        if (e != null && e.ghTree == trees && e.scaleG == scaleG && e.scaleH == scaleH) {
            g = e.g;
            h = e.h;
        } else {
            Objective obj = Objective.values()[objective];
            double[] v = b.values();
            int t0 = b.columnOffset(targetColumn);
            int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
            g = new long[n];
            h = new long[n];
            for (int r = 0; r < n; r++) {
                double y = v[t0 + r];
                g[r] = (long) Math.rint(obj.gradient(margin[r], y) * scaleG);
                h[r] = (long) Math.rint(obj.hessian(margin[r]) * scaleH);
                if (w0 >= 0) {
                    double w = v[w0 + r];
                    g[r] = times(g[r], w);
                    h[r] = times(h[r], w);
                }
            }
        }
        if (cacheKey != 0 && (e == null || e.margin != margin || e.g != g)) {
            BlockCache.put(cacheKey, b.blockId(), new BlockCache.Entry(n, bn, trees, margin, trees, scaleG, scaleH,
                    g, h));
        }
        if (rowSlot == null || rowSlot.length < n) {
            rowSlot = new int[n];
        }
        double[] v = b.values();
        long first = (long) b.blockId() * blockSize;
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            int s = slotOfNode[growing.leaf(bn, missingBin, r)];
            if (s >= 0 && subsample < 1 && !inSubsample(first + r, tree, seed, subsample)) {
                s = -1;
            }
            if (s >= 0 && w0 >= 0 && v[w0 + r] == 0) {
                s = -1;
            }
            if (s >= 0 && testFraction > 0) {
                if (grouping == null) {
                    grouping = new io.gridlearn.data.RowGrouping(testFraction, 0, seed);
                }
                if (grouping.group(first + r) == grouping.testGroup()) {
                    s = -1;
                }
            }
            rowSlot[r] = s;
        }
        Histograms.add(hist, totalBins, offset, bn, n, rowSlot, g, h);
    }

    /**
     * The edges and finished trees encoded once per tree ({@link Heavy}; a fit's key and tree count name one
     * string, as {@link #readSettings} relies on too), written by every copy of this aggregator.
     */
    private byte[] heavyBlob() {
        if (heavy == null) {
            // the string of (fit key, tree count) is the same for every pass of the tree: encode it once per tree
            Heavy known = Heavy.get(cacheKey, finished.length);
            heavy = known != null ? known.blob : Heavy.encode(cacheKey, edges, finished).blob;
        }
        return heavy;
    }

    /**
     * The large, unchanging part of a pass's settings: the bin edges and the finished trees (hundreds of KB after
     * a few dozen trees). Hazelcast copies an aggregator by serializing it once per partition (271 by default) to
     * spread a pass over a member's cores; parsing the trees on each copy cost more than the pass itself. (The
     * trainer now runs its passes through {@code io.gridlearn.data.MemberPasses}, which sends the aggregator once per
     * member and copies it once per scanning thread, not per partition; the byte string still saves those copies
     * the decoding.) So, for a
     * fit with a cache key, they travel as one byte string, encoded once per pass, and a JVM that has already
     * decoded the string of (fit key, tree count) skips its bytes and shares the decoded arrays (never written).
     * The string is a function of the edges and the trees alone, so any member decodes the same values; one that
     * has not seen it decodes it from the stream.
     */
    static final class Heavy {
        private static final int KEPT = 8;
        private static final java.util.Map<String, Heavy> KNOWN = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Heavy> e) {
                return size() > KEPT;
            }
        };

        final byte[] blob;
        final double[][] edges;
        final Tree[] finished;

        private Heavy(byte[] blob, double[][] edges, Tree[] finished) {
            this.blob = blob;
            this.edges = edges;
            this.finished = finished;
        }

        static Heavy get(long key, int trees) {
            synchronized (KNOWN) {
                return KNOWN.get(key + "/" + trees);
            }
        }

        /** Forgets the string of (key, trees), as a JVM that never saw it (for tests). */
        static void forget(long key, int trees) {
            synchronized (KNOWN) {
                KNOWN.remove(key + "/" + trees);
            }
        }

        private static Heavy remember(long key, Heavy h) {
            synchronized (KNOWN) {
                KNOWN.put(key + "/" + h.finished.length, h);
            }
            return h;
        }

        static Heavy encode(long key, double[][] edges, Tree[] finished) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                out.writeInt(edges.length);
                for (double[] e : edges) {
                    out.writeInt(e.length);
                    for (double x : e) {
                        out.writeDouble(x);
                    }
                }
                out.writeInt(finished.length);
                for (Tree t : finished) {
                    t.write(out);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // in memory: does not happen
            }
            return remember(key, new Heavy(bytes.toByteArray(), edges, finished));
        }

        static Heavy decode(long key, byte[] blob) throws IOException {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(blob));
            double[][] edges = new double[in.readInt()][];
            for (int j = 0; j < edges.length; j++) {
                edges[j] = new double[in.readInt()];
                for (int k = 0; k < edges[j].length; k++) {
                    edges[j][k] = in.readDouble();
                }
            }
            Tree[] finished = new Tree[in.readInt()];
            for (int f = 0; f < finished.length; f++) {
                finished[f] = Tree.read(in);
            }
            return remember(key, new Heavy(blob, edges, finished));
        }
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.HISTOGRAM;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(objective);
        out.writeDouble(baseMargin);
        out.writeLong(cacheKey);
        if (cacheKey == 0) {
            writeEdges(out);
            out.writeInt(finished.length);
            for (Tree t : finished) {
                t.write(out);
            }
        } else {
            out.writeInt(finished.length);
            byte[] blob = heavyBlob();
            out.writeBoolean(byReference);
            out.writeInt(blob.length);
            if (!byReference) {
                out.write(blob);
            }
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
        objective = in.readInt();
        baseMargin = in.readDouble();
        cacheKey = in.readLong();
        if (cacheKey == 0) {
            readEdges(in);
            finished = new Tree[in.readInt()];
            for (int t = 0; t < finished.length; t++) {
                finished[t] = Tree.read(in);
            }
        } else {
            int trees = in.readInt();
            byReference = in.readBoolean();
            int len = in.readInt();
            Heavy known = Heavy.get(cacheKey, trees);
            if (byReference) {
                if (known == null || known.blob.length != len) {
                    throw new IOException("the edges and " + trees + " trees of fit " + cacheKey
                            + " were sent by reference and are not known in this JVM");
                }
            } else if (known != null && known.blob.length == len) {
                int skipped = in.skipBytes(len);
                if (skipped != len) {
                    throw new IOException("short settings: " + skipped + " of " + len + " bytes");
                }
            } else {
                byte[] blob = new byte[len];
                in.readFully(blob);
                known = Heavy.decode(cacheKey, blob);
            }
            setEdges(known.edges);
            finished = known.finished;
            heavy = known.blob;
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
    }
}
