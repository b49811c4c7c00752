package io.gridlearn.tree;

import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a member remembers of a block between the histogram passes of one {@code gbt} fit, so that a pass does not
 * redo per row what the previous one did: the block's bins (a function of the block and the fit's edges), and
 * after tree T its margins m = m₀ + Σ_{t &lt; T} f_t(x) and fixed-point g and h (functions of the block, the trees
 * and the tree's scales).
 *
 * <p>Only a cache: every entry is exactly what the pass would compute from the block and its own settings, and the
 * margins are extended tree by tree with the same additions in the same order as a recomputation from the first
 * tree, so a hit and a miss give the same bits. A member that has never seen the block (it joined, or the block
 * migrated after a member was lost) misses and recomputes; so the model is the same bytes with or without it, on
 * any number of members. Entries are held softly and only for the few most recent fits (by the fit's random key),
 * so the cache never keeps a member from its memory.
 */
final class BlockCache {
    /** Fits whose entries are kept; older fits' entries are dropped. */
    private static final int FITS = 3;
    private static final Map<Long, Map<Integer, SoftReference<Entry>>> FIT_ENTRIES = new LinkedHashMap<>();

    private BlockCache() {
    }

    /** One block's state for one fit; each array is never written after it is published. */
    static final class Entry {
        final int rows;
        final char[][] bins;
        /** Trees folded into {@link #margin}. */
        final int trees;
        final double[] margin;
        /** The tree index, and scales, of {@link #g} and {@link #h}; −1 when not computed. */
        final int ghTree;
        final double scaleG;
        final double scaleH;
        final long[] g;
        final long[] h;

        Entry(int rows, char[][] bins, int trees, double[] margin, int ghTree, double scaleG, double scaleH, long[] g,
              long[] h) {
            this.rows = rows;
            this.bins = bins;
            this.trees = trees;
            this.margin = margin;
            this.ghTree = ghTree;
            this.scaleG = scaleG;
            this.scaleH = scaleH;
            this.g = g;
            this.h = h;
        }
    }

    private static Map<Integer, SoftReference<Entry>> of(long fit) {
        synchronized (FIT_ENTRIES) {
            Map<Integer, SoftReference<Entry>> m = FIT_ENTRIES.get(fit);
            if (m == null) {
                m = new ConcurrentHashMap<>();
                FIT_ENTRIES.put(fit, m);
                Iterator<Long> it = FIT_ENTRIES.keySet().iterator();
                while (FIT_ENTRIES.size() > FITS && it.hasNext()) {
                    it.next();
                    it.remove();
                }
            }
            return m;
        }
    }

    /** The entry of a block in a fit, or null. */
    static Entry get(long fit, int block) {
        SoftReference<Entry> r = of(fit).get(block);
        return r == null ? null : r.get();
    }

    /** Stores a block's entry (replacing the older one). */
    static void put(long fit, int block, Entry e) {
        of(fit).put(block, new SoftReference<>(e));
    }
}
