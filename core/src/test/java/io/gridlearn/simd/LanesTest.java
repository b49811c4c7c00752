package io.gridlearn.simd;

import io.gridlearn.simd.vector.VectorLanes;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The Vector API kernels give the scalar kernels' bits, for every length, offset and tail. */
class LanesTest {
    private final Lanes scalar = new ScalarLanes();
    private final Lanes vector = new VectorLanes();

    @Test
    void theBuildRunsTheVectorImplementation() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector; without it this suite would only test scalar
        assertEquals("vector", Simd.lanes().name());
    }

    @Test
    void dotProductsAreBitIdentical() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int m = rnd.nextInt(70);
            double[] a = values(rnd, m + 40);
            int[] off = new int[6];
            for (int t = 0; t < 6; t++) {
                off[t] = rnd.nextInt(40);
            }
            assertEquals(Double.doubleToRawLongBits(scalar.dot(a, off[0], a, off[1], m)),
                    Double.doubleToRawLongBits(vector.dot(a, off[0], a, off[1], m)), "dot, m=" + m);
            double[] ones = new double[m];
            java.util.Arrays.fill(ones, 1.0);
            assertEquals(Double.doubleToRawLongBits(scalar.dot(a, off[2], ones, 0, m)),
                    Double.doubleToRawLongBits(scalar.sum(a, off[2], m)), "sum is the dot with ones, m=" + m);
            assertEquals(Double.doubleToRawLongBits(scalar.sum(a, off[2], m)),
                    Double.doubleToRawLongBits(vector.sum(a, off[2], m)), "sum, m=" + m);
            double[] s = new double[9];
            double[] v = new double[9];
            scalar.dot1x4(a, off[0], a, off[1], off[2], off[3], off[4], m, s, 1);
            vector.dot1x4(a, off[0], a, off[1], off[2], off[3], off[4], m, v, 1);
            assertBits(s, v, "dot1x4, m=" + m);
            for (int t = 0; t < 4; t++) {
                assertEquals(Double.doubleToRawLongBits(scalar.dot(a, off[0], a, off[1 + t], m)),
                        Double.doubleToRawLongBits(s[1 + t]), "dot1x4 equals dot");
            }
            double[] s16 = new double[17];
            double[] v16 = new double[17];
            scalar.dot4x4(a, off[0], off[5], off[2], off[1], a, off[1], off[2], off[3], off[4], m, s16, 1);
            vector.dot4x4(a, off[0], off[5], off[2], off[1], a, off[1], off[2], off[3], off[4], m, v16, 1);
            assertBits(s16, v16, "dot4x4, m=" + m);
            assertEquals(Double.doubleToRawLongBits(scalar.dot(a, off[5], a, off[3], m)),
                    Double.doubleToRawLongBits(s16[1 + 4 + 2]), "dot4x4 equals dot");
        }
    }

    @Test
    void theLaneOrderIsTheDocumentedOne() {
        // terms chosen so that another summation order gives another result
        double[] a = {1e16, 1, 1, 1, -1e16, 1, 1, 1, 0.5};
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        // lanes: s0 = 1e16 - 1e16, s1 = s2 = s3 = 1 + 1; then (s0 + s1) + (s2 + s3); then the tail
        double expected = ((0.0 + 2.0) + (2.0 + 2.0)) + 0.5;
        assertEquals(expected, vector.dot(a, 0, ones, 0, 9));
        assertEquals(expected, scalar.dot(a, 0, ones, 0, 9));
        double sequential = 0;
        for (double x : a) {
            sequential += x;
        }
        assertNotEquals(sequential, expected, "the test data must distinguish the orders");
    }

    @Test
    void axpyIsBitIdentical() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 100; trial++) {
            int m = rnd.nextInt(50);
            double[] x = values(rnd, m + 10);
            double[] y1 = values(rnd, m + 10);
            double[] y2 = y1.clone();
            double[] before = y1.clone();
            double s = rnd.nextGaussian();
            scalar.axpy(s, x, 3, y1, 5, m);
            vector.axpy(s, x, 3, y2, 5, m);
            assertBits(y1, y2, "axpy, m=" + m);
            for (int i = 0; i < m; i++) {
                assertEquals(Math.fma(s, x[3 + i], before[5 + i]), y1[5 + i], "y = fma(s, x, y)");
            }
            assertEquals(before[5 + m], y1[5 + m], "nothing past m is touched");
        }
    }

    @Test
    void squaredDifferencesAreBitIdenticalAndRowWise() {
        Random rnd = new Random(13);
        for (int trial = 0; trial < 100; trial++) {
            int m = rnd.nextInt(50);
            double[] x = values(rnd, m + 10);
            double[] d1 = values(rnd, m + 10);
            double[] d2 = d1.clone();
            double[] before = d1.clone();
            double c = rnd.nextGaussian();
            scalar.addSquaredDifferences(x, 2, c, d1, 4, m);
            vector.addSquaredDifferences(x, 2, c, d2, 4, m);
            assertBits(d1, d2, "addSquaredDifferences, m=" + m);
            for (int i = 0; i < m; i++) {
                double t = x[2 + i] - c;
                assertEquals(Math.fma(t, t, before[4 + i]), d1[4 + i], "d = fma(x - c, x - c, d)");
            }
        }
    }

    @Test
    void squaredDistancesAreTheSquaredDifferencesFeatureByFeature() {
        Random rnd = new Random(19);
        for (int trial = 0; trial < 200; trial++) {
            int m = rnd.nextInt(70);
            int p = 1 + rnd.nextInt(9);
            double[] v = values(rnd, p * (m + 5) + 3);
            int[] starts = new int[p];
            for (int j = 0; j < p; j++) {
                starts[j] = 3 + j * (m + 5) + rnd.nextInt(5);
            }
            double[] centre = values(rnd, p + 2);
            double[] expected = new double[m + 1];
            for (int j = 0; j < p; j++) {
                scalar.addSquaredDifferences(v, starts[j], centre[2 + j], expected, 1, m);
            }
            double[] d1 = values(rnd, m + 1);
            double[] d2 = d1.clone();
            expected[0] = d1[0];
            scalar.squaredDistances(v, starts, centre, 2, p, d1, 1, m);
            vector.squaredDistances(v, starts, centre, 2, p, d2, 1, m);
            assertBits(expected, d1, "scalar squaredDistances, m=" + m + ", p=" + p);
            assertBits(expected, d2, "vector squaredDistances, m=" + m + ", p=" + p);
        }
    }

    @Test
    void lowerProductsEqualPlainDots() {
        Random rnd = new Random(17);
        for (int m : new int[] {0, 3, 4, 255, 256, 257, 700}) {
            for (int q : new int[] {1, 2, 3, 4, 5, 7, 8, 9}) {
                lowerProductsEqualPlainDots(rnd, m, q);
            }
        }
    }

    private void lowerProductsEqualPlainDots(Random rnd, int m, int q) {
        double[] a = values(rnd, q * m);
        double[] b = values(rnd, q * m);
        int entries = q * (q + 1) / 2;
        double[] out = new double[entries + 3];
        new LowerProducts().compute(a, b, m, q, m, out, 2);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double expected = scalar.dot(a, i * m, b, j * m, m);
                assertEquals(Double.doubleToRawLongBits(expected),
                        Double.doubleToRawLongBits(out[2 + i * (i + 1) / 2 + j]), "entry " + i + "," + j + ", m=" + m + ", q=" + q);
            }
        }
        assertEquals(0.0, out[0] + out[1] + out[entries + 2], "nothing written outside the triangle, q=" + q);
    }

    private static double[] values(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 6);
        }
        return v;
    }

    private static void assertBits(double[] a, double[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), what + " at " + i);
        }
    }
}
