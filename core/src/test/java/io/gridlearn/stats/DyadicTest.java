package io.gridlearn.stats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binary exact arithmetic against BigDecimal: centring, quadratic forms and rounding give the same doubles. */
class DyadicTest {
    private static final MathContext WIDE = new MathContext(400);

    @Test
    void doublesRoundTripAndQuotientsRoundOnce() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            double x = rnd.nextGaussian() * Math.pow(2, rnd.nextInt(-1000, 1000));
            assertEquals(x, Dyadic.of(x).toDouble());
            long n = 1 + rnd.nextInt(1_000_000);
            double expected = new BigDecimal(x).divide(BigDecimal.valueOf(n), WIDE).doubleValue();
            assertEquals(expected, Dyadic.of(x).divideToDouble(n), "x=" + x + ", n=" + n);
        }
        assertEquals(Double.MIN_VALUE, Dyadic.of(Double.MIN_VALUE).toDouble());
        assertEquals(-0.0 + 0.0, Dyadic.of(-0.0).toDouble());
    }

    /** Column-major blocks of {@code rows} × 3: a column of mean 1e9 and tiny spread, a standard one, a dependent one. */
    private static List<double[]> blocks(SplittableRandom rnd, int rows, boolean lattice) {
        List<double[]> blocks = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            double[] v = new double[rows * 3];
            for (int r = 0; r < rows; r++) {
                if (lattice) {
                    // multiples of 2^-10 (spread ~ 1e-3 around 1e9) and of 2^-8: every shifted sum and product a
                    // block computes in floating point is then exact, so the held moments are exactly Σ z and Σ z z'
                    v[r] = 1e9 + rnd.nextInt(-8, 9) / 1024.0;
                    v[rows + r] = rnd.nextInt(-256, 257) / 256.0;
                    v[2 * rows + r] = -3e5 + 7 * v[rows + r] + rnd.nextInt(-64, 65) / 64.0;
                } else {
                    v[r] = 1e9 + rnd.nextGaussian() * 1e-3;
                    v[rows + r] = rnd.nextGaussian();
                    v[2 * rows + r] = -3e5 + 7 * v[rows + r] + rnd.nextGaussian();
                }
            }
            blocks.add(v);
        }
        return blocks;
    }

    private static MomentMatrix moments(List<double[]> blocks, int rows) {
        MomentMatrix m = new MomentMatrix(3);
        ShiftedBlockMoments k = new ShiftedBlockMoments(3);
        for (double[] v : blocks) {
            k.compute(v.clone(), rows, new int[] {0, 1, 2}, null, rows);
            k.addTo(m, rows);
        }
        return m;
    }

    /** Σ z_j (index q) and Σ z_j z_c of the raw doubles in BigDecimal: the reference, nothing taken from the moments. */
    private static BigDecimal[][] exactSums(List<double[]> blocks, int rows, int q) {
        BigDecimal[][] s = new BigDecimal[q][q + 1];
        for (BigDecimal[] row : s) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        for (double[] v : blocks) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < q; j++) {
                    BigDecimal xj = new BigDecimal(v[j * rows + r]);
                    s[j][q] = s[j][q].add(xj);
                    for (int c = 0; c < q; c++) {
                        s[j][c] = s[j][c].add(xj.multiply(new BigDecimal(v[c * rows + r])));
                    }
                }
            }
        }
        return s;
    }

    /** Σ_i (v·z_i + cc)², row by row in BigDecimal. */
    private static BigDecimal exactSumOfSquares(List<double[]> blocks, int rows, double[] v, double cc) {
        BigDecimal acc = BigDecimal.ZERO;
        for (double[] b : blocks) {
            for (int r = 0; r < rows; r++) {
                BigDecimal e = new BigDecimal(cc);
                for (int j = 0; j < v.length; j++) {
                    e = e.add(new BigDecimal(v[j]).multiply(new BigDecimal(b[j * rows + r])));
                }
                acc = acc.add(e.multiply(e));
            }
        }
        return acc;
    }

    @Test
    void momentsAgreeWithBigDecimalEvenForAHugeMeanAndTinySpread() {
        int q = 3;
        int rows = 256; // a power of two: each block's shift (its rounded mean) is then exact as well
        List<double[]> blocks = blocks(new SplittableRandom(4), rows, true);
        MomentMatrix m = moments(blocks, rows);
        BigDecimal[][] s = exactSums(blocks, rows, q);
        assertEquals(5L * rows, m.count());
        BigDecimal n = BigDecimal.valueOf(m.count());
        for (int j = 0; j < q; j++) {
            assertEquals(0, s[j][q].compareTo(m.sumExact(j)), "exact sum " + j);
            assertEquals(s[j][q].divide(n, WIDE).doubleValue(), m.mean(j), "mean " + j);
            for (int c = 0; c <= j; c++) {
                assertEquals(0, s[j][c].compareTo(m.crossExact(j, c)), "exact cross " + j + "," + c);
                assertEquals(s[j][c].doubleValue(), m.raw(j, c), "raw " + j + "," + c);
                BigDecimal num = n.multiply(s[j][c]).subtract(s[j][q].multiply(s[c][q]));
                assertEquals(num.divide(n, WIDE).doubleValue(), m.centred(j, c), "centred " + j + "," + c);
            }
        }
        double[] v = {-0.5, 7.25, 1};
        double cc = 3e5;
        assertEquals(exactSumOfSquares(blocks, rows, v, cc).doubleValue(), m.sumOfSquares(v, cc));
    }

    /**
     * Gaussian values are not exact in the blocks' shifted floating sums (the documented rounding of
     * {@link MomentMatrix}: relative to each block's spread, not its magnitude), so against the independent
     * BigDecimal reference the centred moments agree to a few ulps of the spread, not bit for bit.
     */
    @Test
    void gaussianMomentsAgreeWithBigDecimalToTheRoundingOfTheShiftedSums() {
        int q = 3;
        int rows = 333;
        List<double[]> blocks = blocks(new SplittableRandom(4), rows, false);
        MomentMatrix m = moments(blocks, rows);
        BigDecimal[][] s = exactSums(blocks, rows, q);
        BigDecimal n = BigDecimal.valueOf(m.count());
        double[][] centred = new double[q][q];
        for (int j = 0; j < q; j++) {
            for (int c = 0; c < q; c++) {
                centred[j][c] = n.multiply(s[j][c]).subtract(s[j][q].multiply(s[c][q])).divide(n, WIDE).doubleValue();
            }
        }
        double worst = 0;
        for (int j = 0; j < q; j++) {
            double mean = s[j][q].divide(n, WIDE).doubleValue();
            double sd = Math.sqrt(centred[j][j] / m.count());
            assertTrue(Math.abs(m.mean(j) - mean) <= 1e-15 * (Math.abs(mean) + sd),
                    "mean " + j + ": " + m.mean(j) + " vs " + mean);
            for (int c = 0; c <= j; c++) {
                double scale = Math.sqrt(centred[j][j] * centred[c][c]);
                double e = Math.abs(m.centred(j, c) - centred[j][c]) / scale;
                worst = Math.max(worst, e);
                assertTrue(e <= 1e-13, "centred " + j + "," + c + ": " + m.centred(j, c) + " vs " + centred[j][c]);
            }
        }
        System.out.printf("Dyadic: gaussian centred moments vs BigDecimal, worst error / spread %.2e%n", worst);
    }
}
