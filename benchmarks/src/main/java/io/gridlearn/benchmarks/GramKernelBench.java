package io.gridlearn.benchmarks;

import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.stats.ShiftedBlockMoments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The per-block Gram kernel of every linear pass, on one 4096 × 51 block (50 features and the target):
 * gridlearn's {@link ShiftedBlockMoments#compute} (column-major, centred, dot products in 4×4 tiles of vector lanes)
 * against the triple loop most code would write over a row-major array. Both compute the lower triangle
 * of Z'Z; the kernel additionally centres the columns and computes the column sums. A third benchmark adds
 * the block to an exact {@link MomentMatrix}, which is the full per-block cost inside
 * {@code LinearPassAggregator.accumulate}. (The 2×4 tiling was first measured here as a prototype, 1.19× the
 * earlier 1×4 kernel with bit-identical results, and then became the kernel.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GramKernelBench {
    static final int ROWS = 4096;
    static final int COLS = 51;

    private double[] colMajor;
    private double[] rowMajor;
    private int[] columns;
    private ShiftedBlockMoments kernel;
    private double[][] g;

    /** Builds the benchmark's block from the fixed seed. */
    @Setup
    public void setup() {
        colMajor = BenchData.columnMajor(ROWS, COLS, BenchData.SEED);
        rowMajor = BenchData.toRowMajor(colMajor, ROWS, COLS);
        columns = new int[COLS];
        for (int j = 0; j < COLS; j++) {
            columns[j] = j;
        }
        kernel = new ShiftedBlockMoments(COLS);
        g = new double[COLS][COLS];
    }

    /**
     * gridlearn's shifted Gram kernel, on the Vector API lanes when the JVM has them.
     *
     * @return the packed shifted cross products
     */
    @Benchmark
    public double[] gridlearnKernel() {
        kernel.compute(colMajor, ROWS, columns, null, ROWS);
        return kernel.shiftedCross();
    }

    /**
     * The same kernel with the Vector API switched off: the plain-Java lanes (same bits, the fallback's speed).
     *
     * @return the packed shifted cross products
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dgridlearn.simd=false"})
    public double[] gridlearnKernelScalarLanes() {
        kernel.compute(colMajor, ROWS, columns, null, ROWS);
        return kernel.shiftedCross();
    }

    /**
     * {@code for r, for j, for k <= j: g[j][k] += x[r][j] * x[r][k]} over one row-major array.
     *
     * @return the lower triangle of the Gram matrix
     */
    @Benchmark
    public double[][] naiveTripleLoop() {
        double[][] gram = g;
        double[] x = rowMajor;
        for (double[] row : gram) {
            Arrays.fill(row, 0);
        }
        for (int r = 0; r < ROWS; r++) {
            int base = r * COLS;
            for (int j = 0; j < COLS; j++) {
                double xj = x[base + j];
                for (int k = 0; k <= j; k++) {
                    gram[j][k] += xj * x[base + k];
                }
            }
        }
        return gram;
    }

    /**
     * The kernel plus the exact merge into a fresh moment matrix: all a linear pass does per block.
     *
     * @return the moment matrix
     */
    @Benchmark
    public MomentMatrix gridlearnKernelPlusExactMerge() {
        kernel.compute(colMajor, ROWS, columns, null, ROWS);
        MomentMatrix m = new MomentMatrix(COLS);
        kernel.addTo(m, ROWS);
        return m;
    }
}
