package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the TSQR kernels: correctness against the exact Gram matrix, tree independence, determinism. */
class BlockQrTest {
    private static final int Q = 6;

    /** Well-conditioned random columns with very different scales (column scaling does not hurt QR). */
    private static double[][] randomColumns(int n, long seed) {
        Random rnd = new Random(seed);
        double[] scales = {1.0, 1e3, 1e-4, 7.5, 1e6, 0.02};
        double[][] cols = new double[Q][n];
        for (int j = 0; j < Q; j++) {
            for (int i = 0; i < n; i++) {
                cols[j][i] = scales[j] * (rnd.nextGaussian() + (j == 0 ? 3.0 : 0.0));
            }
        }
        return cols;
    }

    private static double[] colMajor(double[][] cols) {
        int n = cols[0].length;
        double[] a = new double[n * cols.length];
        for (int j = 0; j < cols.length; j++) {
            System.arraycopy(cols[j], 0, a, j * n, n);
        }
        return a;
    }

    /** Splits into consecutive blocks of the given sizes (cycled). */
    private static List<double[]> split(double[][] cols, int[] sizes) {
        int n = cols[0].length;
        List<double[]> blocks = new ArrayList<>();
        int start = 0;
        for (int b = 0; start < n; b++) {
            int rows = Math.min(sizes[b % sizes.length], n - start);
            double[] blk = new double[rows * cols.length];
            for (int j = 0; j < cols.length; j++) {
                System.arraycopy(cols[j], start, blk, j * rows, rows);
            }
            blocks.add(blk);
            start += rows;
        }
        return blocks;
    }

    private static double[] columnNorms(double[][] cols) {
        double[] norms = new double[cols.length];
        for (int j = 0; j < cols.length; j++) {
            norms[j] = Householder.norm2(cols[j], 0, cols[j].length, 1);
        }
        return norms;
    }

    private static void assertSameR(double[] expected, double[] actual, double[] colNorms, double tol, String what) {
        for (int i = 0; i < Q; i++) {
            for (int k = 0; k < Q; k++) {
                double e = Math.abs(expected[i * Q + k] - actual[i * Q + k]);
                int fi = i;
                int fk = k;
                assertTrue(e <= tol * colNorms[k], () -> what + ": R(" + fi + "," + fk + ") differs by " + e
                        + " (column norm " + colNorms[fk] + ")");
            }
        }
    }

    @Test
    void factorReproducesTheExactGramMatrix() {
        double[][] cols = randomColumns(300, 1);
        double[] r = BlockQr.factor(colMajor(cols), 300, Q);
        double[] norms = columnNorms(cols);
        for (int j = 0; j < Q; j++) {
            assertTrue(r[j * Q + j] >= 0.0, "non-negative diagonal");
            for (int i = j + 1; i < Q; i++) {
                assertEquals(0.0, r[i * Q + j], 0.0, "strictly lower part is zero");
            }
            for (int k = j; k < Q; k++) {
                BigDecimal exact = BigDecimal.ZERO;
                for (int i = 0; i < 300; i++) {
                    exact = exact.add(new BigDecimal(cols[j][i]).multiply(new BigDecimal(cols[k][i])));
                }
                double rtr = 0.0;
                for (int m = 0; m <= j; m++) {
                    rtr += r[m * Q + j] * r[m * Q + k];
                }
                double err = Math.abs(rtr - exact.doubleValue());
                // Householder backward error: |Z'Z - R'R|_jk <~ c n u ||z_j|| ||z_k||
                assertTrue(err <= 1e-13 * norms[j] * norms[k], "R'R = Z'Z at (" + j + "," + k + "), error " + err);
            }
        }
    }

