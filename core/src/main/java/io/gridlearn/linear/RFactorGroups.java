package io.gridlearn.linear;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * The R factors of the QR solver's first pass, grouped by the Hazelcast partition of their block, so that a
 * member can merge a whole partition's blocks before sending them and a pass sends O(partitions × q²) doubles
 * whatever the number of blocks.
 *
 * <p><b>The merge order.</b> Let group g be the set of the layout's live blocks whose key lies in partition g.
 * The final R is
 * <ol>
 *   <li>for every group g: {@code R_g = fold(R_b1, R_b2, …)} over the group's blocks in ascending block id,
 *       sequentially: {@code R ← R_b1; R ← merge(R, R_bi)} ({@link BlockQr#merge}); blocks without training
 *       rows have no R and are skipped, and a group without any has none;</li>
 *   <li>then the R_g in a fixed binary tree over ascending group ids ({@link RFactors#mergeInOrder}).</li>
 * </ol>
 * Every step is a deterministic function of the data, the layout and the partition count: a block's partition
 * is the hash of its key modulo the cluster-wide partition count, so which blocks share a group does not depend
 * on how many members there are, which member owns a partition, or on migrations. The members only decide
 * <i>where</i> the arithmetic of a group runs, never <i>what</i> it is, so the bits are the same on 1, 2 or 3
 * members and after a member dies (for one partition count: {@code hazelcast.partition.count} is fixed per
 * cluster, 271 by default).
 *
 * <p><b>Complete and incomplete groups.</b> A group is complete in an instance when the instance holds the R of
 * every one of the group's live blocks (known from the layout); {@link #compact} folds every complete group into
 * its R_g and forgets its blocks. An incomplete group — Hazelcast split the partition across aggregator clones,
 * or a partition migrated mid-pass — keeps its blocks' R individually, with their group id; whichever instance
 * later holds all of them folds them, at the latest {@link #finish} on the driver, with the same sequential
 * arithmetic. So compaction changes only the traffic, never the result.
 *
 * <p>On the wire an R is its upper triangle packed by rows ({@code q(q+1)/2} doubles; the lower triangle is
 * exactly +0.0 in every R that {@link BlockQr} returns), and a missing R is an empty array.
 */
final class RFactorGroups {
    /** A block or group without training rows. */
    static final double[] NONE = new double[0];

    private final int q;
    /** Folded R of complete groups, by group id (partition). */
    private final TreeMap<Integer, double[]> merged = new TreeMap<>();
    /** R factors of the blocks of incomplete groups: group id → block id → R. */
    private final TreeMap<Integer, TreeMap<Integer, double[]>> pending = new TreeMap<>();

    RFactorGroups(int q) {
        this.q = q;
    }

    int q() {
        return q;
    }

    /** Adds the R of one block (or {@link #NONE} when it has no training rows) to group {@code group}. */
    void add(int group, int blockId, double[] r) {
        if (r.length != 0 && r.length != q * q) {
            throw new IllegalArgumentException("R of block " + blockId + " has " + r.length + " entries, not " + q * q);
        }
        if (merged.containsKey(group)) {
            return; // already folded: the same block seen twice (a pass the caller will reject by its counts)
        }
        pending.computeIfAbsent(group, g -> new TreeMap<>()).put(blockId, r);
    }

    /**
     * Takes over the groups and blocks of {@code other}. A block or group present in both (only in a pass that
     * saw a block twice, which fails its block count) is kept once: it has the same bits either way.
     */
    void addAll(RFactorGroups other) {
        if (other.q != q) {
            throw new IllegalArgumentException("cannot combine R factors of width " + other.q + " and " + q);
        }
        for (Map.Entry<Integer, double[]> e : other.merged.entrySet()) {
            if (merged.putIfAbsent(e.getKey(), e.getValue()) == null) {
                pending.remove(e.getKey());
            }
        }
        for (Map.Entry<Integer, TreeMap<Integer, double[]>> e : other.pending.entrySet()) {
            if (!merged.containsKey(e.getKey())) {
                pending.computeIfAbsent(e.getKey(), g -> new TreeMap<>()).putAll(e.getValue());
            }
        }
    }

    /**
     * Folds every complete group. {@code liveBlocks} gives the number of live blocks of a group, and
     * {@code groupOf} the group of a block: a group is folded only when it holds exactly that many blocks and
     * every one of them belongs to it by {@code groupOf} (so an instance whose partition function disagreed
     * with the one the blocks were grouped by would leave them alone).
     */
    void compact(IntUnaryOperator liveBlocks, IntUnaryOperator groupOf) {
        Iterator<Map.Entry<Integer, TreeMap<Integer, double[]>>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, TreeMap<Integer, double[]>> e = it.next();
            int g = e.getKey();
            TreeMap<Integer, double[]> blocks = e.getValue();
            if (blocks.size() != liveBlocks.applyAsInt(g) || !allIn(blocks.keySet(), g, groupOf)) {
                continue;
            }
            merged.put(g, fold(blocks, q));
            it.remove();
        }
    }

    private static boolean allIn(Iterable<Integer> blockIds, int g, IntUnaryOperator groupOf) {
        for (int b : blockIds) {
            if (groupOf.applyAsInt(b) != g) {
                return false;
            }
        }
        return true;
    }

    /** The final R: every group folded (complete or not), then the tree over ascending group ids. */
    double[] finish() {
        TreeMap<Integer, double[]> byGroup = new TreeMap<>();
        TreeSet<Integer> groups = new TreeSet<>(merged.keySet());
        groups.addAll(pending.keySet());
        for (int g : groups) {
            double[] r = merged.containsKey(g) ? merged.get(g) : fold(pending.get(g), q);
            if (r.length > 0) {
                byGroup.put(g, r);
            }
        }
        return RFactors.mergeInOrder(byGroup, q);
    }

    /** Sequential TSQR over the blocks in ascending id; {@link #NONE} when none has training rows. */
    static double[] fold(SortedMap<Integer, double[]> byBlock, int q) {
        double[] r = null;
        for (double[] b : byBlock.values()) {
            if (b.length > 0) {
                r = r == null ? b : BlockQr.merge(r, b, q);
            }
        }
        return r == null ? NONE : r;
    }

    /** Folded groups held. */
    int mergedGroups() {
        return merged.size();
    }

    /** Blocks of incomplete groups held. */
    int pendingBlocks() {
        int n = 0;
        for (TreeMap<Integer, double[]> b : pending.values()) {
            n += b.size();
        }
        return n;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Group ids of the incomplete groups held. */
    List<Integer> pendingGroups() {
        return new ArrayList<>(pending.keySet());
    }

    void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(merged.size());
        for (Map.Entry<Integer, double[]> e : merged.entrySet()) {
            out.writeInt(e.getKey());
            out.writeDoubleArray(pack(e.getValue(), q));
        }
        out.writeInt(pending.size());
        for (Map.Entry<Integer, TreeMap<Integer, double[]>> e : pending.entrySet()) {
            out.writeInt(e.getKey());
            out.writeInt(e.getValue().size());
            for (Map.Entry<Integer, double[]> b : e.getValue().entrySet()) {
                out.writeInt(b.getKey());
                out.writeDoubleArray(pack(b.getValue(), q));
            }
        }
    }

    static RFactorGroups readData(ObjectDataInput in, int q) throws IOException {
        RFactorGroups r = new RFactorGroups(q);
        int groups = count(in.readInt());
        for (int i = 0; i < groups; i++) {
            r.merged.put(in.readInt(), unpack(in.readDoubleArray(), q));
        }
        int pendingGroups = count(in.readInt());
        for (int i = 0; i < pendingGroups; i++) {
            TreeMap<Integer, double[]> blocks = new TreeMap<>();
            r.pending.put(in.readInt(), blocks);
            int k = count(in.readInt());
            for (int j = 0; j < k; j++) {
                blocks.put(in.readInt(), unpack(in.readDoubleArray(), q));
            }
        }
        return r;
    }

    private static int count(int n) throws IOException {
        if (n < 0) {
            throw new IOException("corrupt R factor groups: count " + n);
        }
        return n;
    }

    /** The upper triangle by rows, {@code q(q+1)/2} doubles; {@link #NONE} stays empty. */
    static double[] pack(double[] r, int q) {
        if (r.length == 0) {
            return NONE;
        }
        double[] p = new double[q * (q + 1) / 2];
        int k = 0;
        for (int i = 0; i < q; i++) {
            System.arraycopy(r, i * q + i, p, k, q - i);
            k += q - i;
        }
        return p;
    }

    static double[] unpack(double[] p, int q) throws IOException {
        if (p == null || p.length == 0) {
            return NONE;
        }
        if (p.length != q * (q + 1) / 2) {
            throw new IOException("corrupt R factor: " + p.length + " packed entries for width " + q);
        }
        double[] r = new double[q * q];
        int k = 0;
        for (int i = 0; i < q; i++) {
            System.arraycopy(p, k, r, i * q + i, q - i);
            k += q - i;
        }
        return r;
    }
}
