package io.gridlearn.tree;

/**
 * The random draws of the tree learners, all functions of (row id or node, tree, seed) so that they are the same on
 * any number of members and in any pass: the 64-bit hash, a uniform on [0, 1) from it, and the Fisher–Yates steps
 * that order the features (a forest node's candidates, a gbt tree's {@code colsample_bytree} share). Each use has
 * its own salt, so the draws of different uses are independent.
 */
final class Draws {
    private Draws() {
    }

    /** SplitMix64's finaliser (Steele, Lea &amp; Flood, OOPSLA 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of (a, b, seed), each step mixed, with a salt separating uses. */
    static long hash(long a, long b, long seed, long salt) {
        return mix(a + mix(b + mix(seed + mix(salt + 0x9E3779B97F4A7C15L))));
    }

    /** The top 53 bits of a hash as a uniform number on [0, 1). */
    static double uniform(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /**
     * An order of the features drawn by Fisher–Yates, one step at a time: step i swaps position i with a position
     * in [i, d) drawn from the stream of {@code state}, so the first m positions after m steps are a uniform draw of
     * m features without replacement.
     */
    static final class Shuffle {
        private final int[] order;
        private long state;
        private int done;

        /**
         * @param d     the number of features
         * @param state the stream's start, a hash of the draw's (tree, node, seed, salt)
         */
        Shuffle(int d, long state) {
            this.order = new int[d];
            for (int j = 0; j < d; j++) {
                order[j] = j;
            }
            this.state = state;
        }

        /**
         * @return whether a feature is left to draw
         */
        boolean hasNext() {
            return done < order.length;
        }

        /**
         * @return the next feature of the order
         */
        int next() {
            int i = done++;
            state += 0x9E3779B97F4A7C15L;
            int k = i + (int) Math.floorMod(mix(state), (long) (order.length - i));
            int tmp = order[i];
            order[i] = order[k];
            order[k] = tmp;
            return order[i];
        }
    }
}
