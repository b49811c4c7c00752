package io.gridlearn.tree;

import io.gridlearn.BadInputException;
import io.gridlearn.OptionException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.pass.Weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits gradient-boosted trees by the histogram method (algorithm {@code "gbt"}), growing each tree depth-wise
 * as XGBoost 1.7's {@code hist} with {@code grow_policy=depthwise}; the same code is the single-JVM reference
 * (over a {@link io.gridlearn.pass.LocalPassRunner}) and the grid fit (over the grid's runner).
 *
 * <p>The maths (Chen &amp; Guestrin 2016, "XGBoost: A Scalable Tree Boosting System", KDD, §2.2, eq. 5–7): with
 * G and H the sums of the rows' gradients and Hessians in a node, λ the L2 penalty, the best weight of a leaf is
 * w* = −G/(H + λ), added to the margin shrunk by η; a split of a node into L and R reduces the loss by
 * <pre>  gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ)</pre>
 * (XGBoost's {@code loss_chg}, without the ½ and with γ compared separately). A split is made when its gain is
 * above 10⁻⁶ (XGBoost's {@code kRtEps}) and not below γ, and both children have H ≥ {@code min_child_weight}; each
 * G²/(H + λ) term is 0 when H &lt; min_child_weight (XGBoost's {@code CalcGain}), and so is a leaf's weight.
 *
 * <p>Candidates: every bin boundary of every feature, scanning bins upwards, first with the missing values sent
 * right, then, when the node has missing values of that feature, sent left (XGBoost's two enumeration directions,
 * the sparsity-aware split finding of §3.4). Ties go to the lower feature, then missing-right, then the lower bin:
 * a total order, so the chosen split does not depend on anything but the sums.
 *
 * <p>Passes: one or two to bin the features ({@link BinEdges}), then per tree one pass per level with a node to
 * split ({@link HistogramAggregator}), at most {@code maxDepth}. Each level's pass builds the histogram of the
 * child with fewer rows of every split and takes its sibling's as the parent's minus it (exact in integers). A
 * leaf's G and H are known from its parent's histogram, so no pass is spent on leaves.
 *
 * <p>Fixed point: per tree, gradients are scaled by 2^{k_g} with k_g the largest integer such that
 * n · B_g · 2^{k_g} ≤ 2⁶², B_g a bound on |g| (1 for logistic labels in [0, 1]; for squared error
 * max|y| + |m₀| + Σ_t max_leaf |f_t|, which bounds |m − y|); Hessians likewise with B_h = ¼ or 1. The bound is a
 * function of the trees so far and of exact pass results, so the scale is the same everywhere.
 *
 * <p>Sampling (XGBoost's {@code subsample} and {@code colsample_bytree}): tree t is grown on the rows whose hash of
 * (row id, t, seed) falls below {@code subsample} ({@link HistogramAggregator#inSubsample}) and may split on
 * max(1, ⌊{@code colsampleBytree} · d⌋) features, the first of an order of the d features drawn by Fisher–Yates
 * from a hash of (t, seed) ({@link #treeFeatures}). Both are functions of the row, the tree and the seed only, so
 * the model is still the same bytes on any number of members. With both at 1 nothing is drawn and the trees are
 * those of a fit without them.
 *
 * <p>Instance weights (XGBoost's {@code weight}, {@link #weighted}): every row's g and h are multiplied by its
 * weight w ({@link HistogramAggregator#times}), so G, H, the gains, the leaf weights and {@code min_child_weight}
 * are weighted sums; a row of weight 0 is left out of the fit, bins included (exactly the fit without it), and a
 * row of whole-number weight k adds what k copies of it add. The fixed-point scales use Σw (at least 1) for n.
 * Weights are checked first: a negative or non-finite one is refused naming its row, and so is a column of zeros.
 *
 * <p>Softmax ({@code multi:softprob}, {@link Objective#SOFTMAX}): the labels must be the classes 0 … K−1, each
 * present ({@link ClassCountKernel}); each boosting round grows K trees, tree k of the round on the gradients
 * g = p_k − [y = k], h = max(2p_k(1 − p_k), 10⁻¹⁶) of the margins from before the round
 * ({@link SoftmaxHistogramAggregator}), so the round's trees do not see each other, as in XGBoost. {@code trees}
 * counts rounds (the model has K × rounds trees, tree t for class t mod K); checkpoints, held-out scores (mlogloss)
 * and early stopping are per round. |g| ≤ 1 and h ≤ ½ bound the fixed-point scales.
 */
public final class GbtTrainer {
    /** XGBoost's {@code kRtEps}: a split must reduce the loss by more than this. */
    static final double MIN_GAIN = 1e-6;
    /** Most classes of a softmax fit: each is a tree per round. */
    static final int MAX_CLASSES = 1000;

    private final PassRunner runner;
    private final int[] cols;
    private final int target;
    private final List<String> features;
    private final String targetName;
    private final GbtOptions o;
    private final int blockSize;
    private final long seed;
    private int weightColumn = -1;
    private String weightName;
    /** Trees per round: K for softmax (set when the labels are checked), else 1. */
    private int classCount = 1;
    /** This fit's {@link BlockCache} key, drawn per {@link #fit} (nonzero); it changes no result. */
    private long cacheKey;
    /** The tree count whose edges and trees a completed pass has sent whole to every member; −1 for none. */
    private int heavySent = -1;

    /**
     * @param runner         runs the passes (locally or in the grid)
     * @param featureColumns the features' positions in the blocks, in the model's order
     * @param targetColumn   the label's position
     * @param features       the features' names
     * @param target         the label's name
     * @param options        the fit's options
     */
    public GbtTrainer(PassRunner runner, int[] featureColumns, int targetColumn, List<String> features, String target,
                      GbtOptions options) {
        this(runner, featureColumns, targetColumn, 0, features, target, options, 42);
    }

    /**
     * @param runner         runs the passes (locally or in the grid)
     * @param featureColumns the features' positions in the blocks, in the model's order
     * @param targetColumn   the label's position
     * @param blockSize      the dataset's rows per block (row id = block id × block size + row); needed when
     *                       {@code subsample} &lt; 1
     * @param features       the features' names
     * @param target         the label's name
     * @param options        the fit's options
     * @param seed           the row and feature samples' seed
     */
    public GbtTrainer(PassRunner runner, int[] featureColumns, int targetColumn, int blockSize, List<String> features,
                      String target, GbtOptions options, long seed) {
        this.blockSize = blockSize;
        this.seed = seed;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.cols = featureColumns.clone();
        this.target = targetColumn;
        this.features = List.copyOf(features);
        this.targetName = target;
        this.o = Objects.requireNonNull(options, "options");
        if (cols.length == 0) {
            throw new BadInputException("fit gbt needs at least one feature");
        }
        if (o.subsample() < 1 && blockSize < 1) {
            throw new IllegalArgumentException("subsample needs the dataset's block size for row ids");
        }
    }

    /**
     * Weights every row by a column (XGBoost's instance weights).
     *
     * @param column the weight column's position, or −1 for none
     * @param name   its name (for messages and the model)
     * @return this trainer
     */
    public GbtTrainer weighted(int column, String name) {
        this.weightColumn = column;
        this.weightName = name;
        return this;
    }

    /** Salt of the per-tree feature draw, apart from the forest's per-node one. */
    private static final long COLSAMPLE_SALT = 0x436F6C73L;

    /**
     * The features tree t may split on, ascending: the first max(1, ⌊share · d⌋) of an order of 0 … d−1 drawn by
     * Fisher–Yates from a hash of (t, seed); null (every feature) when the share is 1.
     *
     * @param d     the number of features
     * @param share {@code colsample_bytree}, in (0, 1]
     * @param tree  the tree's index
     * @param seed  the fit's seed
     * @return the chosen features in ascending order, or null for all
     */
    static int[] treeFeatures(int d, double share, int tree, long seed) {
        if (share >= 1) {
            return null;
        }
        int m = Math.max(1, (int) Math.floor(share * d));
        Draws.Shuffle order = new Draws.Shuffle(d, Draws.hash(tree, 0, seed, COLSAMPLE_SALT));
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = order.next();
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** A node being grown: its exact sums and, while it may be split, its histogram. */
    private static final class Open {
        final int node;
        final long g;
        final long h;
        final long c;
        long[] hist;

        Open(int node, long g, long h, long c) {
            this.node = node;
            this.g = g;
            this.h = h;
            this.c = c;
        }
    }

    /**
     * Bins the features, then grows the trees; after every tree the listener gets a checkpoint model.
     *
     * @param listener   told after each tree, or null
     * @param resumeFrom a checkpoint of the same fit to continue from, or null
     * @return the model
     */
    public ModelDocument fit(IterationListener listener, ModelDocument resumeFrom) {
        IterationListener l = listener == null ? IterationListener.NONE : listener;
        cacheKey = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;
        heavySent = -1;
        long n = runner.rows();
        if (n == 0) {
            throw new BadInputException("fit gbt: the dataset has no rows");
        }
        double sumW = n;
        if (weightColumn >= 0) {
            sumW = Weights.check(runner, weightColumn, weightName)[0];
        }
        double rowsBound = Math.max(sumW, 1);
        o.checked();
        if (o.testFraction() > 0 && blockSize < 1) {
            throw new IllegalArgumentException("a test fraction needs the dataset's block size for row ids");
        }
        BinEdges.Result binned = BinEdges.compute(runner, cols, target, o.maxBins(), weightColumn, o.testFraction(),
                seed, blockSize);
        BinSummaryAggregator s = binned.summary();
        if (s.targetBad() > 0) {
            throw new BadInputException("fit gbt: target '" + targetName + "' has " + s.targetBad() + " missing or"
                    + " infinite value(s); every row needs a finite label");
        }
        if (o.objective() == Objective.LOGISTIC && (s.targetMin() < 0 || s.targetMax() > 1)) {
            throw new BadInputException("fit gbt --objective logistic needs labels in [0, 1]; target '" + targetName
                    + "' has values from " + s.targetMin() + " to " + s.targetMax());
        }
        int k = o.objective() == Objective.SOFTMAX ? classes(s) : 1;
        classCount = k;
        BinEdges edges = binned.edges();
        double baseMargin = o.objective().baseMargin(Objective.BASE_SCORE);
        double maxAbsY = Math.max(Math.abs(s.targetMin()), Math.abs(s.targetMax()));
        List<Tree> trees = new ArrayList<>();
        if (resumeFrom != null) {
            if (o.earlyStoppingRounds() > 0) {
                throw new OptionException("earlyStoppingRounds", "cannot be combined with a resumed fit yet: the"
                        + " model keeps only the trees up to the best round");
            }
            checkResumable(resumeFrom);
            if (GbtModel.treesPerRound(resumeFrom) != k) {
                throw new BadInputException("cannot resume: the checkpoint has " + GbtModel.treesPerRound(resumeFrom)
                        + " classes, this fit's data " + k);
            }
            trees.addAll(GbtModel.trees(resumeFrom, features.size()));
            if (trees.size() % k != 0) {
                throw new BadInputException("cannot resume: the checkpoint has " + trees.size() + " trees, not whole"
                        + " rounds of " + k);
            }
            if (trees.size() > o.trees() * (long) k) {
                throw new BadInputException("cannot resume: the checkpoint has " + trees.size() / k
                        + (k > 1 ? " rounds" : " trees") + ", this fit asks for " + o.trees());
            }
        }
        double marginBound = Math.abs(baseMargin);
        for (Tree t : trees) {
            marginBound += maxAbsLeaf(t);
        }
        HeldOut held = o.testFraction() > 0 ? new HeldOut(k) : null;
        if (held != null) {
            for (int r = k; r <= trees.size(); r += k) { // a resumed fit: the held-out scores of its rounds
                held.score(trees.subList(0, r), baseMargin);
            }
        }
        while (trees.size() < o.trees() * (long) k) {
            double boundG = o.objective().classifies() ? 1.0 : maxAbsY + marginBound;
            List<Tree> done = List.copyOf(trees);
            for (int c = 0; c < k; c++) { // a round: K trees from the same margins
                Tree t = grow(done, edges, baseMargin, rowsBound, boundG, k > 1 ? c : -1, done.size() + c);
                trees.add(t);
                marginBound += maxAbsLeaf(t);
            }
            boolean stop = held != null && held.score(trees, baseMargin);
            if (stop) {
                break;
            }
            l.onIteration(document(trees, edges, false, sumW, held));
        }
        if (held != null && o.earlyStoppingRounds() > 0) {
            held.fitted = trees.size() / k;
            List<Tree> best = new ArrayList<>(trees.subList(0, (held.best + 1) * k));
            return document(best, edges, true, sumW, held);
        }
        return document(trees, edges, true, sumW, held);
    }

    /** K = max label + 1, checked: every label an integer in 0 … K−1 and every class present. */
    private int classes(BinSummaryAggregator s) {
        double max = s.targetMax();
        if (s.targetMin() < 0 || max != Math.rint(max) || max + 1 > MAX_CLASSES) {
            throw new BadInputException("fit gbt --objective softmax needs the classes 0, 1, …, K-1 (K at most "
                    + MAX_CLASSES + ") as labels; target '" + targetName + "' has values from " + s.targetMin()
                    + " to " + max);
        }
        int k = (int) max + 1;
        double[] counts = runner.sum(new ClassCountKernel(target, weightColumn, k));
        if (counts[k] > 0) {
            throw new BadInputException("fit gbt --objective softmax: " + (long) counts[k] + " row(s) of target '"
                    + targetName + "' are not an integer class in 0.." + (k - 1));
        }
        if (k < 2) {
            throw new BadInputException("fit gbt --objective softmax: target '" + targetName + "' has a single class"
                    + " (0); a classifier needs at least two");
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                throw new BadInputException("fit gbt --objective softmax: target '" + targetName + "' has no row of"
                        + " class " + c + (weightColumn >= 0 ? " with a positive weight" : "") + "; classes must be"
                        + " the integers 0.." + (k - 1) + ", each present");
            }
        }
        return k;
    }

    /**
     * The held-out share's score after every tree ({@link GbtHeldOutKernel}) and the early-stopping rule of
     * XGBoost 1.7's {@code EarlyStopping} callback: round i (0-based) is the best so far when its score is strictly
     * below every earlier one; the fit stops after round i when i − best ≥ {@code earlyStoppingRounds}.
     */
    private final class HeldOut {
        HeldOut(int classCount) {
            this.classCount = classCount;
        }

        final List<Double> scores = new ArrayList<>();
        final int classCount;
        int best = -1;
        int fitted;

        /** Scores the trees; true when the fit is to stop. */
        boolean score(List<Tree> trees, double baseMargin) {
            GbtHeldOutKernel kernel = new GbtHeldOutKernel(cols, target, weightColumn, o.objective(), baseMargin,
                    trees.toArray(new Tree[0]), o.testFraction(), seed);
            if (o.objective() == Objective.SOFTMAX) {
                kernel.softmax(classCount);
            }
            double[] r = runner.sum(kernel);
            if (r[GbtHeldOutKernel.BAD] > 0) {
                throw new BadInputException("fit gbt: target '" + targetName + "' has " + (long) r[GbtHeldOutKernel.BAD]
                        + " missing or infinite value(s) in the held-out share; every row needs a finite label");
            }
            if (r[GbtHeldOutKernel.WEIGHT] == 0) {
                throw new BadInputException("fit gbt: the held-out share (--test-fraction " + o.testFraction()
                        + ") has no rows" + (weightColumn >= 0 ? " of positive weight" : "") + "; give a larger"
                        + " fraction");
            }
            double v = GbtHeldOutKernel.metric(o.objective(), r);
            int i = scores.size();
            scores.add(v);
            if (best < 0 || v < scores.get(best)) {
                best = i;
            }
            return o.earlyStoppingRounds() > 0 && i - best >= o.earlyStoppingRounds();
        }
    }

    /**
     * Refuses a checkpoint of another fit: other features or objective, or (when its provenance records them)
     * other tree options; only {@code trees} may differ.
     */
    private void checkResumable(ModelDocument m) {
        if (m.features() == null || !m.features().equals(features)) {
            throw new BadInputException("cannot resume: the checkpoint's features " + m.features() + " differ from "
                    + features);
        }
        if (!o.objective().cliName().equals(m.extension("objective"))) {
            throw new BadInputException("cannot resume: the checkpoint's objective is " + m.extension("objective")
                    + ", this fit's " + o.objective().cliName());
        }
        Object wWas = m.extension(Weights.OPTION);
        if (!java.util.Objects.equals(wWas, weightColumn < 0 ? null : weightName)) {
            throw new BadInputException("cannot resume: the checkpoint was fit with weights " + (wWas == null ? "none"
                    : "'" + wWas + "'") + ", this fit with " + (weightColumn < 0 ? "none" : "'" + weightName + "'"));
        }
        Object seedWas = m.provenance() == null ? null : m.provenance().get("seed");
        if ((o.samples() || o.testFraction() > 0) && seedWas instanceof Number w && w.longValue() != seed) {
            throw new BadInputException("cannot resume: the checkpoint was fit with seed " + w + ", this fit asks for "
                    + seed + " (the row and feature samples and the held-out share depend on it)");
        }
        Object opts = m.provenance() == null ? null : m.provenance().get("options");
        if (opts instanceof Map<?, ?> was) {
            Map<String, Object> now = new GbtSpec(targetName, features, o, seed).provenanceOptions();
            for (String k : List.of("maxDepth", "eta", "lambda", "gamma", "minChildWeight", "maxBins", "subsample",
                    "colsampleBytree", "testFraction")) {
                Object a = now.getOrDefault(k, defaultOf(k));
                Object b = was.containsKey(k) ? was.get(k) : defaultOf(k);
                if (b instanceof Number y && a instanceof Number x && x.doubleValue() != y.doubleValue()) {
                    throw new BadInputException("cannot resume: the checkpoint was fit with " + k + " " + b
                            + ", this fit asks for " + a);
                }
            }
        }
    }

    /** The value an option has when the provenance leaves it out (options recorded only when not the default). */
    private Object defaultOf(String k) {
        return switch (k) {
            case "subsample" -> GbtOptions.DEFAULT_SUBSAMPLE;
            case "colsampleBytree" -> GbtOptions.DEFAULT_COLSAMPLE_BYTREE;
            case "testFraction" -> 0.0;
            default -> null;
        };
    }

    private static double maxAbsLeaf(Tree t) {
        double m = 0;
        for (int i = 0; i < t.size; i++) {
            if (t.isLeaf(i)) {
                m = Math.max(m, Math.abs(t.value[i]));
            }
        }
        return m;
    }

    /** 2^k with k the largest integer such that n · bound · 2^k ≤ 2⁶² (n the rows, or Σw when weighted). */
    static double scale(double n, double bound) {
        double total = n * Math.max(bound, Double.MIN_NORMAL);
        int k = 62 - (Math.getExponent(total) + 1);
        return Math.scalb(1.0, Math.max(Math.min(k, 1000), -1000));
    }

    /**
     * Grows one tree.
     *
     * @param klass the class it is grown for (softmax), or −1 for the scalar objectives
     * @param index its index in the model (for the row and feature samples' hashes)
     */
    private Tree grow(List<Tree> done, BinEdges edges, double baseMargin, double n, double boundG, int klass,
                      int index) {
        double scaleG = scale(n, boundG);
        double scaleH = scale(n, o.objective().hessianBound());
        Tree[] finished = done.toArray(new Tree[0]);
        Tree t = new Tree(16);
        t.addNode(0, 0, 0);
        int[] allowed = treeFeatures(cols.length, o.colsampleBytree(), index, seed);
        long[] rootHist = pass(edges, baseMargin, finished, t, new int[] {0}, scaleG, scaleH, klass, index);
        HistogramAggregator layout = new HistogramAggregator(cols, target, o.objective(), baseMargin, edges,
                finished, t, new int[] {0}, scaleG, scaleH);
        int tb = layout.totalBins();
        int[] offset = new int[cols.length];
        for (int j = 0; j < cols.length; j++) {
            offset[j] = layout.offset(j);
        }
        long g0 = 0;
        long h0 = 0;
        long c0 = 0;
        for (int b = 0; b < edges.bins(0) + 1; b++) { // every row is in exactly one bin of feature 0
            g0 += rootHist[b * 3];
            h0 += rootHist[b * 3 + 1];
            c0 += rootHist[b * 3 + 2];
        }
        Open root = new Open(0, g0, h0, c0);
        root.hist = rootHist;
        setNode(t, 0, g0, h0, scaleG, scaleH);
        List<Open> level = List.of(root);
        for (int depth = 0; depth < o.maxDepth() && !level.isEmpty(); depth++) {
            List<Open[]> pairs = new ArrayList<>();
            List<Open> next = new ArrayList<>();
            for (Open node : level) {
                SplitSearch.Split best = bestSplit(node, edges, offset, allowed, scaleG, scaleH);
                if (best == null) {
                    continue;
                }
                int li = t.addNode(0, 0, depth + 1);
                int ri = t.addNode(0, 0, depth + 1);
                double thr = edges.edges(best.feature)[best.bin];
                t.split(node.node, best.feature, best.bin, thr, best.defaultLeft, best.gain, li, ri);
                Open left = new Open(li, best.gl, best.hl, best.cl);
                Open right = new Open(ri, node.g - best.gl, node.h - best.hl, node.c - best.cl);
                setNode(t, li, left.g, left.h, scaleG, scaleH);
                setNode(t, ri, right.g, right.h, scaleG, scaleH);
                pairs.add(new Open[] {node, left, right});
                next.add(left);
                next.add(right);
            }

            if (depth + 1 < o.maxDepth() && !pairs.isEmpty()) {
                int[] slotOfNode = new int[t.size];
                java.util.Arrays.fill(slotOfNode, -1);
                for (int k = 0; k < pairs.size(); k++) {
                    Open[] pr = pairs.get(k);
                    Open small = pr[1].c <= pr[2].c ? pr[1] : pr[2];
                    slotOfNode[small.node] = k;
                }
                long[] h = pass(edges, baseMargin, finished, t, slotOfNode, scaleG, scaleH, klass, index);
                int width = tb * 3;
                for (int k = 0; k < pairs.size(); k++) {
                    Open[] pr = pairs.get(k);
                    Open small = pr[1].c <= pr[2].c ? pr[1] : pr[2];
                    Open big = small == pr[1] ? pr[2] : pr[1];
                    small.hist = java.util.Arrays.copyOfRange(h, k * width, (k + 1) * width);
                    long[] parent = pr[0].hist;
                    long[] sib = new long[width];
                    for (int i = 0; i < width; i++) {
                        sib[i] = parent[i] - small.hist[i];
                    }
                    big.hist = sib;
                }
            }
            for (Open[] pr : pairs) {
                pr[0].hist = null;
            }
            level = next;
        }
        return t;
    }

    private long[] pass(BinEdges edges, double baseMargin, Tree[] finished, Tree growing, int[] slotOfNode,
                        double scaleG, double scaleH, int klass, int tree) {
        if (klass >= 0) {
            int k = classCount;
            return runner.aggregateByMember(() -> new SoftmaxHistogramAggregator(cols, target, k, klass, baseMargin,
                    edges, finished, growing, slotOfNode, scaleG, scaleH).sampling(blockSize, seed, tree, o.subsample())
                    .weighted(weightColumn).excluding(o.testFraction()))
                    .histogram();
        }
        // the edges and trees go by reference once a pass of this tree has delivered them to every member; a retry
        // (a member that has not seen them) sends them whole
        boolean[] firstTry = {heavySent == finished.length};
        long[] h = runner.aggregateByMember(() -> {
            boolean reference = firstTry[0];
            firstTry[0] = false;
            return new HistogramAggregator(cols, target, o.objective(), baseMargin, edges, finished, growing,
                    slotOfNode, scaleG, scaleH).sampling(blockSize, seed, tree, o.subsample())
                    .weighted(weightColumn).excluding(o.testFraction()).cached(cacheKey).byReference(reference);
        }).histogram();
        heavySent = finished.length;
        return h;
    }

    /** The node's weight and cover from its exact sums. */
    private void setNode(Tree t, int i, long g, long h, double scaleG, double scaleH) {
        double gd = g / scaleG;
        double hd = h / scaleH;
        t.value[i] = weight(gd, hd) * o.eta();
        t.cover[i] = hd;
    }

    /** w* = −G/(H + λ), 0 when H &lt; min_child_weight or H ≤ 0 (XGBoost's {@code CalcWeight}). */
    double weight(double g, double h) {
        if (h < o.minChildWeight() || h <= 0) {
            return 0;
        }
        return -g / (h + o.lambda());
    }

    /** G²/(H + λ), 0 when H &lt; min_child_weight or H ≤ 0 (XGBoost's {@code CalcGain}). */
    double gainTerm(double g, double h) {
        return SplitSearch.term(g, h, o.lambda(), o.minChildWeight());
    }

    private SplitSearch.Split bestSplit(Open node, BinEdges edges, int[] offset, int[] allowed, double scaleG,
                                        double scaleH) {
        SplitSearch.Split best = SplitSearch.best(node.hist, offset, edges, allowed, node.g, node.h, scaleG, scaleH,
                o.lambda(), o.minChildWeight());
        if (best.feature < 0 || !(best.gain > MIN_GAIN) || best.gain < o.gamma() || best.hl <= 0
                || node.h - best.hl <= 0) {
            return null;
        }
        return best;
    }

    private ModelDocument document(List<Tree> trees, BinEdges edges, boolean last, double sumW, HeldOut held) {
        Map<String, Object> summary = new LinkedHashMap<>();
        int leaves = 0;
        for (Tree t : trees) {
            for (int i = 0; i < t.size; i++) {
                if (t.isLeaf(i)) {
                    leaves++;
                }
            }
        }
        int rounds = trees.size() / classCount;
        summary.put("iteration", rounds);
        summary.put("trees", trees.size());
        if (o.objective() == Objective.SOFTMAX) {
            summary.put("rounds", rounds);
        }
        summary.put("leaves", leaves);
        int[] bins = new int[edges.features()];
        for (int j = 0; j < bins.length; j++) {
            bins[j] = edges.bins(j);
        }
        summary.put("bins", bins);
        summary.put("converged", last);
        if (held != null) {
            summary.put("testMetric", GbtHeldOutKernel.metricName(o.objective()));
            summary.put("testScores", held.scores.subList(0, Math.max(rounds, last ? held.scores.size() : 0))
                    .stream().mapToDouble(Double::doubleValue).toArray());
            if (o.earlyStoppingRounds() > 0) {
                summary.put("bestIteration", held.best);
                summary.put("bestScore", held.scores.get(held.best));
                if (last) {
                    summary.put("treesFitted", held.fitted);
                    summary.put("stoppedEarly", held.fitted < o.trees());
                }
            }
        }
        if (weightColumn >= 0) {
            summary.put(Weights.WEIGHT_SUM, Weights.count(sumW));
        }
        int classes = o.objective() == Objective.SOFTMAX ? classCount : o.objective() == Objective.LOGISTIC ? 2 : 0;
        ModelDocument m = GbtModel.document(o.objective(), classes, targetName, features, trees, summary);
        if (weightColumn < 0) {
            return m;
        }
        Map<String, Object> ext = new LinkedHashMap<>(m.extensions());
        ext.put(Weights.OPTION, weightName);
        return m.withExtensions(ext);
    }
}
