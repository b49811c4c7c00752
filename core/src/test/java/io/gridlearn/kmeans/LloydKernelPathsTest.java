package io.gridlearn.kmeans;

import io.gridlearn.data.RowBlock;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The column path of {@link LloydKernel} (clean blocks) gives the row path's bits. */
class LloydKernelPathsTest {
    @Test
    void columnPathEqualsRowPathBitForBit() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 1000;
        int q = 7;
        double[] v = new double[n * q];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian() * 3 + (i / n);
        }
        int[] features = {0, 2, 3, 5, 6};
        int k = 6;
        double[] centres = new double[k * features.length];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = v[(i % features.length) * n + rnd.nextInt(n)];
        }
        // two identical centres: ties must go to the lower index on both paths
        System.arraycopy(centres, 0, centres, features.length, features.length);
        LloydKernel kernel = new LloydKernel(features, centres, k);
        RowBlock b = new RowBlock(3, n, q, v);
        double[] columns = new double[kernel.width()];
        double[] rows = new double[kernel.width()];
        kernel.accumulate(b, 3L * n, columns);
        kernel.accumulateRows(b, rows);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(Double.doubleToRawLongBits(rows[i]), Double.doubleToRawLongBits(columns[i]), "slot " + i);
        }
        assertEquals(0.0, columns[LloydKernel.nonFiniteSlot(k, features.length)], "no non-finite rows");
        assertEquals(0.0, columns[k * features.length + 1], "the duplicate centre gets no rows");
    }
}
