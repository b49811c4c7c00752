package io.gridlearn.logistic;

import io.gridlearn.data.RowBlock;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The column path of {@link BinaryKernel} (clean blocks) agrees with the row path: counts and the
 * log-likelihood exactly (same operations in the same order), gradient and Hessian to rounding (they are
 * summed in vector lanes instead of row order).
 */
class BinaryKernelPathsTest {
    @Test
    void columnPathAgreesWithRowPath() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 1001;
        int p = 6;
        int q = p + 1;
        double[] v = new double[n * q];
        for (int j = 0; j < p; j++) {
            for (int r = 0; r < n; r++) {
                v[j * n + r] = rnd.nextGaussian() * (j + 1) + j;
            }
        }
        for (int r = 0; r < n; r++) {
            v[p * n + r] = rnd.nextDouble() < 0.4 ? 1 : 0;
        }
        int[] features = {0, 1, 2, 3, 4, 5};
        double[] center = {0, 1, 2, 3, 4, 5};
        double[] scale = {1, 2, 3, 4, 5, 6};
        double[] theta = {-0.3, 0.5, -0.25, 0.1, 0.05, -0.2, 0.3};
        BinaryKernel kernel = new BinaryKernel(features, p, center, scale, theta, true);
        RowBlock b = new RowBlock(0, n, q, v);
        double[] columns = new double[kernel.width()];
        double[] rows = new double[kernel.width()];
        kernel.accumulate(b, 0, columns);
        kernel.accumulateRows(b, rows);
        for (int i = 0; i < BinaryKernel.HEAD; i++) {
            assertEquals(rows[i], columns[i], "head slot " + i);
        }
        assertEquals(n, columns[0]);
        double scaleOfSlots = 0;
        for (int i = BinaryKernel.HEAD; i < rows.length; i++) {
            scaleOfSlots = Math.max(scaleOfSlots, Math.abs(rows[i]));
        }
        for (int i = BinaryKernel.HEAD; i < rows.length; i++) {
            assertTrue(Math.abs(rows[i] - columns[i]) <= 1e-12 * scaleOfSlots,
                    "slot " + i + ": " + rows[i] + " vs " + columns[i]);
        }
    }
}
