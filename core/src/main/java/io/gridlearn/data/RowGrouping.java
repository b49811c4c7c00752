package io.gridlearn.data;

import io.gridlearn.OptionException;

/**
 * Deterministic assignment of rows to a held-out test set and to cross-validation folds, from a hash of
 * the row id and a seed. Row ids do not depend on where blocks live, so the split is the same on any
 * cluster and in every pass.
 *
 * <p>Groups are numbered {@code 0 … folds−1} for the training folds (one group when {@code folds ≤ 1}),
 * then one test group when {@code testFraction > 0}.
 *
 * @param testFraction share of rows held out for testing, in [0, 1)
 * @param folds        cross-validation folds of the remaining rows (0 or 1: none; else 2 to 100)
 * @param seed         the split's seed
 */
public record RowGrouping(double testFraction, int folds, long seed) {
    /** No test set and no folds: every row in group 0. */
    public static final RowGrouping NONE = new RowGrouping(0, 0, 0);

    /**
     * Validates the split.
     *
     * @param testFraction share of rows held out for testing, in [0, 1)
     * @param folds        cross-validation folds (0 or 1: none; else 2 to 100)
     * @param seed         the split's seed
     * @throws io.gridlearn.OptionException if {@code testFraction} or {@code folds} is out of range
     */
    public RowGrouping {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw OptionException.worded("{testFraction} must be in [0, 1), was " + testFraction);
        }
        if (folds < 0 || folds > 100) {
            throw OptionException.worded("{folds} must be between 2 and 100 (or 0 for none), was " + folds);
        }
    }

    /**
     * The number of training groups.
     *
     * @return {@code max(folds, 1)}
     */
    public int trainGroups() {
        return Math.max(folds, 1);
    }

    /**
     * The number of groups.
     *
     * @return {@link #trainGroups()}, plus 1 when {@link #hasTest()}
     */
    public int groups() {
        return trainGroups() + (hasTest() ? 1 : 0);
    }

    /**
     * Whether rows are held out for testing.
     *
     * @return true when {@code testFraction > 0}
     */
    public boolean hasTest() {
        return testFraction > 0;
    }

    /**
     * The test group's index (meaningful when {@link #hasTest()}).
     *
     * @return {@link #trainGroups()}, the last group
     */
    public int testGroup() {
        return trainGroups();
    }

    /**
     * The group of a row.
     *
     * @param rowId the row's id ({@code blockId × blockSize + r})
     * @return the test group when the row falls in the test share; else its fold, in {@code [0, trainGroups())}
     */
    public int group(long rowId) {
        if (hasTest() && unit(rowId, seed) < testFraction) {
            return testGroup();
        }
        if (folds > 1) {
            return (int) (unit(rowId, seed ^ 0x5DEE_CE66_DL) * folds);
        }
        return 0;
    }

    /** A uniform number in [0, 1) from a row id and seed (SplitMix64 finaliser; 53 random bits). */
    static double unit(long rowId, long seed) {
        long z = rowId * 0x9E37_79B9_7F4A_7C15L + seed;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
