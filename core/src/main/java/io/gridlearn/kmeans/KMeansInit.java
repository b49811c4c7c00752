package io.gridlearn.kmeans;

import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;
import io.gridlearn.pass.PassRunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;

/**
 * Initial centres: explicit rows, a seeded uniform sample ({@link HashSampler}), or k-means‖ (Bahmani et
 * al., PVLDB 2012): one uniform row, then {@value #ROUNDS} rounds sampling each row with probability
 * ℓ·d²/φ, ℓ = 2k; the candidates are weighted by the rows nearest to them and reduced to k centres on the
 * driver by weighted k-means++ (Arthur &amp; Vassilvitskii, SODA 2007) followed by weighted Lloyd
 * iterations on the candidates (as Spark MLlib does), all with a {@link SplittableRandom} seeded by the
 * seed, so the result is deterministic.
 */
final class KMeansInit {
    static final int ROUNDS = 5;
    private static final long RANDOM_SALT = -1;
    private static final long FIRST_SALT = 0;
    private static final int LOCAL_ITERATIONS = 30;

    private KMeansInit() {
    }

    static double[][] centres(PassRunner runner, int[] cols, KMeansOptions o) {
        if (o.init().startsWith("rows:")) {
            long[] ids = KMeansOptions.initRows(o.init());
            for (long id : ids) {
                if (id >= runner.rows()) {
                    throw new BadInputException("init row " + id + " is out of range: the data has "
                            + runner.rows() + " rows (ids are 0-based)");
                }
            }
            SortedMap<Long, double[]> rows = runner.sample(new RowIdSampler(cols, ids));
            double[][] c = new double[ids.length][];
            for (int i = 0; i < ids.length; i++) {
                c[i] = rows.get(ids[i]);
                if (c[i] == null) { // the sampler never returns a row with a non-finite value
                    throw OptionException.worded("init row " + ids[i] + " has a missing or non-finite value"
                            + (o.skipMissing() ? " (it is left out under {missing} skip): choose another row" : ""));
                }
            }
            return c;
        }
        if (o.init().equals("random")) {
            return bottomK(runner, cols, o.k(), o.seed(), RANDOM_SALT);
        }
        return parallel(runner, cols, o);
    }

    /** The k finite rows with the smallest hashes, in hash order. */
    private static double[][] bottomK(PassRunner runner, int[] cols, int k, long seed, long salt) {
        SortedMap<Long, double[]> rows = runner.sample(new HashSampler(cols, k, seed, salt));
        List<Long> ids = new ArrayList<>(rows.keySet());
        ids.sort((a, b) -> HashSampler.compare(a, b, seed, salt));
        if (ids.size() < k) {
            throw new BadInputException("k = " + k + " but only " + ids.size() + " rows have finite values");
        }
        double[][] c = new double[k][];
        for (int i = 0; i < k; i++) {
            c[i] = rows.get(ids.get(i));
        }
        return c;
    }

    private static double[][] parallel(PassRunner runner, int[] cols, KMeansOptions o) {
        int k = o.k();
        int p = cols.length;
        double ell = 2.0 * k;
        List<double[]> cand = new ArrayList<>(List.of(bottomK(runner, cols, 1, o.seed(), FIRST_SALT)));
        for (int round = 1; round <= ROUNDS; round++) {
            double[] s = runner.sum(new LloydKernel(cols, KMeansTrainer.flatten(cand), cand.size()));
            KMeansTrainer.checkFinite(s[LloydKernel.nonFiniteSlot(cand.size(), p)], o);
            double phi = s[LloydKernel.inertiaSlot(cand.size(), p)];
            if (phi == 0) {
                break; // every row coincides with a candidate: nothing left to sample
            }
            SortedMap<Long, double[]> picked = runner.sample(
                    new ParallelSampler(cols, KMeansTrainer.flatten(cand), cand.size(), ell, phi, o.seed(), round));
            for (Map.Entry<Long, double[]> e : picked.entrySet()) {
                cand.add(e.getValue());
            }
        }
        if (cand.size() < k) {
            // Too few candidates (tiny or highly duplicated data): top up with the seeded uniform sample.
            for (double[] row : bottomK(runner, cols, k, o.seed(), RANDOM_SALT)) {
                if (cand.size() < k) {
                    cand.add(row);
                }
            }
        }
        double[] s = runner.sum(new LloydKernel(cols, KMeansTrainer.flatten(cand), cand.size()));
        double[] w = Arrays.copyOfRange(s, cand.size() * p, cand.size() * p + cand.size());
        double[][] pts = cand.toArray(new double[0][]);
        double[][] c = plusPlus(pts, w, k, new SplittableRandom(o.seed()));
        return localLloyd(pts, w, c);
    }

    /** Weighted k-means++: the first centre ∝ w, each next one ∝ w·d²(x, chosen). */
    static double[][] plusPlus(double[][] pts, double[] w, int k, SplittableRandom rnd) {
        int m = pts.length;
        int p = pts[0].length;
        double[][] c = new double[k][];
        double[] d2 = new double[m];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        double[] weight = w.clone();
        for (int i = 0; i < k; i++) {
            double total = 0;
            for (int a = 0; a < m; a++) {
                total += i == 0 ? weight[a] : weight[a] * d2[a];
            }
            int pick = -1;
            if (total > 0) {
                double u = rnd.nextDouble() * total;
                double cum = 0;
                for (int a = 0; a < m && pick < 0; a++) {
                    cum += i == 0 ? weight[a] : weight[a] * d2[a];
                    if (u < cum) {
                        pick = a;
                    }
                }
            }
            if (pick < 0) {
                pick = lastPositive(weight, d2, i == 0); // rounding left u ≥ cum, or all remaining d² are 0
            }
            c[i] = pts[pick].clone();
            double[] flat = c[i];
            for (int a = 0; a < m; a++) {
                d2[a] = Math.min(d2[a], Nearest.distance(pts[a], flat, 0, p));
            }
        }
        return c;
    }

    private static int lastPositive(double[] w, double[] d2, boolean first) {
        for (int a = w.length - 1; a >= 0; a--) {
            if (w[a] > 0 && (first || d2[a] > 0)) {
                return a;
            }
        }
        return 0;
    }

    /** Weighted Lloyd iterations on the candidates; an emptied centre keeps its position. */
    private static double[][] localLloyd(double[][] pts, double[] w, double[][] c) {
        int k = c.length;
        int p = pts[0].length;
        double[] dist = new double[1];
        for (int it = 0; it < LOCAL_ITERATIONS; it++) {
            double[] flat = KMeansTrainer.flatten(Arrays.asList(c));
            double[][] sum = new double[k][p];
            double[] cnt = new double[k];
            for (int a = 0; a < pts.length; a++) {
                int b = Nearest.nearest(pts[a], flat, k, p, dist);
                cnt[b] += w[a];
                for (int j = 0; j < p; j++) {
                    sum[b][j] += w[a] * pts[a][j];
                }
            }
            boolean moved = false;
            for (int b = 0; b < k; b++) {
                if (cnt[b] > 0) {
                    for (int j = 0; j < p; j++) {
                        double v = sum[b][j] / cnt[b];
                        moved |= v != c[b][j];
                        c[b][j] = v;
                    }
                }
            }
            if (!moved) {
                break;
            }
        }
        return c;
    }
}