    @Test
    void anyReductionTreeGivesTheSingleBlockFactor() {
        int n = 257;
        double[][] cols = randomColumns(n, 2);
        double[] norms = columnNorms(cols);
        double[] single = BlockQr.factor(colMajor(cols), n, Q);
        // block sizes include blocks with fewer rows than columns (padded with zero rows)
        List<double[]> blocks = split(cols, new int[] {17, 3, 64, 1, 40, 5});
        List<double[]> rs = new ArrayList<>();
        for (double[] b : blocks) {
            rs.add(BlockQr.factor(b, b.length / Q, Q));
        }
        assertSameR(single, SolverTestData.tsqrFold(blocks, Q), norms, 1e-13, "left fold");
        assertSameR(single, SolverTestData.tsqrTree(blocks, Q), norms, 1e-13, "balanced tree");
        double[] right = rs.get(rs.size() - 1);
        for (int i = rs.size() - 2; i >= 0; i--) {
            right = BlockQr.merge(rs.get(i), right, Q);
        }
        assertSameR(single, right, norms, 1e-13, "right fold");
        Random rnd = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            List<double[]> pool = new ArrayList<>(rs);
            while (pool.size() > 1) {
                double[] a = pool.remove(rnd.nextInt(pool.size()));
                double[] b = pool.remove(rnd.nextInt(pool.size()));
                pool.add(rnd.nextBoolean() ? BlockQr.merge(a, b, Q) : BlockQr.merge(b, a, Q));
            }
            assertSameR(single, pool.get(0), norms, 1e-13, "random tree " + trial);
        }
    }

    @Test
    void shortBlocksArePaddedWithZeroRows() {
        double[][] cols = randomColumns(2, 4);
        double[] r = BlockQr.factor(colMajor(cols), 2, Q);
        double[] norms = columnNorms(cols);
        for (int i = 2; i < Q; i++) {
            for (int k = 0; k < Q; k++) {
                assertTrue(Math.abs(r[i * Q + k]) <= 1e-15 * norms[k], "row " + i + " past the rank is rounding noise");
            }
        }
        double[] empty = BlockQr.factor(new double[0], 0, Q);
        assertArrayEquals(new double[Q * Q], empty, 0.0);
        double[][] more = randomColumns(50, 5);
        double[] rm = BlockQr.factor(colMajor(more), 50, Q);
        assertArrayEquals(rm, BlockQr.merge(rm, empty, Q), 0.0, "merging an empty block changes nothing");
    }

    /**
     * A block with fewer rows than columns whose leading columns are dependent inside the block (a zero column, a
     * column equal to a multiple of the ones column: common in small blocks of real data) still keeps every row:
     * R'R = Z'Z. Stopping after as many reflections as rows lost the later columns' rows (seen on Boston in blocks
     * of 5 rows).
     */
    @Test
    void shortBlocksWithDependentLeadingColumnsKeepEveryRow() {
        int n = 3;
        double[][] cols = randomColumns(n, 6);
        java.util.Arrays.fill(cols[0], 1.0); // intercept
        java.util.Arrays.fill(cols[1], 0.0); // a dummy that is 0 in this block
        java.util.Arrays.fill(cols[2], 24.0); // constant in this block
        double[] r = BlockQr.factor(colMajor(cols), n, Q);
        double[] norms = columnNorms(cols);
        for (int j = 0; j < Q; j++) {
            for (int k = j; k < Q; k++) {
                double ztz = 0.0;
                for (int i = 0; i < n; i++) {
                    ztz += cols[j][i] * cols[k][i];
                }
                double rtr = 0.0;
                for (int m = 0; m <= j; m++) {
                    rtr += r[m * Q + j] * r[m * Q + k];
                }
                assertTrue(Math.abs(rtr - ztz) <= 1e-13 * Math.max(norms[j] * norms[k], 1e-300),
                        "R'R = Z'Z at (" + j + "," + k + "): " + rtr + " vs " + ztz);
            }
        }
    }

    @Test
    void deterministicAndInputsUntouched() throws Exception {
        double[][] cols = randomColumns(200, 6);
        List<double[]> blocks = split(cols, new int[] {31, 7, 50});
        List<double[]> copies = new ArrayList<>();
        for (double[] b : blocks) {
            copies.add(b.clone());
        }
        double[] r1 = SolverTestData.tsqrTree(blocks, Q);
        // the leaves factored on several threads, submitted in shuffled orders, arriving in whatever order the
        // threads finish: the tree over the block ids gives the same bits
        for (int trial = 0; trial < 10; trial++) {
            assertBitIdentical(r1, concurrentTree(blocks, 1 + trial % 4, trial));
        }
        for (int i = 0; i < blocks.size(); i++) {
            assertBitIdentical(copies.get(i), blocks.get(i));
        }
        double[] a = BlockQr.factor(blocks.get(0), 31, Q);
        double[] b = BlockQr.factor(blocks.get(1), 7, Q);
        double[] aCopy = a.clone();
        double[] bCopy = b.clone();
        BlockQr.merge(a, b, Q);
        assertBitIdentical(aCopy, a);
        assertBitIdentical(bCopy, b);
    }

    /** tsqrTree with each block's R computed on a pool of {@code threads}, the blocks submitted in a shuffled order. */
    private static double[] concurrentTree(List<double[]> blocks, int threads, long seed) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            order.add(b);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        java.util.concurrent.ConcurrentSkipListMap<Integer, double[]> byBlock = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int b : order) {
                double[] blk = blocks.get(b);
                done.add(pool.submit(() -> byBlock.put(b, BlockQr.factor(blk, blk.length / Q, Q))));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return RFactors.mergeInOrder(byBlock, Q);
    }

    static void assertBitIdentical(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    "bit difference at " + i);
        }
    }

    @Test
    void extremeScalesNeitherOverflowNorUnderflow() {
        double[][] cols = randomColumns(100, 7);
        for (int i = 0; i < 100; i++) {
            cols[1][i] *= 1e300; // squares overflow
            cols[2][i] *= 1e-300; // squares underflow
        }
        double[] r = BlockQr.factor(colMajor(cols), 100, Q);
        double[] norms = columnNorms(cols);
        for (int k = 0; k < Q; k++) {
            double colNorm = Householder.norm2(r, k, k + 1, Q);
            assertTrue(Double.isFinite(colNorm) && colNorm > 0);
            // ||R e_k|| = ||Z e_k|| because Q is orthogonal
            assertEquals(1.0, colNorm / norms[k], 1e-14, "column " + k);
        }
    }

    @Test
    void rejectsNonFiniteValues() {
        double[] a = colMajor(randomColumns(10, 8));
        a[23] = Double.NaN;
        BadInputException e = assertThrows(BadInputException.class, () -> BlockQr.factor(a, 10, Q));
        assertTrue(e.getMessage().contains("row 3, column 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlockQr.factor(a, 9, Q));
    }
}
