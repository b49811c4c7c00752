package io.gridlearn.tree;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.pass.Weights;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits a random forest (algorithm {@code "random-forest"}) by the histogram method of {@code gbt}; the same code
 * is the single-JVM reference (over a {@link io.gridlearn.pass.LocalPassRunner}) and the grid fit.
 *
 * <p>The method is Breiman's (L. Breiman, "Random Forests", Machine Learning 45:5–32, 2001): every tree is grown
 * on a bootstrap sample of the rows, choosing each split among a random subset of m features, without pruning,
 * and the forest predicts the trees' average (for a classifier, the average of the leaves' class-1 shares, i.e.
 * the averaged class probabilities, as scikit-learn's {@code predict_proba}; Breiman's original votes).
 * <ul>
 *   <li>Bootstrap: a row's count in tree t is Poisson(1), drawn from a hash of (row id, t, seed)
 *       ({@link ForestHistogramAggregator#bootstrap}), the per-row form of drawing n rows with replacement; it is
 *       independent of the number of members and of how rows are partitioned.</li>
 *   <li>Features per split: m = ⌊√d⌋ for classification, ⌊d/3⌋ for regression, at least 1 (Breiman 2001 §5 and
 *       §11; Spark's {@code featureSubsetStrategy=auto}), or {@code maxFeatures}. Per node, the d features are put
 *       in an order drawn from a hash of (tree, node, seed) (Fisher–Yates), and the first m of them that are not
 *       constant in the node (fewer than two non-empty bins) are the candidates; constant ones are passed over,
 *       as scikit-learn's splitter does.</li>
 *   <li>Criterion: the weighted squared error's reduction G_L²/H_L + G_R²/H_R − G²/H, with G = Σw(y − c),
 *       H = Σw over the drawn rows (w the bootstrap count; c the label's centre, which changes no gain): variance
 *       reduction for regression, and for labels in {0, 1} half the Gini decrease, so the same splits as Gini
 *       ({@link ForestObjective}). It is {@link SplitSearch} with λ = 0: the candidates, the missing-value
 *       directions and the tie order of {@code gbt}. A split is made when its gain is above 10⁻¹⁰ of the two
 *       children's terms G²/H (below that it is rounding noise of their difference) and each child has
 *       H ≥ {@code minChildWeight}.</li>
 *   <li>Leaves: c + G/H, the drawn rows' weighted mean label (for Gini, the class-1 share); every node keeps its
 *       value and {@code cover} H. A node is not split at depth {@code maxDepth}, with H &lt; 2·minChildWeight,
 *       with fewer than two distinct drawn rows, or when it is pure (classification: all labels 0 or all 1).</li>
 * </ul>
 *
 * <p>Passes: one or two to bin the features ({@link BinEdges}), then histogram passes
 * ({@link ForestHistogramAggregator}) that serve the open nodes of every tree at once: a FIFO queue of nodes to
 * build (first the trees' roots; then, of each split whose children may both be split, the child with fewer drawn
 * rows, its sibling being the parent's histogram minus it, exactly; of a split with one child that may be split,
 * that child) is cut into passes of at most {@code passLongs / width} nodes, width = Σⱼ(bins + 1) × 3 longs.
 * Parents kept for subtraction are capped at {@code keptLongs}; past it both children are built directly. Nodes
 * that cannot be split get no histogram (their sums come from the parent's). Which pass builds a node changes
 * nothing in it (its histogram is an exact sum), and the queue's order is a function of the trees only, so the
 * forest is the same for any budgets and any number of members. For T trees whose levels are all short, the pass
 * count is about the depth; more in general: ⌈nodes built / nodes per pass⌉ plus the levels.
 *
 * <p>Instance weights ({@link #weighted}): a row's weight v multiplies its bootstrap count, so G = Σv·w(y − c) and
 * H = Σv·w, in the criterion, the leaves' means and {@code minChildWeight}; H is then held in fixed point with its
 * own power-of-two scale (for Gini the labels' scale, so that a pure node's G equals its H exactly). A row of
 * weight 0 is left out of the fit, bins included. Weights are checked first (negative or non-finite refused naming
 * the row).
 */
public final class ForestTrainer {
    /** A split must gain more than this share of its children's terms. */
    static final double REL_GAIN = 1e-10;
    /** Default histogram budget of one pass: 4 Mi longs (32 MiB). */
    static final long PASS_LONGS = 1L << 22;
    /** Default budget of parents' histograms kept for subtraction: 8 Mi longs (64 MiB). */
    static final long KEPT_LONGS = 1L << 23;

    private final PassRunner runner;
    private final int[] cols;
    private final int target;
    private final int blockSize;
    private final List<String> features;
    private final String targetName;
    private final ForestOptions o;
    private final long seed;
    private long passLongs = PASS_LONGS;
    private long keptLongs = KEPT_LONGS;
    private int weightColumn = -1;
    private String weightName;
    /** H's fixed-point scale: 1 without weights (H is then the bootstrap count). */
    private double scaleH = 1;

    /**
     * @param runner         runs the passes (locally or in the grid)
     * @param featureColumns the features' positions in the blocks, in the model's order
     * @param targetColumn   the label's position
     * @param blockSize      the dataset's rows per block (row id = block id × block size + row)
     * @param features       the features' names
     * @param target         the label's name
     * @param options        the fit's options
     * @param seed           the bootstrap's and the feature draws' seed
     */
    public ForestTrainer(PassRunner runner, int[] featureColumns, int targetColumn, int blockSize,
                         List<String> features, String target, ForestOptions options, long seed) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.cols = featureColumns.clone();
        this.target = targetColumn;
        this.blockSize = blockSize;
        this.features = List.copyOf(features);
        this.targetName = target;
        this.o = Objects.requireNonNull(options, "options");
        this.seed = seed;
        if (cols.length == 0) {
            throw new BadInputException("fit random-forest needs at least one feature");
        }
    }

    /**
     * Other memory budgets (for tests: the forest must not depend on them).
     *
     * @param pass longs of histogram per pass
     * @param kept longs of parents' histograms kept for subtraction
     * @return this trainer
     */
    ForestTrainer budgets(long pass, long kept) {
        this.passLongs = pass;
        this.keptLongs = kept;
        return this;
    }

    /**
     * Weights every row by a column (a row's weight multiplies its bootstrap count).
     *
     * @param column the weight column's position, or −1 for none
     * @param name   its name (for messages and the model)
     * @return this trainer
     */
    public ForestTrainer weighted(int column, String name) {
        this.weightColumn = column;
        this.weightName = name;
        return this;
    }

    /** A node of some tree: its exact sums and, while needed, its histogram. */
    private static final class Node {
        final int tree;
        final int node;
        final int depth;
        long g;
        long h;
        long c;
        long[] hist;

        Node(int tree, int node, int depth) {
            this.tree = tree;
            this.node = node;
            this.depth = depth;
        }
    }

    /** A histogram to build: {@code build}'s, and when {@code sibling} is set, its sibling's as parent − it. */
    private record Job(Node build, Node sibling, long[] parent, boolean siblingFirst) {
    }

    /**
     * Bins the features, then grows every tree.
     *
     * @return the model
     */
    public ModelDocument fit() {
        long n = runner.rows();
        if (n == 0) {
            throw new BadInputException("fit random-forest: the dataset has no rows");
        }
        double sumW = n;
        if (weightColumn >= 0) {
            sumW = Weights.check(runner, weightColumn, weightName)[0];
        }
        BinEdges.Result binned = BinEdges.compute(runner, cols, target, o.maxBins(), weightColumn);
        BinSummaryAggregator s = binned.summary();
        if (s.targetBad() > 0) {
            throw new BadInputException("fit random-forest: target '" + targetName + "' has " + s.targetBad()
                    + " missing or infinite value(s); every row needs a finite label");
        }
        boolean gini = o.objective().classifier();
        if (gini && (s.targetMin() < 0 || s.targetMax() > 1)) {
            throw new BadInputException("fit random-forest --objective gini needs labels 0 or 1; target '"
                    + targetName + "' has values from " + s.targetMin() + " to " + s.targetMax());
        }
        BinEdges edges = binned.edges();
        // Gini keeps c = 0 so that a leaf's value is G/H, the class-1 share; regression centres the labels on
        // their mid-range so that G²/H is not dominated by a large mean.
        double centre = gini ? 0 : s.targetMin() / 2 + s.targetMax() / 2;
        double bound = Math.max(Math.abs(s.targetMin() - centre), Math.abs(s.targetMax() - centre));
        double scale;
        if (weightColumn < 0) {
            scale = GbtTrainer.scale(n * ForestHistogramAggregator.MAX_COUNT, Math.max(bound, 1e-300));
        } else {
            double rows = Math.max(sumW, 1) * ForestHistogramAggregator.MAX_COUNT;
            scale = GbtTrainer.scale(rows, Math.max(bound, 1e-300));
            // for Gini (|y − c| ≤ 1) the labels' scale: a node of label-1 rows then has G = H exactly
            scaleH = Math.max(1, GbtTrainer.scale(rows, 1));
        }
        int d = cols.length;
        int m = o.featuresPerSplit(d);
        double[][] e = new double[d][];
        for (int j = 0; j < d; j++) {
            e[j] = edges.edges(j);
        }
        int width = Histograms.totalBins(e) * 3;
        int[] offset = Histograms.offsets(e);
        long perPass = Math.max(1, passLongs / width);

        Tree[] trees = new Tree[o.trees()];
        ArrayDeque<Job> queue = new ArrayDeque<>();
        for (int t = 0; t < trees.length; t++) {
            trees[t] = new Tree(16);
            trees[t].addNode(centre, 0, 0);
            queue.add(new Job(new Node(t, 0, 0), null, null, false));
        }
        long kept = 0;
        int passes = 0;
        while (!queue.isEmpty()) {
            List<Job> jobs = new ArrayList<>();
            while (!queue.isEmpty() && jobs.size() < perPass) {
                jobs.add(queue.poll());
            }
            long[] h = pass(edges, trees, jobs, centre, scale);
            passes++;
            for (int k = 0; k < jobs.size(); k++) {
                Job job = jobs.get(k);
                Node a = job.build();
                a.hist = Arrays.copyOfRange(h, k * width, (k + 1) * width);
                if (a.node == 0) { // a root: its sums from feature 0, where every drawn row is in one bin
                    for (int b = 0; b < edges.bins(0) + 1; b++) {
                        a.g += a.hist[b * 3];
                        a.h += a.hist[b * 3 + 1];
                        a.c += a.hist[b * 3 + 2];
                    }
                    setNode(trees[a.tree], 0, a, centre, scale);
                }
                List<Node> built = new ArrayList<>(2);
                if (job.sibling() != null) {
                    Node b = job.sibling();
                    long[] sib = new long[width];
                    long[] parent = job.parent();
                    for (int i = 0; i < width; i++) {
                        sib[i] = parent[i] - a.hist[i];
                    }
                    b.hist = sib;
                    kept -= width;
                    if (job.siblingFirst()) {
                        built.add(b);
                        built.add(a);
                    } else {
                        built.add(a);
                        built.add(b);
                    }
                } else {
                    built.add(a);
                }
                for (Node node : built) {
                    long keep = grow(trees, node, queue, edges, offset, m, width, centre, scale, kept);
                    kept += keep;
                    node.hist = null;
                }
            }
        }
        return document(trees, edges, m, passes, sumW);
    }

    /**
     * Splits a node whose histogram is known, or leaves it a leaf; queues its children's histograms.
     *
     * @return the longs of parent histogram kept by the queued job (0 or width)
     */
    private long grow(Tree[] trees, Node node, ArrayDeque<Job> queue, BinEdges edges, int[] offset, int m,
                      int width, double centre, double scale, long kept) {
        if (!splittable(node, scale)) {
            return 0;
        }
        Tree t = trees[node.tree];
        int[] candidates = candidates(node, edges, offset, m);
        if (candidates.length == 0) {
            return 0;
        }
        SplitSearch.Split best = SplitSearch.best(node.hist, offset, edges, candidates, node.g, node.h, scale, scaleH,
                0.0, o.minChildWeight());
        if (best.feature < 0 || best.hl <= 0 || node.h - best.hl <= 0) {
            return 0;
        }
        double gl = best.gl / scale;
        double gr = (node.g - best.gl) / scale;
        double terms = gl * gl / (best.hl / scaleH) + gr * gr / ((node.h - best.hl) / scaleH);
        if (!(best.gain > REL_GAIN * terms)) {
            return 0;
        }
        int li = t.addNode(0, 0, node.depth + 1);
        int ri = t.addNode(0, 0, node.depth + 1);
        t.split(node.node, best.feature, best.bin, edges.edges(best.feature)[best.bin], best.defaultLeft,
                best.gain, li, ri);
        Node left = new Node(node.tree, li, node.depth + 1);
        left.g = best.gl;
        left.h = best.hl;
        left.c = best.cl;
        Node right = new Node(node.tree, ri, node.depth + 1);
        right.g = node.g - best.gl;
        right.h = node.h - best.hl;
        right.c = node.c - best.cl;
        setNode(t, li, left, centre, scale);
        setNode(t, ri, right, centre, scale);
        boolean sl = splittable(left, scale);
        boolean sr = splittable(right, scale);
        if (sl && sr) {
            Node small = left.c <= right.c ? left : right;
            Node big = small == left ? right : left;
            if (kept + width <= keptLongs) {
                queue.add(new Job(small, big, node.hist, big == left));
                return width;
            }
            queue.add(new Job(left, null, null, false));
            queue.add(new Job(right, null, null, false));
        } else if (sl) {
            queue.add(new Job(left, null, null, false));
        } else if (sr) {
            queue.add(new Job(right, null, null, false));
        }
        return 0;
    }

    /** Whether a node with these sums may be split at all (else it stays a leaf and needs no histogram). */
    private boolean splittable(Node node, double scale) {
        if (node.depth >= o.maxDepth()) {
            return false;
        }
        if (node.c < 2 || node.h / scaleH < 2 * o.minChildWeight()) {
            return false;
        }
        if (o.objective().classifier()) {
            // all labels 1: G = scale·H exactly (weighted: the two scales are equal and each row adds the same g, h)
            long ones = scaleH == 1 ? (long) scale * node.h : scale == scaleH ? node.h : Long.MIN_VALUE;
            return node.g != 0 && node.g != ones;
        }
        return true;
    }

    /**
     * The node's candidate features, ascending: the first m non-constant features in an order drawn from a hash
     * of (tree, node, seed) by Fisher–Yates.
     */
    private int[] candidates(Node node, BinEdges edges, int[] offset, int m) {
        int d = offset.length;
        Draws.Shuffle order = new Draws.Shuffle(d, Draws.hash(node.tree, node.node, seed, 0x46656174L));
        int[] chosen = new int[m];
        int found = 0;
        while (order.hasNext() && found < m) {
            int j = order.next();
            if (!constant(node.hist, offset[j], edges.bins(j))) {
                chosen[found++] = j;
            }
        }
        int[] out = Arrays.copyOf(chosen, found);
        Arrays.sort(out);
        return out;
    }

    /** Fewer than two non-empty bins (the missing bin counted) of one feature in a node. */
    private static boolean constant(long[] hist, int offset, int bins) {
        int nonEmpty = 0;
        for (int b = 0; b <= bins; b++) {
            if (hist[(offset + b) * 3 + 2] > 0 && ++nonEmpty > 1) {
                return false;
            }
        }
        return true;
    }

    /** A node's value c + G/H (the drawn rows' mean label) and cover H. */
    private void setNode(Tree t, int i, Node node, double centre, double scale) {
        if (scaleH == 1) { // unweighted: H is the bootstrap count, as before weights existed (the same bits)
            t.value[i] = node.h > 0 ? centre + node.g / scale / node.h : centre;
            t.cover[i] = node.h;
            return;
        }
        double h = node.h / scaleH;
        t.value[i] = node.h > 0 ? centre + node.g / scale / h : centre;
        t.cover[i] = h;
    }

    private long[] pass(BinEdges edges, Tree[] trees, List<Job> jobs, double centre, double scale) {
        // the trees of this pass, ascending, and per tree the slots of its nodes
        int[] ids = jobs.stream().mapToInt(j -> j.build().tree).distinct().sorted().toArray();
        Tree[] growing = new Tree[ids.length];
        int[][] slotOf = new int[ids.length][];
        for (int k = 0; k < ids.length; k++) {
            growing[k] = trees[ids[k]];
            slotOf[k] = new int[growing[k].size];
            Arrays.fill(slotOf[k], -1);
        }
        for (int s = 0; s < jobs.size(); s++) {
            Node b = jobs.get(s).build();
            slotOf[Arrays.binarySearch(ids, b.tree)][b.node] = s;
        }
        return runner.aggregateByMember(() -> new ForestHistogramAggregator(cols, target, blockSize, seed, centre,
                scale, edges, ids, growing, slotOf).weighted(weightColumn, scaleH)).histogram();
    }

    /**
     * Mean decrease in impurity per feature, as scikit-learn's {@code feature_importances_} (Breiman 2001 §10's
     * Gini importance): per tree, the split gains on each feature summed and divided by the tree's total (a split's
     * gain is its node's weighted impurity decrease, so this is Σ (N_t/N)·Δimpurity normalised), averaged over the
     * trees that have a split, then normalised to sum 1. A forest without any split has all zeros.
     *
     * @param trees the forest
     * @param d     the number of features
     * @return one importance per feature, in the model's order
     */
    static double[] importance(Tree[] trees, int d) {
        double[] sum = new double[d];
        for (Tree t : trees) {
            double[] f = new double[d];
            double total = 0;
            for (int i = 0; i < t.size; i++) {
                if (!t.isLeaf(i)) {
                    f[t.feature[i]] += t.gain[i];
                    total += t.gain[i];
                }
            }
            if (total > 0) {
                for (int j = 0; j < d; j++) {
                    sum[j] += f[j] / total;
                }
            }
        }
        double all = 0;
        for (double v : sum) {
            all += v;
        }
        if (all > 0) {
            for (int j = 0; j < d; j++) {
                sum[j] /= all;
            }
        }
        return sum;
    }

    private ModelDocument document(Tree[] trees, BinEdges edges, int m, int passes, double sumW) {
        Map<String, Object> summary = new LinkedHashMap<>();
        int leaves = 0;
        int deepest = 0;
        for (Tree t : trees) {
            for (int i = 0; i < t.size; i++) {
                if (t.isLeaf(i)) {
                    leaves++;
                }
                deepest = Math.max(deepest, t.depth[i]);
            }
        }
        summary.put("trees", trees.length);
        summary.put("leaves", leaves);
        summary.put("depth", deepest);
        summary.put("featuresPerSplit", m);
        summary.put("histogramPasses", passes);
        int[] bins = new int[edges.features()];
        for (int j = 0; j < bins.length; j++) {
            bins[j] = edges.bins(j);
        }
        summary.put("bins", bins);
        summary.put("importance", importance(trees, edges.features()));
        if (weightColumn >= 0) {
            summary.put(Weights.WEIGHT_SUM, Weights.count(sumW));
        }
        ModelDocument doc = ForestModel.document(o.objective(), targetName, features, List.of(trees), summary);
        if (weightColumn < 0) {
            return doc;
        }
        Map<String, Object> ext = new LinkedHashMap<>(doc.extensions());
        ext.put(Weights.OPTION, weightName);
        return doc.withExtensions(ext);
    }
}
