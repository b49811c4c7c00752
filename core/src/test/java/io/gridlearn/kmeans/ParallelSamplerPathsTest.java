package io.gridlearn.kmeans;

import io.gridlearn.data.RowBlock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The column path of {@link ParallelSampler} (blocks whose features are all finite) draws exactly the rows the
 * row-at-a-time definition draws: the keys E / d²(x, C) with d² from {@link Nearest#nearest}, the
 * {@code count} smallest (ties by row id). A change in a distance's last bit changes a key and, among 1,000
 * rows and 40 drawn, almost surely the set.
 */
class ParallelSamplerPathsTest {
    @Test
    void columnPathDrawsTheRowsOfTheRowByRowDefinition() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 1000; // not a multiple of the chunk
        int q = 7;
        double[] v = new double[n * q];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian() * 3 + (i / n);
        }
        int[] features = {0, 2, 3, 5, 6};
        int p = features.length;
        int m = 9;
        double[] centres = new double[m * p];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = v[(i % p) * n + rnd.nextInt(n)];
        }
        long first = 5L * n;
        int count = 40;
        ParallelSampler sampler = new ParallelSampler(features, centres, m, count, 42, 2);
        SortedMap<Long, double[]> drawn = new TreeMap<>();
        sampler.sample(new RowBlock(5, n, q, v), first, drawn);

        RowBlock b = new RowBlock(5, n, q, v);
        List<double[]> keys = new ArrayList<>();
        double[] x = new double[p];
        double[] dist = new double[1];
        for (int r = 0; r < n; r++) {
            Nearest.gather(b, r, features, x);
            Nearest.nearest(x, centres, m, p, dist);
            keys.add(new double[] {ParallelSampler.key(first + r, dist[0], 42, 2), first + r});
        }
        keys.sort((a, c) -> ParallelSampler.compare(a[0], (long) a[1], c[0], (long) c[1]));
        SortedMap<Long, double[]> expected = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            long id = (long) keys.get(i)[1];
            double[] row = new double[p];
            Nearest.gather(b, (int) (id - first), features, row);
            expected.put(id, row);
        }
        assertEquals(expected.keySet(), drawn.keySet());
        for (long id : expected.keySet()) {
            assertArrayEquals(expected.get(id), drawn.get(id), "row " + id);
            assertEquals(Double.doubleToRawLongBits(sampler.key(id, expected.get(id))),
                    Double.doubleToRawLongBits(keys.stream().filter(k -> (long) k[1] == id).findFirst().get()[0]));
        }
    }
}
