package io.gridlearn.kmeans;

/**
 * Deterministic per-row pseudo-random numbers: a SplitMix64 finaliser (Steele, Lea &amp; Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014) of (row id, seed, salt). Sampling decisions are a
 * function of these three values only, never of a member-local random stream, so every cluster layout and
 * every block size selects the same rows.
 */
final class RowHash {
    private RowHash() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of (row id, seed, salt); salt separates independent uses (init, k-means‖ rounds). */
    static long hash(long rowId, long seed, long salt) {
        return mix(rowId + mix(seed + mix(salt + 0x9E3779B97F4A7C15L)));
    }

    /** A uniform value in [0, 1) with 53 random bits. */
    static double uniform(long rowId, long seed, long salt) {
        return (hash(rowId, seed, salt) >>> 11) * 0x1.0p-53;
    }
}
