package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.OptionException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestGrids;
import io.gridlearn.testing.WeightsData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frequency weights in the linear family: statsmodels' OLS on the rows repeated wᵢ times (weights_oracles.json,
 * written by oracles/make_weights_oracles.py) on 1, 2 and 3 members; ridge and elastic net against scikit-learn;
 * integer weights equal to repeating the rows, zero weights equal to removing them (bit for bit), fractional
 * weights; bad weights refused; weights with a test split, folds, {@code --missing} and live models.
 */
class WeightedLinearTest {
    private static final int BLOCK = 37;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private static LinearOptions options(String algorithm, double lambda, double alpha, String solver,
                                         RowGrouping g, String missing) {
        return new LinearOptions(algorithm, lambda, alpha, false, true, solver, g, missing, 1_000_000, 1e-13, 0,
                "exact");
    }

    private static LinearOptions ols(String solver) {
        return options("linear", Double.NaN, Double.NaN, solver, RowGrouping.NONE, "error");
    }

    /** Loads {@code csv} on a fresh grid of {@code members}, fits, shuts the grid down. */
    private ModelDocument fit(int members, Path csv, String weights, LinearOptions o) {
        HazelcastInstance[] grid = TestGrids.start(factory, members);
        CsvLoader.load(new DatasetCatalog(grid[0]), csv, "d", CsvOptions.defaults().withBlockSize(BLOCK), null);
        ModelDocument m = LinearTrainer.train(grid[0], new LinearJob("d", "medv", null, weights, o));
        factory.terminateAll();
        return m;
    }

    private static double number(ModelDocument m, String key) {
        return ((Number) m.summary().get(key)).doubleValue();
    }

    private static void close(double expected, double actual, double tol, String what) {
        assertTrue(relErr(actual, expected) <= tol, what + ": " + actual + " vs " + expected + " (relative "
                + relErr(actual, expected) + ")");
    }

