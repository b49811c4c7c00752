package io.gridlearn.benchmarks;

import io.gridlearn.linear.BlockQr;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
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

import java.util.concurrent.TimeUnit;

/**
 * The per-block R factor of the QR solver, on one 4096 × 52 block (intercept, 50 features, target):
 * gridlearn's {@link BlockQr#factor} against EJML's Householder QR (the library core already depends on)
 * on the same matrix, both returning the 52 × 52 R. The Gram kernel on a 4096 × 51 block
 * ({@link GramKernelBench}) is the cost the Cholesky solver pays instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BlockQrBench {
    static final int ROWS = 4096;
    static final int COLS = 52;

    private double[] colMajor;
    private DMatrixRMaj rowMajor;

    /** Builds the benchmark's block from the fixed seed. */
    @Setup
    public void setup() {
        colMajor = BenchData.columnMajor(ROWS, COLS, BenchData.SEED);
        java.util.Arrays.fill(colMajor, 0, ROWS, 1.0); // the intercept column
        rowMajor = new DMatrixRMaj(ROWS, COLS);
        rowMajor.setData(BenchData.toRowMajor(colMajor, ROWS, COLS));
    }

    /**
     * gridlearn's per-block R factor, on the Vector API lanes when the JVM has them.
     *
     * @return the packed R factor
     */
    @Benchmark
    public double[] gridlearnBlockQrFactor() {
        return BlockQr.factor(colMajor, ROWS, COLS);
    }

    /**
     * The same with the Vector API switched off: the plain-Java lanes (same bits, the fallback's speed).
     *
     * @return the packed R factor
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dgridlearn.simd=false"})
    public double[] gridlearnBlockQrFactorScalarLanes() {
        return BlockQr.factor(colMajor, ROWS, COLS);
    }

    /**
     * EJML's Householder QR of the same matrix, row-major (a copy per call, since it decomposes in place).
     *
     * @return the R factor
     */
    @Benchmark
    public DMatrixRMaj ejmlHouseholderQr() {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(ROWS, COLS);
        qr.decompose(rowMajor.copy());
        return qr.getR(null, true);
    }
}
