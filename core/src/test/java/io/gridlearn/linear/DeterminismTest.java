package io.gridlearn.linear;

import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.stats.ShiftedBlockMoments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.gridlearn.linear.BlockQrTest.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Same input, same bits, whoever computes what in which order: every solver run on the same block layout with
 * the blocks spread over 1 to 3 simulated members at random, each member a thread taking its blocks in a
 * shuffled order (R factors into the partition groups the QR pass uses, exact moments via the blocks' shifted
 * sums), the members' partial results merged in a shuffled order, and the refinement's residual moments summed
 * over the blocks in a shuffled order. Every run must give the bits of the plain sequential one.
 */
class DeterminismTest {
    private static final SolverTestData.Table BOSTON = SolverTestData.csv("boston.csv");
    private static final List<String> FEATURES = BOSTON.names().subList(0, 13);
    private static final int Q = 15;
    private static final int PARTITIONS = 7;

    /** What each simulated member computes from its share of the blocks. */
    private record Partial(RFactorGroups r, MomentMatrix moments) {
    }

    /**
     * {@code members == 0}: the plain sequential run (blocks in order, one thread, one partial); otherwise the
     * blocks are dealt to {@code members} threads at random ({@code seed}), each in a shuffled order.
     */
    private static double[] everything(int members, long seed) throws Exception {
        double[][] x = Arrays.copyOf(BOSTON.cols(), 13);
        double[] y = BOSTON.cols()[13];
        List<double[]> blocks = SolverTestData.blocks(x, y, true, 37);
        Random rnd = new Random(seed);
        List<List<Integer>> shares = new ArrayList<>();
        for (int m = 0; m < Math.max(1, members); m++) {
            shares.add(new ArrayList<>());
        }
        for (int b = 0; b < blocks.size(); b++) {
            shares.get(members == 0 ? 0 : rnd.nextInt(members)).add(b);
        }
        List<Partial> partials = new ArrayList<>();
        if (members == 0) {
            partials.add(partial(blocks, shares.get(0)));
        } else {
            for (List<Integer> share : shares) {
                Collections.shuffle(share, rnd);
            }
            ExecutorService pool = Executors.newFixedThreadPool(members);
            try {
                List<Future<Partial>> futures = new ArrayList<>();
                for (List<Integer> share : shares) {
                    futures.add(pool.submit(() -> partial(blocks, share)));
                }
                for (Future<Partial> f : futures) {
                    partials.add(f.get());
                }
            } finally {
                pool.shutdown();
            }
            Collections.shuffle(partials, rnd);
        }
        RFactorGroups groups = new RFactorGroups(Q);
        MomentMatrix moments = new MomentMatrix(14);
        for (Partial pt : partials) {
            groups.addAll(pt.r());
            moments.add(pt.moments(), 1);
        }
        double[] r = groups.finish();
        LeastSquaresSolution s = QrLeastSquares.solve(r, y.length, FEATURES, true);
        List<double[]> refinementOrder = new ArrayList<>(blocks);
        if (members != 0) {
            Collections.shuffle(refinementOrder, rnd);
        }
        LeastSquaresSolution refined = QrLeastSquares.refine(r, s, refinementOrder);
        OlsReport rep = refined.report();
        CrossProducts cp = MomentViews.crossProducts(moments, true);
        OlsReport ne = NormalEquations.ols(cp, FEATURES).report();
        RidgeFit ridge = NormalEquations.ridge(cp, FEATURES, RidgeOptions.of(0.3, true));
        List<ElasticNetFit> path = new ElasticNet(cp, FEATURES, ElasticNetOptions.of(0.8, true)).path(10, 0.01);
        double[] out = new double[0];
        out = concat(out, r, refined.beta(), rep.pValues(), rep.stdErrors(),
                new double[] {rep.rss(), rep.fPValue(), rep.logLikelihood(), ne.fStatistic(), ridge.intercept()},
                ne.coefficients(), ridge.coefficients());
        for (ElasticNetFit f : path) {
            out = concat(out, f.coefficients(), new double[] {f.objective(), f.iterations()});
        }
        return out;
    }

    /** One member's work: each block's R into its partition group, and its exact moments. */
    private static Partial partial(List<double[]> blocks, List<Integer> share) {
        RFactorGroups groups = new RFactorGroups(Q);
        MomentMatrix moments = new MomentMatrix(14);
        ShiftedBlockMoments k = new ShiftedBlockMoments(14);
        int[] cols = new int[14];
        for (int j = 0; j < 14; j++) {
            cols[j] = j + 1; // [1, x, y]: leave out the intercept column
        }
        for (int b : share) {
            double[] v = blocks.get(b);
            int rows = v.length / Q;
            groups.add(b % PARTITIONS, b, BlockQr.factor(v, rows, Q));
            k.compute(v, rows, cols, null, rows);
            k.addTo(moments, rows);
        }
        int[] live = new int[PARTITIONS];
        for (int b = 0; b < blocks.size(); b++) {
            live[b % PARTITIONS]++;
        }
        groups.compact(g -> live[g], b -> b % PARTITIONS); // a member holding a whole group folds it, as in a pass
        return new Partial(groups, moments);
    }

    private static double[] concat(double[] first, double[]... rest) {
        int len = first.length;
        for (double[] a : rest) {
            len += a.length;
        }
        double[] out = Arrays.copyOf(first, len);
        int at = first.length;
        for (double[] a : rest) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    @Test
    void residualMomentsSurviveSerialisation() {
        double[][] x = Arrays.copyOf(BOSTON.cols(), 13);
        double[] y = BOSTON.cols()[13];
        List<double[]> blocks = SolverTestData.blocks(x, y, true, 50);
        double[] r = SolverTestData.tsqrFold(blocks, 15);
        LeastSquaresSolution s = QrLeastSquares.solve(r, y.length, FEATURES, true);
        ResidualSums sums = new ResidualSums();
        for (double[] b : blocks) {
            sums.add(ResidualMoments.fromDoubles(ResidualMoments.of(b, b.length / 15, 15, s.beta()).toDoubles()));
        }
        ResidualMoments total = sums.total();
        LeastSquaresSolution viaWire = QrLeastSquares.refine(r, s, total);
        LeastSquaresSolution direct = QrLeastSquares.refine(r, s, blocks);
        assertBitIdentical(direct.beta(), viaWire.beta());
        assertBitIdentical(direct.unscaledVariance(), viaWire.unscaledVariance());
        assertEquals(direct.rss(), viaWire.rss(), 0.0);
        assertEquals(y.length, total.rows());
    }

    @Test
    void blockOrderThreadsAndMemberSplitDoNotChangeABit() throws Exception {
        double[] sequential = everything(0, 0);
        for (int run = 0; run < 12; run++) {
            int members = 1 + run % 3;
            double[] a = everything(members, 100 + run);
            assertEquals(sequential.length, a.length);
            assertBitIdentical(sequential, a);
        }
    }
}
