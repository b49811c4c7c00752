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
 * al., PVLDB 2012) in {@value #PASSES} passes over the data: round 1 draws ℓ rows ({@link #ell}: max(2k,
 * {@value #MIN_ELL}) on up to {@value #SMALL_ROWS} rows, fewer on more)
 * uniformly (the hashed sample; d² to the empty set is the same for every row), round 2 draws ℓ more rows ∝ d²
 * to round 1's ({@link ParallelSampler}), and a third pass weights every candidate by the rows nearest to it
 * and moves it to their mean (two rounds, as Spark MLlib's default; Spark's ℓ = 2k alone leaves too few
 * candidates to tell apart close local optima, such as iris's two at k = 3). The weighted candidates are
 * reduced to k centres on the driver as Spark does:
 * {@value #RESTARTS} restarts of weighted k-means++ (Arthur &amp; Vassilvitskii, SODA 2007) followed by
 * weighted Lloyd iterations on the candidates, keeping the restart of the lowest weighted cost. The samples
 * are functions of hashes of row ids and the restarts draw from a {@link SplittableRandom} seeded by the seed,
 * so the result is deterministic and the same on every member count and block size.
 *
 * <p>On more than {@value #SAMPLE_ROWS} rows the d² round and the weights pass read a seeded uniform subsample of
 * about {@value #SAMPLE_ROWS} rows ({@link #fraction}, {@link RowSubsample}; the keep decision is a hash of row id
 * and seed): the candidates only steer the start, and their weights and means from 131,072 rows are as good a
 * guide as from every row, at a fraction of the distances (on 1,000,000 rows the candidate passes then compute
 * about a seventh of a Lloyd iteration's distances each). The uniform round still draws from every row (from one
 * hash per row), and every Lloyd pass reads every row.
 *
 * <p>With frequency weights every draw is that of the rows repeated w times: the uniform samples become samples
 * ∝ w ({@link HashSampler}'s weighted race), the d² round ∝ w·d² ({@link ParallelSampler}), the candidates'
 * weights are Σw of their nearest rows ({@link LloydKernel}); a row of weight 0 is never drawn. Given initial rows
 * ({@code rows:I,J,…}) are taken as given, whatever their weight.
 */
final class KMeansInit {
    /** Passes over the data k-means‖ makes. */
    static final int PASSES = 3;
    /** Restarts of weighted k-means++ and Lloyd on the candidates. */
    static final int RESTARTS = 10;
    /** The least ℓ, rows drawn per round: the candidates stay cheap on the driver and approximate the data well. */
    static final int MIN_ELL = 128;
    /** Up to this many rows ℓ is {@link #MIN_ELL}; above it, ℓ falls ∝ 1/n to its floor ({@link #ell}). */
    static final long SMALL_ROWS = 65_536;
    /**
     * Above this many rows the two candidate passes read a seeded uniform subsample of about this many rows
     * ({@link RowSubsample}): the d² round draws among them and the candidates' weights and means are theirs.
     */
    static final long SAMPLE_ROWS = 131_072;
    private static final long RANDOM_SALT = -1;
    private static final long FIRST_SALT = 0;
    private static final int SECOND_ROUND = 2;
    private static final int LOCAL_ITERATIONS = 30;

    private KMeansInit() {
    }

    static double[][] centres(PassRunner runner, int[] cols, KMeansOptions o) {
        return centres(runner, cols, o, -1);
    }

    static double[][] centres(PassRunner runner, int[] cols, KMeansOptions o, int weightColumn) {
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
            return bottomK(runner, cols, o.k(), o.k(), o.seed(), RANDOM_SALT, weightColumn);
        }
        return parallel(runner, cols, o, weightColumn);
    }

    /**
     * The (up to) {@code count} finite rows with the smallest hashes (with weights: the smallest race keys, a draw
     * ∝ w), in that order; at least k of them.
     */
    private static double[][] bottomK(PassRunner runner, int[] cols, int count, int k, long seed, long salt,
                                      int weightColumn) {
        SortedMap<Long, double[]> rows = runner.sample(new HashSampler(cols, count, seed, salt, weightColumn));
        List<Long> ids = new ArrayList<>(rows.keySet());
        if (weightColumn < 0) {
            ids.sort((a, b) -> HashSampler.compare(a, b, seed, salt));
        } else {
            int p = cols.length;
            ids.sort((a, b) -> ParallelSampler.compare(HashSampler.key(a, rows.get(a)[p], seed, salt), a,
                    HashSampler.key(b, rows.get(b)[p], seed, salt), b));
        }
        if (ids.size() < k) {
            throw new BadInputException("k = " + k + " but only " + ids.size() + " rows have finite values"
                    + (weightColumn < 0 ? "" : " and a positive weight"));
        }
        double[][] c = new double[Math.min(count, ids.size())][];
        for (int i = 0; i < c.length; i++) {
            c[i] = Arrays.copyOf(rows.get(ids.get(i)), cols.length);
        }
        return c;
    }

    /**
     * ℓ, the rows drawn per round, for k centres and n rows: {@value #MIN_ELL} (or 2k if more) on small data,
     * where candidates cost nothing and many are needed to tell close optima apart; on large data, where the two
     * candidate passes cost 3ℓ distances per row against k for a Lloyd iteration, ℓ falls as
     * {@value #MIN_ELL} · {@value #SMALL_ROWS} / n down to 2k (Spark MLlib's ℓ): 16 at k = 8 from about 524,000
     * rows. A function of n and k only, so the same on every member count.
     */
    static int ell(int k, long n) {
        long scaled = n <= SMALL_ROWS ? MIN_ELL : (MIN_ELL * SMALL_ROWS + n - 1) / n;
        return (int) Math.max(2L * k, Math.min(MIN_ELL, scaled));
    }

    /**
     * The share of rows the candidate passes read: 1 up to {@value #SAMPLE_ROWS} rows, then {@value #SAMPLE_ROWS} / n
     * (a uniform subsample of about {@value #SAMPLE_ROWS} rows; 0.13 on 1,000,000). The d² round's draw and the
     * weights only steer the initialisation; Lloyd's passes read every row.
     */
    static double fraction(long n) {
        return n <= SAMPLE_ROWS ? 1 : (double) SAMPLE_ROWS / n;
    }

    private static double[][] parallel(PassRunner runner, int[] cols, KMeansOptions o, int weightColumn) {
        int k = o.k();
        int p = cols.length;
        int ell = ell(k, runner.rows());
        // Pass 1: ℓ uniform rows (at least k, or bottomK refuses the data); ∝ w with weights.
        List<double[]> cand = new ArrayList<>(Arrays.asList(bottomK(runner, cols, ell, k, o.seed(), FIRST_SALT,
                weightColumn)));
        // Pass 2: ℓ rows ∝ d² (w·d²) to them; the driver keeps the ℓ smallest race keys of the blocks' union.
        ParallelSampler sampler = new ParallelSampler(cols, KMeansTrainer.flatten(cand), cand.size(), ell, o.seed(),
                SECOND_ROUND, weightColumn);
        double fraction = fraction(runner.rows());
        List<Map.Entry<Long, double[]>> drawn = new ArrayList<>(runner.sample(fraction < 1
                ? sampler.subsample(fraction) : sampler).entrySet());
        double[] keys = new double[drawn.size()];
        Integer[] order = new Integer[drawn.size()];
        for (int i = 0; i < order.length; i++) {
            keys[i] = sampler.key(drawn.get(i).getKey(), drawn.get(i).getValue());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ParallelSampler.compare(keys[a], drawn.get(a).getKey(), keys[b],
                drawn.get(b).getKey()));
        for (int i = 0; i < Math.min(ell, order.length); i++) {
            cand.add(Arrays.copyOf(drawn.get(order[i]).getValue(), p));
        }
        // Pass 3: each candidate's weight, the number of rows nearest to it (Σw with weights).
        LloydKernel weigh = new LloydKernel(cols, KMeansTrainer.flatten(cand), cand.size(), weightColumn);
        double[] s = runner.sum(fraction < 1 ? weigh.subsample(fraction, o.seed()) : weigh);
        KMeansTrainer.checkFinite(s[LloydKernel.nonFiniteSlot(cand.size(), p)], o);
        double[] w = Arrays.copyOfRange(s, cand.size() * p, cand.size() * p + cand.size());
        // Each candidate stands for the mean of its rows (the same pass's sums): the weighted cost of a clustering
        // of these means is then the data's cost less a constant, for every clustering that keeps each
        // candidate's rows together.
        double[][] pts = cand.toArray(new double[0][]);
        for (int a = 0; a < pts.length; a++) {
            if (w[a] > 0) {
                pts[a] = new double[p];
                for (int j = 0; j < p; j++) {
                    pts[a][j] = s[a * p + j] / w[a];
                }
            }
        }
        return reduce(pts, w, k, o.seed());
    }

    /**
     * Reduces weighted candidates to k centres: {@value #RESTARTS} restarts of weighted k-means++ and weighted
     * Lloyd, each seeded by a split of a {@link SplittableRandom} of the seed; the lowest weighted cost wins (the
     * first on a tie).
     */
    static double[][] reduce(double[][] pts, double[] w, int k, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double[][] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RESTARTS; r++) {
            double[][] c = localLloyd(pts, w, plusPlus(pts, w, k, root.split()));
            double cost = cost(pts, w, c);
            if (best == null || cost < bestCost) {
                best = c;
                bestCost = cost;
            }
        }
        return best;
    }

    /** Σ w·d²(x, nearest centre) over the candidates. */
    static double cost(double[][] pts, double[] w, double[][] c) {
        double[] flat = KMeansTrainer.flatten(Arrays.asList(c));
        double[] dist = new double[1];
        double cost = 0;
        for (int a = 0; a < pts.length; a++) {
            Nearest.nearest(pts[a], flat, c.length, pts[a].length, dist);
            cost += w[a] * dist[0];
        }
        return cost;
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
