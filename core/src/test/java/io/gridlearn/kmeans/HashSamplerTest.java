package io.gridlearn.kmeans;

import io.gridlearn.data.RowBlock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The uniform sampler's per-block sample is the bottom {@code count} finite rows by (hash, row id), whether the
 * block's smallest hashes are all finite rows (found from the hashes alone) or include a row with a non-finite value
 * (the scan that skips it).
 */
class HashSamplerTest {
    private static RowBlock block(int n, int p, long nanRow) {
        double[] v = new double[n * p];
        for (int j = 0; j < p; j++) {
            for (int r = 0; r < n; r++) {
                v[j * n + r] = r == nanRow && j == p - 1 ? Double.NaN : r * 0.5 + j;
            }
        }
        return new RowBlock(3, n, p, v);
    }

    /** The definition: every finite row sorted by (hash, id), the first {@code count}. */
    private static List<Long> reference(RowBlock b, long first, int count, long seed, long salt, int[] cols) {
        List<Long> ids = new ArrayList<>();
        double[] x = new double[cols.length];
        for (int r = 0; r < b.rows(); r++) {
            if (Nearest.gather(b, r, cols, x)) {
                ids.add(first + r);
            }
        }
        ids.sort((a, c) -> HashSampler.compare(a, c, seed, salt));
        return new ArrayList<>(ids.subList(0, Math.min(count, ids.size())));
    }

    @Test
    void sampleIsTheBottomCountFiniteRows() {
        int[] cols = {0, 1, 2};
        long first = 3 * 500L;
        for (int count : new int[] {1, 7, 27, 500, 600}) {
            for (long seed = 0; seed < 5; seed++) {
                RowBlock clean = block(500, 3, -1);
                List<Long> smallest = reference(clean, first, count, seed, 0, cols);
                // a NaN in the block's smallest hash (the scan) and in a row that is not drawn (the hash path)
                long inSample = smallest.get(0) - first;
                long notDrawn = -1;
                for (long r = 0; r < 500 && notDrawn < 0; r++) {
                    if (!smallest.contains(first + r)) {
                        notDrawn = r;
                    }
                }
                for (long nan : new long[] {-1, inSample, notDrawn}) {
                    RowBlock b = block(500, 3, nan);
                    SortedMap<Long, double[]> out = new TreeMap<>();
                    new HashSampler(cols, count, seed, 0).sample(b, first, out);
                    List<Long> want = reference(b, first, count, seed, 0, cols);
                    want.sort(Long::compare);
                    assertEquals(want, new ArrayList<>(out.keySet()), "count " + count + ", seed " + seed + ", NaN " + nan);
                    for (long id : out.keySet()) {
                        double[] x = new double[3];
                        Nearest.gather(b, (int) (id - first), cols, x);
                        assertArrayEquals(x, out.get(id));
                    }
                }
            }
        }
    }
}
