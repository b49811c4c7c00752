package io.gridlearn.stats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExactSumTest {

    /** Reference: BigDecimal sum of the same doubles, rounded once (BigDecimal.doubleValue rounds correctly). */
    private static double reference(List<Double> xs) {
        BigDecimal s = BigDecimal.ZERO;
        for (double x : xs) {
            s = s.add(new BigDecimal(x));
        }
        return s.doubleValue();
    }

    @Test
    void sumIsExactAndOrderIndependent() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            List<Double> xs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                double x = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
                xs.add(x);
                xs.add(-x * (1 + 1e-15)); // heavy cancellation
            }
            double expected = reference(xs);
            ExactSum a = new ExactSum();
            xs.forEach(a::add);
            Collections.shuffle(xs, rnd);
            ExactSum b = new ExactSum();
            ExactSum c = new ExactSum();
            for (int i = 0; i < xs.size(); i++) {
                (i % 3 == 0 ? b : c).add(xs.get(i));
            }
            b.add(c);
            assertEquals(expected, a.doubleValue(), 0.0);
            assertEquals(Double.doubleToLongBits(a.doubleValue()), Double.doubleToLongBits(b.doubleValue()));
            assertEquals(0, a.toBigDecimal().compareTo(b.toBigDecimal()));
        }
    }

    @Test
    void naiveSumFailsWhereExactSumDoesNot() {
        // 1e16 + 1 + (-1e16): a double sum returns 0, the exact sum 1
        ExactSum s = new ExactSum();
        s.add(1e16);
        s.add(1);
        s.add(-1e16);
        assertEquals(1.0, s.doubleValue(), 0.0);
        assertEquals(0.0, 1e16 + 1 + -1e16, 0.0);
    }

    @Test
    void extremesAndSubnormals() {
        ExactSum s = new ExactSum();
        s.add(Double.MAX_VALUE);
        s.add(Double.MIN_VALUE);
        s.add(-Double.MAX_VALUE);
        assertEquals(Double.MIN_VALUE, s.doubleValue(), 0.0);
        ExactSum big = new ExactSum();
        big.add(Double.MAX_VALUE);
        big.add(Double.MAX_VALUE);
        assertEquals(Double.POSITIVE_INFINITY, big.doubleValue(), 0.0);
        assertEquals(new BigDecimal(Double.MAX_VALUE).multiply(BigDecimal.valueOf(2)), big.toBigDecimal());
    }

    @Test
    void productsAreExact() {
        Random rnd = new Random(7);
        for (int i = 0; i < 1000; i++) {
            double a = rnd.nextGaussian() * 1e5;
            double b = rnd.nextGaussian() * 1e-3;
            double c = rnd.nextInt(5000);
            ExactSum s = new ExactSum();
            s.addProduct(a, b, c);
            BigDecimal expected = new BigDecimal(a).multiply(new BigDecimal(b)).multiply(new BigDecimal(c));
            assertEquals(0, expected.compareTo(s.toBigDecimal()), "a*b*c exactly");
            ExactSum t = new ExactSum();
            t.addProduct(a, b);
            assertEquals(0, new BigDecimal(a).multiply(new BigDecimal(b)).compareTo(t.toBigDecimal()));
        }
    }

    @Test
    void nonFiniteFollowsIeee() {
        ExactSum s = new ExactSum();
        s.add(1);
        s.add(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, s.doubleValue(), 0.0);
        s.add(Double.NEGATIVE_INFINITY);
        assertTrue(Double.isNaN(s.doubleValue()));
        ExactSum n = new ExactSum();
        n.add(Double.NaN);
        assertTrue(Double.isNaN(n.doubleValue()));
        assertTrue(n.isNonFinite());
    }

    @Test
    void millionsOfAdditionsStayExact() {
        ExactSum s = new ExactSum();
        double x = Math.nextDown(1.0); // all 53 mantissa bits set: every bin receives large digits
        int n = 3_000_000;
        for (int i = 0; i < n; i++) {
            s.add(x);
        }
        assertEquals(0, new BigDecimal(x).multiply(BigDecimal.valueOf(n)).compareTo(s.toBigDecimal()));
    }
}
