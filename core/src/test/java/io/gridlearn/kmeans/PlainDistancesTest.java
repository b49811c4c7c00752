package io.gridlearn.kmeans;

import io.gridlearn.simd.Simd;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plain loop gives the vector lanes' squared distances bit for bit, for every run length (tails included). */
class PlainDistancesTest {
    @Test
    void sameBitsAsTheLanes() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 300;
        int p = 13;
        double[] v = new double[n * (p + 2)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian() * 1e3;
        }
        double[] centre = new double[3 * p];
        for (int i = 0; i < centre.length; i++) {
            centre[i] = rnd.nextGaussian() * 1e3;
        }
        int[] starts = new int[p];
        for (int m : new int[] {1, 3, 4, 15, 16, 17, 63, 256}) {
            for (int from : new int[] {0, 7}) {
                for (int j = 0; j < p; j++) {
                    starts[j] = (j + 1) * n + from;
                }
                double[] a = new double[m + 5];
                double[] b = new double[m + 5];
                java.util.Arrays.fill(b, 42); // the plain loop must not read what was there
                Simd.lanes().squaredDistances(v, starts, centre, p, p, a, 5, m);
                PlainDistances.squared(v, starts, centre, p, p, b, 5, m);
                for (int i = 0; i < m; i++) {
                    assertEquals(Double.doubleToRawLongBits(a[5 + i]), Double.doubleToRawLongBits(b[5 + i]),
                            "m " + m + ", from " + from + ", row " + i + " (" + Simd.lanes().name() + ")");
                }
            }
        }
    }
}