    private static void close(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    /** [intercept, coefficients…] and the like from a model: the oracle's order. */
    private static double[] withIntercept(double b0, double[] b) {
        double[] all = new double[b.length + 1];
        all[0] = b0;
        System.arraycopy(b, 0, all, 1, b.length);
        return all;
    }

    private static String withoutProvenance(ModelDocument m) {
        return ModelJson.write(m.withProvenance(null));
    }

    /** The acceptance test of the issue: frequency-weighted OLS on Boston to 1e-9 relative, against statsmodels. */
    @Test
    void weightedOlsMatchesStatsmodelsOnTheRepeatedRowsOnOneTwoAndThreeMembers() {
        JsonNode o = WeightsData.oracle("boston_ols");
        for (String solver : List.of("qr", "cholesky")) {
            String first = null;
            for (int members = 1; members <= 3; members++) {
                ModelDocument m = fit(members, WeightsData.boston(), "w", ols(solver));
                String w = solver + ", " + members + " members: ";
                List<String> features = new ArrayList<>();
                o.get("features").forEach(f -> features.add(f.asText()));
                assertEquals(features, m.features(), w + "the weight column is not a feature");
                close(Oracles.doubles(o.get("params")), withIntercept(m.intercept(), m.coefficients()), 1e-9,
                        w + "params");
                close(Oracles.doubles(o.get("bse")), withIntercept(m.interceptStandardError(), m.standardErrors()),
                        1e-9, w + "bse");
                close(Oracles.doubles(o.get("tvalues")), withIntercept(number(m, "interceptTValue"), m.tValues()),
                        1e-9, w + "tvalues");
                close(Oracles.doubles(o.get("pvalues")), withIntercept(number(m, "interceptPValue"), m.pValues()),
                        1e-9, w + "pvalues");
                for (String[] k : new String[][] {{"rSquared", "rsquared"}, {"adjRSquared", "rsquared_adj"},
                        {"fStatistic", "fvalue"}, {"fPValue", "f_pvalue"}, {"logLikelihood", "llf"}, {"rss", "ssr"},
                        {"sigma2", "scale"}}) {
                    close(o.get(k[1]).asDouble(), number(m, k[0]), 1e-9, w + k[0]);
                }
                assertEquals(o.get("nobs").asDouble(), number(m, "n"), w + "n = Σw");
                assertEquals(o.get("df_resid").asDouble(), number(m, "dfResid"), w + "df = Σw − parameters");
                assertEquals(o.get("rows").asLong(), ((Number) m.provenance().get("rows")).longValue(), w + "rows");
                assertEquals("w", m.extension("weights"), w + "the model records its weight column");
                assertEquals("w", ((Map<?, ?>) m.provenance().get("options")).get("weights"), w + "provenance");
                // the training metrics are weighted too: rows = Σw, mse = RSS/Σw
                assertEquals(o.get("nobs").asDouble(), m.metrics().get("train").get("rows"), w + "metric rows");
                close(o.get("ssr").asDouble() / o.get("nobs").asDouble(), m.metrics().get("train").get("mse"), 1e-9,
                        w + "train mse");
                close(o.get("rsquared").asDouble(), m.metrics().get("train").get("r2"), 1e-9, w + "train r2");
                String json = withoutProvenance(m);
                if (first != null) {
                    assertEquals(first, json, w + "the same bits on every cluster size");
                }
                first = json;
            }
        }
    }

    @Test
    void weightedRidgeAndElasticNetMatchScikitLearnOnTheRepeatedRows() {
        JsonNode r = WeightsData.oracle("boston_ridge");
        for (String solver : List.of("qr", "cholesky")) {
            ModelDocument m = fit(2, WeightsData.boston(), "w",
                    options("ridge", r.get("lambda").asDouble(), Double.NaN, solver, RowGrouping.NONE, "error"));
            close(r.get("intercept").asDouble(), m.intercept(), 1e-9, "ridge " + solver + " intercept");
            close(Oracles.doubles(r.get("coef")), m.coefficients(), 1e-9, "ridge " + solver);
        }
        JsonNode e = WeightsData.oracle("boston_elastic_net");
        ModelDocument m = fit(2, WeightsData.boston(), "w", options("elastic-net", e.get("alpha").asDouble(),
                e.get("l1_ratio").asDouble(), "qr", RowGrouping.NONE, "error"));
        close(e.get("intercept").asDouble(), m.intercept(), 1e-9, "elastic net intercept");
        close(Oracles.doubles(e.get("coef")), m.coefficients(), 1e-9, "elastic net");
    }

    /** A weight of k is the row k times: the weighted fit equals the fit on the physically repeated rows. */
    @Test
    void integerWeightsGiveTheModelOfTheRepeatedRows() {
        Path repeated = WeightsData.repeated(WeightsData.boston(), "w", tmp);
        List<LinearOptions> fits = List.of(ols("qr"), ols("cholesky"),
                options("ridge", 0.01, Double.NaN, "qr", RowGrouping.NONE, "error"),
                options("ridge", 0.01, Double.NaN, "cholesky", RowGrouping.NONE, "error"),
                options("elastic-net", 0.1, 0.5, "qr", RowGrouping.NONE, "error"));
        for (LinearOptions o : fits) {
            String w = o.algorithm() + "/" + o.solver() + ": ";
            ModelDocument a = fit(1, WeightsData.boston(), "w", o);
            ModelDocument b = fit(1, repeated, null, o);
            // elastic net stops at its own tolerance (1e-13 on the scaled change), so its two runs agree to that
            double tol = o.needsCoordinateDescent() ? 1e-10 : 1e-12;
            close(b.intercept(), a.intercept(), tol, w + "intercept");
            close(b.coefficients(), a.coefficients(), tol, w + "coefficients");
            if (!o.penalised()) {
                close(b.standardErrors(), a.standardErrors(), tol, w + "standard errors");
                close(b.tValues(), a.tValues(), tol, w + "t values");
                close(b.pValues(), a.pValues(), 1e-10, w + "p values");
                for (String k : List.of("rSquared", "adjRSquared", "fStatistic", "logLikelihood", "rss", "sigma2")) {
                    close(number(b, k), number(a, k), tol, w + k);
                }
                assertEquals(b.summary().get("n"), a.summary().get("n"), w + "n");
                assertEquals(b.summary().get("dfResid"), a.summary().get("dfResid"), w + "dfResid");
            }
            for (Map.Entry<String, Double> e : b.metrics().get("train").entrySet()) {
                close(e.getValue(), a.metrics().get("train").get(e.getKey()), tol, w + "train " + e.getKey());
            }
        }
    }

    /**
     * A weight of 0 removes the row exactly: with weights 0 and 1, the fit (every pass, both solvers, the metrics)
     * is the same bits as the unweighted fit of the same blocks with the zero-weight rows taken out.
     */
    @Test
    void zeroWeightRowsGiveExactlyTheModelWithoutThem() {
        Path zeroOne = WeightsData.mapWeights(WeightsData.boston(), "w", v -> v == 0 ? 0 : 1, tmp, "zero-one.csv");
        HazelcastInstance hz = TestGrids.start(factory, 1)[0];
        DatasetSchema schema = CsvLoader.load(new DatasetCatalog(hz), zeroOne, "d",
                CsvOptions.defaults().withBlockSize(BLOCK), null);
        List<RowBlock> blocks = WeightsData.blocks(zeroOne, BLOCK);
        int wc = schema.columnIndex("w");
        List<RowBlock> kept = new ArrayList<>();
        int removed = 0;
        for (RowBlock b : blocks) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < b.rows(); r++) {
                if (b.get(r, wc) != 0) {
                    rows.add(r);
                }
            }
            removed += b.rows() - rows.size();
            double[] v = new double[rows.size() * b.cols()];
            for (int c = 0; c < b.cols(); c++) {
                for (int i = 0; i < rows.size(); i++) {
                    v[c * rows.size() + i] = b.get(rows.get(i), c);
                }
            }
            kept.add(new RowBlock(b.blockId(), rows.size(), b.cols(), v));
        }
        JsonNode o0 = WeightsData.oracle("boston_ols");
        assertEquals(o0.get("rows").asInt() - o0.get("rows_positive_weight").asInt(), removed, "zero weights");
        assertTrue(removed > 100);
        List<String> features = schema.columnNames().subList(0, 13);
        for (LinearOptions o : List.of(ols("qr"), ols("cholesky"),
                options("ridge", 0.05, Double.NaN, "qr", RowGrouping.NONE, "error"),
                options("lasso", 0.05, Double.NaN, "qr", RowGrouping.NONE, "error"))) {
            ModelDocument weighted = LinearTrainer.train(new LocalPassRunner(blocks, BLOCK, id -> id % 5), schema,
                    new LinearJob("d", "medv", null, "w", o));
            ModelDocument without = LinearTrainer.train(new LocalPassRunner(kept, BLOCK, id -> id % 5), schema,
                    new LinearJob("d", "medv", features, null, o));
            assertEquals(withoutProvenance(without), withoutProvenance(weighted.withExtensions(null)),
                    o.algorithm() + "/" + o.solver() + ": zero weights are the rows removed, bit for bit");
        }
    }

    /** Weights need not be whole numbers: a quarter of every weight gives the same coefficients and n = Σw / 4. */
    @Test
    void fractionalWeightsScaleTheCountsAndKeepTheCoefficients() {
        Path quarter = WeightsData.mapWeights(WeightsData.boston(), "w", v -> v / 4, tmp, "quarter.csv");
        for (String solver : List.of("qr", "cholesky")) {
            ModelDocument whole = fit(2, WeightsData.boston(), "w", ols(solver));
            ModelDocument part = fit(2, quarter, "w", ols(solver));
            close(whole.intercept(), part.intercept(), 1e-12, solver + " intercept");
            close(whole.coefficients(), part.coefficients(), 1e-12, solver + " coefficients");
            close(number(whole, "rss") / 4, number(part, "rss"), 1e-12, solver + " rss");
            assertEquals(WeightsData.oracle("boston_ols").get("nobs").asDouble() / 4, number(part, "n"));
            assertTrue(part.summary().get("n") instanceof Double, "Σw = 190.5 is written as a decimal");
            assertEquals(number(part, "n") - 14, number(part, "dfResid"), solver + " df");
        }
    }

    private void refused(HazelcastInstance hz, Path csv, String name, LinearSpec spec, String... expected) {
        CsvLoader.load(new DatasetCatalog(hz), csv, name, CsvOptions.defaults().withBlockSize(BLOCK), null);
        BadInputException e = assertThrows(BadInputException.class,
                () -> FitDriver.fit(hz, name, "m-" + name, spec, FitControl.quiet()));
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), e.getMessage() + " should contain " + s);
        }
        assertTrue(ModelStore.forInstance(hz).current("m-" + name).isEmpty(), "nothing stored");
    }

    @Test
    void badWeightsAndWeightColumnsAreRefusedAndNothingIsStored() {
        HazelcastInstance hz = TestGrids.start(factory, 2)[0];
        Path b = WeightsData.boston();
        LinearSpec spec = new LinearSpec("medv", null, "w", ols("qr"), false);
        refused(hz, WeightsData.edited(b, 123, "w", "-1", tmp, "neg.csv"), "neg", spec,
                "row 123, column 'w'", "weight -1.0 is negative or not finite");
        refused(hz, WeightsData.edited(b, 7, "w", "NaN", tmp, "nan.csv"), "nan", spec, "row 7, column 'w'",
                "weight NaN");
        refused(hz, WeightsData.edited(b, 400, "w", "inf", tmp, "inf.csv"), "inf", spec, "row 400, column 'w'",
                "weight Infinity");
        refused(hz, WeightsData.mapWeights(b, "w", v -> 0, tmp, "zeros.csv"), "zeros", spec, "weight 0");
        refused(hz, b, "unknown", new LinearSpec("medv", null, "weight", ols("qr"), false),
                "weights: unknown column 'weight'");
        refused(hz, b, "target", new LinearSpec("medv", null, "medv", ols("qr"), false), "is the target");
        refused(hz, b, "feature", new LinearSpec("medv", List.of("rm", "w"), "w", ols("qr"), false),
                "is the weight column");
        LinearOptions average = new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "qr",
                RowGrouping.NONE, "error", 100, 1e-12, 0, "average");
        OptionException e = assertThrows(OptionException.class, () -> new LinearSpec("medv", null, "w", average,
                false));
        assertEquals("--weights do not combine with --method average: it averages one unweighted fit per block, for"
                + " comparison only; use the exact method", e.forCommandLine());
    }

    /**
     * A held-out test set is its rows' weights set to 0 for the fit (bit for bit), and its metrics are weighted; each
     * cross-validation fold's model is the fit with that fold's weights set to 0, and the pooled CV error is
     * Σ_f Σ_{i ∈ f} wᵢ rᵢ² / Σ_f Σ_{i ∈ f} wᵢ, computed here from the CSV.
     */
    @Test
    void weightsCombineWithATestSplitAndFolds() throws Exception {
        Path b = WeightsData.boston();
        List<String> lines = Files.readAllLines(b);
        RowGrouping split = new RowGrouping(0.25, 4, 11);
        RowGrouping test = new RowGrouping(0.25, 0, 11);
        for (String solver : List.of("qr", "cholesky")) {
            ModelDocument m = fit(1, b, "w", options("linear", Double.NaN, Double.NaN, solver, test, "error"));
            // the same fit without the split, the held-out rows' weights set to 0
            Path zeroed = tmp.resolve("zeroed-" + solver + ".csv");
            List<String> z = new ArrayList<>(List.of(lines.get(0)));
            double testWeight = 0;
            for (int i = 1; i < lines.size(); i++) {
                String[] c = lines.get(i).split(",");
                if (split.group(i - 1) == split.testGroup()) {
                    testWeight += Double.parseDouble(c[14]);
                    c[14] = "0";
                }
                z.add(String.join(",", c));
            }
            Files.write(zeroed, z);
            ModelDocument ref = fit(1, zeroed, "w", ols(solver));
            assertEquals(ref.intercept(), m.intercept(), 0.0, solver + ": held-out rows are weight 0 for the fit");
            assertArrayEquals(ref.coefficients(), m.coefficients(), 0.0, solver);
            assertArrayEquals(ref.standardErrors(), m.standardErrors(), 0.0, solver);
            assertEquals(testWeight, m.metrics().get("test").get("rows"), solver + ": test rows = their Σw");
            m = fit(1, b, "w", options("linear", Double.NaN, Double.NaN, solver, split, "error"));
            // cross-validation: fold f's model is the fit with fold f (and the test set) at weight 0
            double rss = 0;
            double weight = 0;
            for (int f = 0; f < 4; f++) {
                Path foldFile = tmp.resolve("fold" + f + solver + ".csv");
                List<String> fl = new ArrayList<>(List.of(lines.get(0)));
                List<double[]> held = new ArrayList<>();
                for (int i = 1; i < lines.size(); i++) {
                    String[] c = lines.get(i).split(",");
                    int g = split.group(i - 1);
                    if (g == f) {
                        double[] row = new double[15];
                        for (int j = 0; j < 15; j++) {
                            row[j] = Double.parseDouble(c[j]);
                        }
                        held.add(row);
                    }
                    if (g == f || g == split.testGroup()) {
                        c[14] = "0";
                    }
                    fl.add(String.join(",", c));
                }
                Files.write(foldFile, fl);
                ModelDocument fm = fit(1, foldFile, "w", ols("cholesky"));
                for (double[] row : held) {
                    double yhat = fm.intercept();
                    for (int j = 0; j < 13; j++) {
                        yhat += fm.coefficients()[j] * row[j];
                    }
                    rss += row[14] * (row[13] - yhat) * (row[13] - yhat);
                    weight += row[14];
                }
            }
            close(rss / weight, m.metrics().get("cv").get("mse"), 1e-10, solver + ": pooled CV mse");
            assertEquals(weight, m.metrics().get("cv").get("rows"), solver + ": CV rows = Σw of the training rows");
        }
    }

    /**
     * {@code --missing skip} leaves rows with a missing feature out whatever their weight (the fit of the rows
     * removed); {@code --missing mean} fills with the weighted mean Σ wᵢ xᵢ / Σ wᵢ of the finite training values,
     * and the fit is then the fit of the filled table.
     */
    @Test
    void weightsCombineWithMissingSkipAndMean() throws Exception {
        Path b = WeightsData.boston();
        List<String> lines = Files.readAllLines(b);
        List<String> holed = new ArrayList<>(List.of(lines.get(0)));
        List<String> without = new ArrayList<>(List.of(lines.get(0)));
        int[] holes = {3, 50, 51, 200, 333, 480};
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            if (java.util.Arrays.binarySearch(holes, i - 1) >= 0) {
                c[5] = ""; // rm
                holed.add(String.join(",", c));
            } else {
                holed.add(lines.get(i));
                without.add(lines.get(i));
            }
        }
        Path holedFile = Files.write(tmp.resolve("holed.csv"), holed);
        Path withoutFile = Files.write(tmp.resolve("without.csv"), without);
        ModelDocument skipped = fit(2, holedFile, "w", options("linear", Double.NaN, Double.NaN, "cholesky",
                RowGrouping.NONE, "skip"));
        ModelDocument removed = fit(2, withoutFile, "w", ols("cholesky"));
        close(removed.intercept(), skipped.intercept(), 1e-12, "skip: intercept");
        close(removed.coefficients(), skipped.coefficients(), 1e-12, "skip: coefficients");
        close(removed.standardErrors(), skipped.standardErrors(), 1e-12, "skip: standard errors");
        assertEquals(removed.summary().get("n"), skipped.summary().get("n"), "skip: n = Σw of the rows kept");

        ModelDocument filled = fit(2, holedFile, "w", options("linear", Double.NaN, Double.NaN, "qr",
                RowGrouping.NONE, "mean"));
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal sw = BigDecimal.ZERO;
        for (int i = 1; i < lines.size(); i++) {
            if (java.util.Arrays.binarySearch(holes, i - 1) < 0) {
                String[] c = lines.get(i).split(",");
                BigDecimal w = new BigDecimal(Double.parseDouble(c[14]));
                s = s.add(w.multiply(new BigDecimal(Double.parseDouble(c[5]))));
                sw = sw.add(w);
            }
        }
        double mean = s.divide(sw, new MathContext(40)).doubleValue();
        assertEquals(mean, filled.imputation().values()[5], 0.0, "the weighted mean of rm's finite values");
        List<String> written = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < holed.size(); i++) {
            written.add(holed.get(i).replace(",,", "," + mean + ","));
        }
        ModelDocument table = fit(2, Files.write(tmp.resolve("written.csv"), written), "w", ols("qr"));
        assertEquals(table.intercept(), filled.intercept(), 0.0, "mean: the fit of the filled table");
        assertArrayEquals(table.coefficients(), filled.coefficients(), 0.0);
        assertArrayEquals(table.standardErrors(), filled.standardErrors(), 0.0);
    }

    /** A live weighted model follows appends and equals a full refit bit for bit; a bad weight appended is refused. */
    @Test
    void aLiveWeightedModelEqualsARefitAfterAppends() throws Exception {
        List<String> lines = Files.readAllLines(WeightsData.boston());
        Path first = Files.write(tmp.resolve("first.csv"), lines.subList(0, 301));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(301, lines.size()));
        Path second = Files.write(tmp.resolve("second.csv"), rest);
        HazelcastInstance hz = TestGrids.start(factory, 3)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        CsvLoader.load(catalog, first, "boston", CsvOptions.defaults().withBlockSize(64), null);
        LinearJob job = new LinearJob("boston", "medv", null, "w", LinearOptions.ols().withSolver("cholesky"));
        ModelDocument v1 = LiveModels.register(hz, "live", job);
        assertEquals("w", v1.extension("weights"));
        List<ModelDocument> updated = LiveModels.onAppend(hz, DatasetAppender.appendCsv(catalog, "boston", second,
                null));
        ModelDocument live = updated.get(0);
        ModelDocument refit = LinearTrainer.train(hz, job);
        assertEquals(refit.intercept(), live.intercept(), 0.0, "live = refit, bit for bit");
        assertArrayEquals(refit.coefficients(), live.coefficients(), 0.0);
        assertArrayEquals(refit.standardErrors(), live.standardErrors(), 0.0);
        assertEquals(refit.summary().get("n"), live.summary().get("n"));
        close(Oracles.doubles(WeightsData.oracle("boston_ols").get("params")),
                withIntercept(live.intercept(), live.coefficients()), 1e-9, "live, all rows: statsmodels");

        List<String> bad = new ArrayList<>(List.of(lines.get(0)));
        bad.add(lines.get(5).replaceAll(",[0-9]$", ",-2"));
        DatasetAppender.Appended a = DatasetAppender.appendCsv(catalog, "boston",
                Files.write(tmp.resolve("bad.csv"), bad), null);
        BadInputException e = assertThrows(BadInputException.class, () -> LiveModels.onAppend(hz, a));
        assertTrue(e.getMessage().contains("negative or non-finite weight in 'w'"), e.getMessage());
        assertEquals(live.version(), ModelStore.forInstance(hz).get("live").version(), "nothing published");
    }

    @Test
    void anUnweightedFitHasNoWeightsField() {
        ModelDocument m = fit(1, WeightsData.boston(), null, ols("qr"));
        assertNull(m.extension("weights"));
        assertTrue(m.features().contains("w"), "without --weights, w is an ordinary feature");
    }
}
