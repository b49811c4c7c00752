package io.gridlearn.tree;


import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One regression tree, as parallel arrays over its nodes (node 0 the root, children after their parent, in the
 * order they were made: level by level, left before right). An internal node tests feature {@code feature[i]}:
 * x &lt; {@code threshold[i]} goes to {@code left[i]}, x ≥ it to {@code right[i]}, a missing value to the side
 * {@code defaultLeft[i]} says (Chen &amp; Guestrin 2016, §3.4, Algorithm 3). A leaf has {@code left[i] = −1} and
 * adds {@code value[i]} (the shrunk weight η·w*) to the margin. {@code splitBin[i]} is the last bin that goes left,
 * so the same test on binned data reads {@code bin ≤ splitBin[i]}, which agrees with the threshold test
 * ({@link BinEdges}). {@code gain} and {@code cover} (the split's loss reduction and the node's Hessian sum) are
 * kept for feature importance and reports.
 *
 * <p>Mutable while it grows ({@link #addNode}, {@link #split}); read-only after.
 */
final class Tree {
    int size;
    int[] left;
    int[] right;
    int[] feature;
    int[] splitBin;
    double[] threshold;
    boolean[] defaultLeft;
    double[] value;
    double[] gain;
    double[] cover;
    int[] depth;

    Tree(int capacity) {
        left = new int[capacity];
        right = new int[capacity];
        feature = new int[capacity];
        splitBin = new int[capacity];
        threshold = new double[capacity];
        defaultLeft = new boolean[capacity];
        value = new double[capacity];
        gain = new double[capacity];
        cover = new double[capacity];
        depth = new int[capacity];
    }

    /** A tree of one leaf (the root), of the given weight. */
    static Tree root(double value, double cover) {
        Tree t = new Tree(1);
        t.addNode(value, cover, 0);
        return t;
    }

    /** Adds a leaf; returns its index. */
    int addNode(double v, double c, int d) {
        if (size == left.length) {
            int cap = Math.max(4, 2 * size);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            feature = Arrays.copyOf(feature, cap);
            splitBin = Arrays.copyOf(splitBin, cap);
            threshold = Arrays.copyOf(threshold, cap);
            defaultLeft = Arrays.copyOf(defaultLeft, cap);
            value = Arrays.copyOf(value, cap);
            gain = Arrays.copyOf(gain, cap);
            cover = Arrays.copyOf(cover, cap);
            depth = Arrays.copyOf(depth, cap);
        }
        int i = size++;
        left[i] = -1;
        right[i] = -1;
        feature[i] = -1;
        splitBin[i] = -1;
        value[i] = v;
        cover[i] = c;
        depth[i] = d;
        return i;
    }

    /** Turns leaf i into a split with two new leaves. */
    void split(int i, int f, int bin, double thr, boolean defLeft, double g, int l, int r) {
        feature[i] = f;
        splitBin[i] = bin;
        threshold[i] = thr;
        defaultLeft[i] = defLeft;
        gain[i] = g;
        left[i] = l;
        right[i] = r;
    }

    boolean isLeaf(int i) {
        return left[i] < 0;
    }

    /**
     * The node a row of raw values reaches.
     *
     * @param x the row's features, in the model's order
     * @return a leaf
     */
    int leaf(double[] x) {
        int i = 0;
        while (left[i] >= 0) {
            double v = x[feature[i]];
            if (v != v) {
                i = defaultLeft[i] ? left[i] : right[i];
            } else {
                i = v < threshold[i] ? left[i] : right[i];
            }
        }
        return i;
    }

    /**
     * The node a binned row reaches (a leaf, or an open node of a tree still growing).
     *
     * @param bins    per feature, the block's bins
     * @param missing per feature, the missing bin's index
     * @param r       the row
     * @return the node
     */
    int leaf(char[][] bins, int[] missing, int r) {
        int i = 0;
        while (left[i] >= 0) {
            int f = feature[i];
            int b = bins[f][r];
            if (b == missing[f]) {
                i = defaultLeft[i] ? left[i] : right[i];
            } else {
                i = b <= splitBin[i] ? left[i] : right[i];
            }
        }
        return i;
    }

    void write(java.io.DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeInt(left[i]);
            out.writeInt(right[i]);
            out.writeInt(feature[i]);
            out.writeInt(splitBin[i]);
            out.writeDouble(threshold[i]);
            out.writeBoolean(defaultLeft[i]);
            out.writeDouble(value[i]);
        }
    }

    /** Reads what {@link #write} wrote: the routing and the values (no gain, cover or depth). */
    static Tree read(java.io.DataInput in) throws IOException {
        int n = in.readInt();
        Tree t = new Tree(Math.max(n, 1));
        t.size = n;
        for (int i = 0; i < n; i++) {
            t.left[i] = in.readInt();
            t.right[i] = in.readInt();
            t.feature[i] = in.readInt();
            t.splitBin[i] = in.readInt();
            t.threshold[i] = in.readDouble();
            t.defaultLeft[i] = in.readBoolean();
            t.value[i] = in.readDouble();
        }
        return t;
    }

    /**
     * The tree as the model JSON holds it: parallel arrays named as XGBoost's JSON model does where one exists
     * ({@code left_children} → {@code left}, {@code split_conditions} → {@code threshold}, …).
     */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("left", Arrays.copyOf(left, size));
        m.put("right", Arrays.copyOf(right, size));
        m.put("feature", Arrays.copyOf(feature, size));
        m.put("threshold", Arrays.copyOf(threshold, size));
        m.put("splitBin", Arrays.copyOf(splitBin, size));
        List<Boolean> dl = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            dl.add(defaultLeft[i]);
        }
        m.put("defaultLeft", dl);
        m.put("value", Arrays.copyOf(value, size));
        m.put("gain", Arrays.copyOf(gain, size));
        m.put("cover", Arrays.copyOf(cover, size));
        return m;
    }

    /**
     * A tree from its JSON form (as written by {@link #toJson}, or as Jackson reads it back: lists of numbers).
     *
     * @param o        the tree's map
     * @param features the model's feature count, for the checks
     * @return the tree
     * @throws IllegalArgumentException naming what is wrong
     */
    static Tree fromJson(Object o, int features) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a tree must be an object");
        }
        int[] l = ints(m.get("left"), "left");
        int n = l.length;
        int[] r = ints(m.get("right"), "right");
        int[] f = ints(m.get("feature"), "feature");
        double[] thr = doubles(m.get("threshold"), "threshold");
        double[] v = doubles(m.get("value"), "value");
        boolean[] dl = booleans(m.get("defaultLeft"));
        int[] sb = m.get("splitBin") == null ? new int[n] : ints(m.get("splitBin"), "splitBin");
        double[] g = m.get("gain") == null ? new double[n] : doubles(m.get("gain"), "gain");
        double[] c = m.get("cover") == null ? new double[n] : doubles(m.get("cover"), "cover");
        if (n == 0 || r.length != n || f.length != n || thr.length != n || v.length != n || dl.length != n
                || sb.length != n || g.length != n || c.length != n) {
            throw new IllegalArgumentException("a tree's arrays must all have one entry per node (at least one)");
        }
        Tree t = new Tree(n);
        t.size = n;
        for (int i = 0; i < n; i++) {
            boolean leaf = l[i] < 0;
            if (leaf != (r[i] < 0) || (!leaf && (l[i] <= i || r[i] <= i || l[i] >= n || r[i] >= n
                    || f[i] < 0 || f[i] >= features || Double.isNaN(thr[i])))) {
                throw new IllegalArgumentException("node " + i + " has bad children, feature or threshold");
            }
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("node " + i + " has a non-finite value");
            }
            t.left[i] = l[i];
            t.right[i] = r[i];
            t.feature[i] = f[i];
            t.threshold[i] = thr[i];
            t.value[i] = v[i];
            t.defaultLeft[i] = dl[i];
            t.splitBin[i] = sb[i];
            t.gain[i] = g[i];
            t.cover[i] = c[i];
        }
        return t;
    }

    private static int[] ints(Object o, String name) {
        if (o instanceof int[] a) {
            return a.clone();
        }
        if (o instanceof List<?> list) {
            int[] a = new int[list.size()];
            for (int i = 0; i < a.length; i++) {
                if (!(list.get(i) instanceof Number x)) {
                    throw new IllegalArgumentException("\"" + name + "\" must hold integers");
                }
                a[i] = x.intValue();
            }
            return a;
        }
        throw new IllegalArgumentException("a tree needs an array \"" + name + "\"");
    }

    private static double[] doubles(Object o, String name) {
        if (o instanceof double[] a) {
            return a.clone();
        }
        if (o instanceof List<?> list) {
            double[] a = new double[list.size()];
            for (int i = 0; i < a.length; i++) {
                if (!(list.get(i) instanceof Number x)) {
                    throw new IllegalArgumentException("\"" + name + "\" must hold numbers");
                }
                a[i] = x.doubleValue();
            }
            return a;
        }
        throw new IllegalArgumentException("a tree needs an array \"" + name + "\"");
    }

    private static boolean[] booleans(Object o) {
        if (o instanceof boolean[] a) {
            return a.clone();
        }
        if (o instanceof List<?> list) {
            boolean[] a = new boolean[list.size()];
            for (int i = 0; i < a.length; i++) {
                if (!(list.get(i) instanceof Boolean x)) {
                    throw new IllegalArgumentException("\"defaultLeft\" must hold true or false");
                }
                a[i] = x;
            }
            return a;
        }
        throw new IllegalArgumentException("a tree needs an array \"defaultLeft\"");
    }
}
