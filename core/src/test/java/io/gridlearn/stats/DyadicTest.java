package io.gridlearn.stats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void momentsAgreeWithBigDecimalEvenForAHugeMeanAndTinySpread() {
        SplittableRandom rnd = new SplittableRandom(4);
        int q = 3;
        MomentMatrix m = new MomentMatrix(q);
        ShiftedBlockMoments k = new ShiftedBlockMoments(q);
        int rows = 333;
        int[] cols = {0, 1, 2};
        for (int b = 0; b < 5; b++) {
            double[] v = new double[rows * q];
            for (int r = 0; r < rows; r++) {
                v[r] = 1e9 + rnd.nextGaussian() * 1e-3;
                v[rows + r] = rnd.nextGaussian();
                v[2 * rows + r] = -3e5 + 7 * v[rows + r] + rnd.nextGaussian();
            }
            k.compute(v, rows, cols, null, rows);
            k.addTo(m, rows);
        }
        BigDecimal n = BigDecimal.valueOf(m.count());
        for (int j = 0; j < q; j++) {
            assertEquals(m.sumExact(j).divide(n, WIDE).doubleValue(), m.mean(j), "mean " + j);
            for (int c = 0; c <= j; c++) {
                BigDecimal num = n.multiply(m.crossExact(j, c)).subtract(m.sumExact(j).multiply(m.sumExact(c)));
                assertEquals(num.divide(n, WIDE).doubleValue(), m.centred(j, c), "centred " + j + "," + c);
            }
        }
        double[] v = {-0.5, 7.25, 1};
        double cc = 3e5;
        BigDecimal acc = BigDecimal.ZERO;
        for (int j = 0; j < q; j++) {
            for (int c = 0; c < q; c++) {
                acc = acc.add(new BigDecimal(v[j]).multiply(new BigDecimal(v[c])).multiply(m.crossExact(j, c)));
            }
            acc = acc.add(BigDecimal.valueOf(2).multiply(new BigDecimal(cc)).multiply(new BigDecimal(v[j]))
                    .multiply(m.sumExact(j)));
        }
        acc = acc.add(n.multiply(new BigDecimal(cc)).multiply(new BigDecimal(cc)));
        assertEquals(acc.doubleValue(), m.sumOfSquares(v, cc));
    }
}
