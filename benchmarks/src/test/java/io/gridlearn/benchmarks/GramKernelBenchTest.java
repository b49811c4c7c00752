package io.gridlearn.benchmarks;

import io.gridlearn.stats.MomentMatrix;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JMH benchmark compares gridlearn's Gram kernel with a plain triple loop; this checks, on the benchmark's
 * own block (its {@code @Setup}, fixed seed), that they compute the same thing: the kernel plus its exact merge
 * gives every cross product Σ x_j x_k to 1e-14 (relative to sqrt(Σ x_j² Σ x_k²)) of an exact {@code BigDecimal} sum, and the naive loop is within
 * its rounding (1e-12) of the same sum. A benchmark that timed a wrong result would fail here.
 */
class GramKernelBenchTest {
    @Test
    void kernelAndNaiveLoopComputeTheSameCrossProductsAsAnExactSum() {
        GramKernelBench bench = new GramKernelBench();
        bench.setup();
        MomentMatrix m = bench.gridlearnKernelPlusExactMerge();
        double[][] naive = bench.naiveTripleLoop();
        double[] x = BenchData.columnMajor(GramKernelBench.ROWS, GramKernelBench.COLS, BenchData.SEED);
        int n = GramKernelBench.ROWS;
        assertEquals(n, m.count());
        double worstKernel = 0;
        double worstNaive = 0;
        for (int j = 0; j < GramKernelBench.COLS; j++) {
            for (int k = 0; k <= j; k++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int r = 0; r < n; r++) {
                    s = s.add(new BigDecimal(x[j * n + r]).multiply(new BigDecimal(x[k * n + r])));
                }
                double exact = s.round(MathContext.DECIMAL128).doubleValue();
                // relative to sqrt(Σx_j² Σx_k²) >= |Σ x_j x_k|: an off-diagonal sum near zero is not a huge relative error
                double scale = Math.sqrt(naive[j][j] * naive[k][k]);
                worstKernel = Math.max(worstKernel, Math.abs(m.raw(j, k) - exact) / scale);
                worstNaive = Math.max(worstNaive, Math.abs(naive[j][k] - exact) / scale);
            }
        }
        System.out.printf("Gram kernel vs exact: %.1e; naive loop vs exact: %.1e%n", worstKernel, worstNaive);
        assertTrue(worstKernel <= 1e-14, "kernel + exact merge off by " + worstKernel);
        assertTrue(worstNaive <= 1e-12, "naive loop off by " + worstNaive);
    }
}
