package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestData;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linear family on an in-process grid, against the public oracles, on 1, 2 and 3 members. */
class LinearGridTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private static LinearOptions options(String algorithm, double lambda, boolean standardize, String solver) {
        return new LinearOptions(algorithm, lambda, Double.NaN, standardize, true, solver, RowGrouping.NONE, "error",
                1_000_000, 1e-13, 0, "exact");
    }

    private ModelDocument fit(int members, String ds, LinearOptions o) {
        HazelcastInstance[] grid = TestGrids.start(factory, members);
        TestData.load(new DatasetCatalog(grid[0]), ds + ".csv", ds, 37);
        ModelDocument m = LinearTrainer.train(grid[0], new LinearJob(ds, null, null, o));
        factory.terminateAll();
        return m;
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(relErr(actual[i], expected[i]) < tol,
                    what + "[" + i + "]: " + actual[i] + " vs oracle " + expected[i]);
        }
    }

    @Test
    void olsMatchesStatsmodelsWithBothSolversAndIsBitIdenticalOnAnyClusterSize() {
        for (String ds : List.of("boston", "diabetes")) {
            JsonNode ols = Oracles.dataset(ds).path("ols");
            for (String solver : List.of("qr", "cholesky")) {
                ModelDocument first = null;
                for (int members = 1; members <= 3; members++) {
                    ModelDocument m = fit(members, ds, options("linear", Double.NaN, false, solver));
                    String w = ds + "/" + solver + "/" + members + " members ";
                    assertEquals(Oracles.dataset(ds).path("features").size(), m.features().size());
                    assertTrue(relErr(m.intercept(), ols.path("intercept").asDouble()) < 1e-10, w + "intercept");
                    assertClose(Oracles.doubles(ols.path("coef")), m.coefficients(), 1e-10, w + "coef");
                    assertClose(Oracles.doubles(ols.path("std_err")), m.standardErrors(), 1e-10, w + "se");
                    assertClose(Oracles.doubles(ols.path("t_values")), m.tValues(), 1e-10, w + "t");
                    assertTrue(relErr(m.interceptStandardError(), ols.path("std_err_intercept").asDouble()) < 1e-10, w);
                    for (String[] k : new String[][] {{"rSquared", "r_squared"}, {"adjRSquared", "adj_r_squared"},
                            {"fStatistic", "f_statistic"}, {"logLikelihood", "log_likelihood"}, {"rss", "rss"},
                            {"sigma2", "sigma2"}}) {
                        double v = ((Number) m.summary().get(k[0])).doubleValue();
                        assertTrue(relErr(v, ols.path(k[1]).asDouble()) < 1e-10, w + k[0] + " " + v);
                    }
                    assertEquals(ols.path("df_resid").asLong(), ((Number) m.summary().get("dfResid")).longValue());
                    if (first != null) {
                        assertArrayEquals(first.coefficients(), m.coefficients(), 0.0, w + "not bit-identical");
                        assertEquals(first.intercept(), m.intercept(), 0.0, w + "intercept not bit-identical");
                        assertArrayEquals(first.standardErrors(), m.standardErrors(), 0.0, w + "se not bit-identical");
                        assertEquals(first.metrics(), m.metrics(), w + "metrics not bit-identical");
                    }
                    first = m;
                }
            }
        }
    }

    @Test
    void ridgeMatchesScikitLearnOnBothSolversRawAndStandardized() {
        for (String ds : List.of("boston", "diabetes")) {
            long n = Oracles.dataset(ds).path("column_stats").path("n").asLong();
            for (String variant : List.of("raw", "standardized")) {
                JsonNode o = Oracles.dataset(ds).path("ridge_alpha_1_" + variant);
                // sklearn Ridge(alpha) = our λ = alpha / n (conventions.ridge_sklearn)
                double lambda = o.path("alpha").asDouble() / n;
                for (String solver : List.of("qr", "cholesky")) {
                    ModelDocument m = fit(2, ds, options("ridge", lambda, variant.equals("standardized"), solver));
                    double[] expected = Oracles.doubles(o.path("coef"));
                    if (variant.equals("standardized")) {
                        // sklearn reports standardized-scale coefficients: divide by the population sd
                        double[] sd = Oracles.doubles(Oracles.dataset(ds).path("feature_std_population"));
                        double[] mean = Oracles.doubles(Oracles.dataset(ds).path("feature_mean"));
                        double b0 = o.path("intercept").asDouble();
                        for (int j = 0; j < expected.length; j++) {
                            expected[j] /= sd[j];
                            b0 -= expected[j] * mean[j];
                        }
                        assertTrue(relErr(m.intercept(), b0) < 1e-9, ds + " " + solver + " intercept");
                    } else {
                        assertTrue(relErr(m.intercept(), o.path("intercept").asDouble()) < 1e-9);
                    }
                    assertClose(expected, m.coefficients(), 1e-9, ds + " ridge " + variant + " " + solver);
                }
            }
        }
    }

    @Test
    void lassoMatchesScikitLearnRawAndStandardized() {
        for (String ds : List.of("boston", "diabetes")) {
            for (String variant : List.of("raw", "standardized")) {
                JsonNode o = Oracles.dataset(ds).path("lasso_alpha_0.1_" + variant);
                ModelDocument m = fit(3, ds, options("lasso", o.path("alpha").asDouble(),
                        variant.equals("standardized"), "qr"));
                JsonNode original = variant.equals("raw") ? o : o.path("coef_original_scale");
                double[] expected = Oracles.doubles(original.path("coef"));
                double[] actual = m.coefficients();
                for (int j = 0; j < expected.length; j++) {
                    if (expected[j] == 0) {
                        assertEquals(0.0, actual[j], 0.0, ds + " " + variant + " coef " + j + " must be exactly 0");
                    } else {
                        assertTrue(relErr(actual[j], expected[j]) < 1e-9, ds + " lasso " + variant + " coef " + j
                                + ": " + actual[j] + " vs " + expected[j] + " " + Arrays.toString(actual));
                    }
                }
                assertTrue(relErr(m.intercept(), original.path("intercept").asDouble()) < 1e-9);
                assertEquals(o.path("n_nonzero").asInt(), ((Number) m.summary().get("nonZero")).intValue());
                assertTrue(relErr(((Number) m.summary().get("objective")).doubleValue(),
                        o.path("objective_value").asDouble()) < 1e-9, ds + " objective");
            }
        }
    }

    @Test
    void averagingPerBlockFitsIsExactOnlyWhenThereIsOneBlock() {
        LinearOptions avg = new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "qr", RowGrouping.NONE,
                "error", 1, 1e-12, 0, "average");
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        TestData.load(catalog, "boston.csv", "one-block", 4096);
        TestData.load(catalog, "boston.csv", "many-blocks", 100);
        JsonNode ols = Oracles.dataset("boston").path("ols");
        ModelDocument single = LinearTrainer.train(grid[0], new LinearJob("one-block", null, null, avg));
        assertClose(Oracles.doubles(ols.path("coef")), single.coefficients(), 1e-10, "one block = the exact fit");
        ModelDocument many = LinearTrainer.train(grid[0], new LinearJob("many-blocks", null, null, avg));
        assertEquals(6, ((Number) many.summary().get("blocksAveraged")).intValue()
                + ((Number) many.summary().get("blocksSkipped")).intValue());
        assertTrue(relErr(many.intercept(), ols.path("intercept").asDouble()) > 1e-3, "averaging is not exact");
        assertTrue(many.metrics().get("train").get("mse") > single.metrics().get("train").get("mse"));
    }
    /**
     * Blocks of 5 rows: 102 blocks over the test grid's 23 partitions, so every partition holds several and the
     * members fold them before sending. The QR fit is still bit-identical on 1, 2 and 3 members (the fold order
     * is fixed by the blocks and their partitions, not by who owns them), and what reaches the caller is one R
     * per partition, not per block. It also shows that members inject their instance into the aggregators they
     * deserialize ({@code HazelcastInstanceAware}): without a partition function the pass throws. Run on 5.4 and
     * with {@code -Dhazelcast.version=5.7.0}.
     */
    @Test
    void qrFoldsEachPartitionsBlocksOnItsMemberAndStaysBitIdentical() {
        JsonNode ols = Oracles.dataset("boston").path("ols");
        LinearOptions o = options("linear", Double.NaN, false, "qr");
        ModelDocument first = null;
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            io.gridlearn.data.DatasetSchema schema = TestData.load(catalog, "boston.csv", "small-blocks", 5);
            assertEquals(102, schema.blocks());
            ModelDocument m = LinearTrainer.train(grid[0], new LinearJob("small-blocks", null, null, o));
            LinearDesign design = LinearDesign.resolve(schema, null, null);
            LinearPassAggregator pass = catalog.blocks(schema).aggregate(new LinearPassAggregator(design.zColumns(),
                    RowGrouping.NONE, schema.blockSize(), true, true, null, schema.layout()), schema.blockPredicate());
            int partitions = io.gridlearn.data.BlockPartitions.liveBlocksPerPartition(schema.layout(),
                    io.gridlearn.data.BlockPartitions.of(grid[0])).size();
            factory.terminateAll();
            String w = members + " members ";
            assertEquals(schema.blocks(), pass.blocks());
            assertEquals(0, pass.rFactorGroups().pendingBlocks(), w + "every partition folded");
            assertTrue(partitions <= 23, "the test grid has 23 partitions");
            assertEquals(partitions, pass.rFactorGroups().mergedGroups(), w + "one R per partition");
            assertClose(Oracles.doubles(ols.path("coef")), m.coefficients(), 1e-10, w + "coef");
            assertClose(Oracles.doubles(ols.path("std_err")), m.standardErrors(), 1e-10, w + "se");
            if (first != null) {
                assertArrayEquals(first.coefficients(), m.coefficients(), 0.0, w + "not bit-identical");
                assertEquals(first.intercept(), m.intercept(), 0.0, w + "intercept not bit-identical");
                assertArrayEquals(first.standardErrors(), m.standardErrors(), 0.0, w + "se not bit-identical");
                assertEquals(first.summary().get("rss"), m.summary().get("rss"), w + "rss not bit-identical");
            }
            first = m;
        }
    }

    /** One penalised fit: algorithm, lambda, alpha (NaN unless elastic net), standardised, solver. */
    private record Penalised(String algorithm, double lambda, double alpha, boolean standardize, String solver) {
        LinearOptions options() {
            return new LinearOptions(algorithm, lambda, alpha, standardize, true, solver, RowGrouping.NONE, "error",
                    1_000_000, 1e-13, 0, "exact");
        }
    }

    /**
     * The single-JVM reference of a penalised fit: the exact (BigDecimal) centred cross products of the CSV
     * ({@link SolverTestData#exactCrossProducts}, no grid, no blocks) solved by the same solver class with the same
     * options: coordinate descent for lasso and elastic net, the normal equations for ridge.
     */
    private static double[] localReference(String ds, Penalised c) {
        SolverTestData.Table t = SolverTestData.csv(ds + ".csv");
        int p = t.names().size() - 1;
        CrossProducts cp = SolverTestData.exactCrossProducts(Arrays.copyOf(t.cols(), p), t.cols()[p], true);
        List<String> features = t.names().subList(0, p);
        double intercept;
        double[] b;
        if (c.algorithm().equals("ridge")) {
            RidgeFit f = NormalEquations.ridge(cp, features, RidgeOptions.of(c.lambda(), c.standardize()));
            intercept = f.intercept();
            b = f.coefficients();
        } else {
            double mix = c.algorithm().equals("lasso") ? 1.0 : c.alpha();
            ElasticNetFit f = new ElasticNet(cp, features, new ElasticNetOptions(mix, c.standardize(), 1e-13, 1_000_000))
                    .fit(c.lambda());
            intercept = f.intercept();
            b = f.coefficients();
        }
        double[] all = Arrays.copyOf(b, p + 1);
        all[p] = intercept;
        return all;
    }

    private static double[] coefficientsAndIntercept(ModelDocument m) {
        double[] all = Arrays.copyOf(m.coefficients(), m.coefficients().length + 1);
        all[all.length - 1] = m.intercept();
        return all;
    }

    /**
     * Ridge (both solvers), lasso and elastic net, raw and standardised, on Boston and diabetes: on 1, 2 and 3
     * members (blocks of 37 rows) the same bits (coefficients, intercept, summary, metrics); with the whole CSV
     * as one block on one member (other per-block partial sums and R factors) the same fit to 1e-12; and the
     * single-JVM reference from exact cross products ({@link #localReference}) to 1e-12 (it is not the same
     * bits: the grid's cross products are summed per block). The elastic net is also held to scikit-learn's
     * {@code ElasticNet} at 1e-9 ({@code oracles/sklearn_elasticnet.json}).
     */
    @Test
    void ridgeLassoAndElasticNetAreBitIdenticalOnOneTwoAndThreeMembersAndMatchTheSingleJvmReference() {
        JsonNode enOracle = OracleTest.json("/oracles/sklearn_elasticnet.json").get("datasets");
        java.util.Map<String, List<ModelDocument>> fits = new java.util.LinkedHashMap<>();
        java.util.Map<String, Penalised> cases = new java.util.LinkedHashMap<>();
        for (String ds : List.of("boston", "diabetes")) {
            long n = Oracles.dataset(ds).path("column_stats").path("n").asLong();
            for (boolean std : new boolean[] {false, true}) {
                double ridgeLambda = Oracles.dataset(ds).path("ridge_alpha_1_raw").path("alpha").asDouble() / n;
                cases.put(ds + " ridge qr std=" + std, new Penalised("ridge", ridgeLambda, Double.NaN, std, "qr"));
                cases.put(ds + " ridge cholesky std=" + std, new Penalised("ridge", ridgeLambda, Double.NaN, std, "cholesky"));
                cases.put(ds + " lasso std=" + std, new Penalised("lasso",
                        Oracles.dataset(ds).path("lasso_alpha_0.1_raw").path("alpha").asDouble(), Double.NaN, std, "qr"));
                int k = 0;
                for (JsonNode e : enOracle.get(ds).get("fits")) {
                    cases.put(ds + " elastic-net " + (k++) + " std=" + std, new Penalised("elastic-net",
                            e.get("alpha").asDouble(), e.get("l1_ratio").asDouble(), std, "qr"));
                }
            }
        }
        // grids: 1, 2 and 3 members with blocks of 37 rows; 1 member with each CSV as a single block
        int[][] layouts = {{1, 37}, {2, 37}, {3, 37}, {1, 4096}};
        for (int[] layout : layouts) {
            HazelcastInstance[] grid = TestGrids.start(factory, layout[0]);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            for (String ds : List.of("boston", "diabetes")) {
                TestData.load(catalog, ds + ".csv", ds, layout[1]);
            }
            cases.forEach((name, c) -> fits.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(
                    LinearTrainer.train(grid[0], new LinearJob(name.substring(0, name.indexOf(' ')), null, null, c.options()))));
            factory.terminateAll();
        }
        for (var e : cases.entrySet()) {
            String name = e.getKey();
            Penalised c = e.getValue();
            List<ModelDocument> ms = fits.get(name);
            ModelDocument first = ms.get(0);
            for (int i = 1; i < ms.size(); i++) {
                String w = name + " on " + layouts[i][0] + " member(s), blocks of " + layouts[i][1] + ": ";
                ModelDocument m = ms.get(i);
                if (layouts[i][1] != layouts[0][1]) {
                    // other blocks: other per-block partial sums (and R factors); the same fit to rounding
                    assertClose(coefficientsAndIntercept(first), coefficientsAndIntercept(m), 1e-12, w + "one block");
                    continue;
                }
                assertArrayEquals(first.coefficients(), m.coefficients(), 0.0, w + "coefficients not bit-identical");
                assertEquals(first.intercept(), m.intercept(), 0.0, w + "intercept not bit-identical");
                assertEquals(first.summary(), m.summary(), w + "summary not bit-identical");
                assertEquals(first.metrics(), m.metrics(), w + "metrics not bit-identical");
            }
            String ds = name.substring(0, name.indexOf(' '));
            double[] local = localReference(ds, c);
            double[] grid = coefficientsAndIntercept(first);
            assertClose(local, grid, 1e-12, name + " vs the single-JVM reference");
            if (c.algorithm().equals("elastic-net")) {
                for (JsonNode o : enOracle.get(ds).get("fits")) {
                    if (o.get("alpha").asDouble() == c.lambda() && o.get("l1_ratio").asDouble() == c.alpha()) {
                        JsonNode v = o.get(c.standardize() ? "standardized" : "raw");
                        double[] expected = Oracles.doubles(v.get(c.standardize() ? "coef_original_scale" : "coef"));
                        double b0 = v.get(c.standardize() ? "intercept_original_scale" : "intercept").asDouble();
                        for (int j = 0; j < expected.length; j++) {
                            if (expected[j] == 0) {
                                assertEquals(0.0, first.coefficients()[j], 0.0, name + " coef " + j + " must be 0");
                            } else {
                                assertTrue(relErr(first.coefficients()[j], expected[j]) < 1e-9, name + " coef " + j);
                            }
                        }
                        assertTrue(relErr(first.intercept(), b0) < 1e-9, name + " intercept");
                        assertTrue(relErr(((Number) first.summary().get("objective")).doubleValue(),
                                v.get("objective_value").asDouble()) < 1e-9, name + " objective");
                    }
                }
            }
        }
    }
}
