package io.gridlearn.data;

import java.util.List;

/**
 * A 64-bit content hash of a dataset: its block size, then every value's bits block by block (column-major
 * inside a block), each mixed through SplitMix64's finaliser. Equal data loaded with equal block sizes gets
 * an equal fingerprint; it identifies the training data in a model's provenance. Not cryptographic.
 * Appends, removals and replacements continue the hash from the previous fingerprint, so it identifies the
 * content by its history: the same load and the same changes give the same fingerprint.
 */
final class Fingerprint {
    private long h = 0x243F_6A88_85A3_08D3L;

    Fingerprint() {
    }

    /** Continues a dataset's fingerprint with appended blocks: the same appends give the same fingerprint. */
    static Fingerprint continuing(String hex) {
        Fingerprint f = new Fingerprint();
        f.h = Long.parseUnsignedLong(hex, 16);
        return f;
    }

    void add(RowBlock block) {
        long x = h ^ mix(block.blockId() * 0x9E37_79B9_7F4A_7C15L + block.rows());
        for (double v : block.values()) {
            x = Long.rotateLeft(x ^ mix(Double.doubleToLongBits(v)), 23) * 0x9E37_79B9_7F4A_7C15L;
        }
        h = x;
    }

    /**
     * A block's own 64-bit digest: its id, row count and every value's bits, independent of any other block.
     * Used where blocks are built on several members at once ({@code io.gridlearn.data.hostmap}): each member
     * digests the blocks it writes and only the digests travel to the caller, which chains them in block-id
     * order with {@link #addDigest}.
     */
    static long digest(RowBlock block) {
        Fingerprint f = new Fingerprint();
        f.add(block);
        return f.h;
    }

    /** Chains a block's {@link #digest}: the same digests in the same order give the same fingerprint. */
    void addDigest(long digest) {
        h = Long.rotateLeft(h ^ mix(digest), 31) * 0x9E37_79B9_7F4A_7C15L;
    }

    /**
     * Continues the fingerprint with the removal of blocks: the previous fingerprint already identifies every
     * block's content, so the removed ids (a tag, then each range) identify what remains. A replacement is a
     * removal followed by {@link #add} of the new blocks.
     */
    void remove(BlockIds removed) {
        long x = Long.rotateLeft(h ^ mix(0x5245_4D4F_5645L), 29) * 0x9E37_79B9_7F4A_7C15L; // "REMOVE"
        int[] b = removed.bounds();
        for (int i = 0; i < b.length; i += 2) {
            x = Long.rotateLeft(x ^ mix(((long) b[i] << 32) | (b[i + 1] & 0xFFFF_FFFFL)), 23) * 0x9E37_79B9_7F4A_7C15L;
        }
        h = x;
    }

    String hex(List<ColumnSpec> columns) {
        long x = h;
        for (ColumnSpec c : columns) {
            x = Long.rotateLeft(x ^ mix(c.name().hashCode() * 31L + c.kind().ordinal()), 17) * 0xBF58_476D_1CE4_E5B9L;
            for (String level : c.levels()) {
                x = Long.rotateLeft(x ^ mix(level.hashCode()), 13) * 0x94D0_49BB_1331_11EBL;
            }
        }
        return String.format("%016x", mix(x));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
