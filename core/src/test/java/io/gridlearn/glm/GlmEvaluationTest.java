package io.gridlearn.glm;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.runtime.Learners;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evaluate} and predictions of GLMs against statsmodels and scikit-learn
 * ({@code oracles/glm_eval_oracles.json}, written by {@code oracles/make_glm_eval_oracles.py}: fits on three rows
 * in four of each seeded oracle file, every number on the fourth row held out) and against
 * {@code oracles/glm_oracles.json} on the training data; the grid's answer on 1, 2 and 3 members is the bits of
 * the single-JVM reference ({@link LocalPassRunner} over the same blocks).
 */
class GlmEvaluationTest {
    /** Metrics against statsmodels / scikit-learn. */
    private static final double REL = 1e-9;

    @TempDir
    Path tmp;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private static void close(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (rel " + Math.abs(expected - actual)
                        / Math.abs(expected) + ")");
    }

    /** The training (i % 4 != 3) or held-out (i % 4 == 3) data rows of an oracle CSV, as a file. */
    private Path split(String resource, boolean heldOut) throws IOException {
        List<String> lines = Files.readAllLines(GlmTestData.path(resource));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if ((i % 4 == 3) == heldOut) {
                out.add(lines.get(i + 1));
            }
        }
        Path p = tmp.resolve(resource.replace('/', '_') + (heldOut ? ".test.csv" : ".train.csv"));
        Files.write(p, out);
        return p;
    }

    private static ModelDocument fitLocal(Path csv, GlmSpec spec) {
        GlmTestData.Local d = GlmTestData.local(csv, 250);
        GlmOptions o = spec.options();
        int w = o.weights() == null ? -1 : d.col(o.weights());
        int off = o.offset() == null ? -1 : d.col(o.offset());
        return new GlmTrainer(d.runner(), d.cols(spec.features()), d.col(spec.target()), w, off, spec.features(),
                spec.target(), d.names(), o).fit(null, null);
    }

    /** The evaluation over the grid's blocks of {@code dataset} in one JVM: the reference. */
    private static Map<String, Object> reference(DatasetCatalog catalog, String dataset, ModelDocument m) {
        DatasetSchema schema = catalog.get(dataset);
        List<RowBlock> blocks = new ArrayList<>(new TreeMap<>(catalog.blocks(schema)).values());
        return Learners.evaluate(m, new LocalPassRunner(blocks, schema.blockSize()), schema).orElseThrow();
    }

    private static double num(Map<String, Object> m, String key) {
        assertTrue(m.get(key) instanceof Number, key + " in " + m);
        return ((Number) m.get(key)).doubleValue();
    }

    /** One held-out case: the oracle's fit conditions, and the model gridlearn fits on the training rows. */
    private record HeldOut(String name, GlmSpec spec, JsonNode expected, ModelDocument model, Path test) {
    }

    private List<HeldOut> heldOutCases() throws IOException {
        JsonNode oracles = GlmTestData.json("/oracles/glm_eval_oracles.json").path("cases");
        List<HeldOut> out = new ArrayList<>();
        for (GlmOracleTest.Case c : GlmOracleTest.cases()) {
            JsonNode e = oracles.path(c.name());
            if (e.isMissingNode()) {
                continue; // randhie: no held-out oracle
            }
            ModelDocument m = fitLocal(split(c.resource(), false), c.spec());
            double[] params = GlmTestData.doubles(e.path("params"));
            close(params[0], m.intercept(), REL, c.name() + " intercept on the training rows");
            for (int j = 1; j < params.length; j++) {
                close(params[j], m.coefficients()[j - 1], REL, c.name() + " coefficient " + j);
            }
            out.add(new HeldOut(c.name(), c.spec(), e, m, split(c.resource(), true)));
        }
        assertEquals(8, out.size(), "every held-out oracle case");
        return out;
    }

    /**
     * Held-out metrics as statsmodels' family deviance and scikit-learn's metrics, and the same bits on 1, 2 and 3
     * members as the single-JVM reference.
     */
    @Test
    void heldOutMetricsAsStatsmodelsAndScikitLearnWithTheReferenceBitsOnOneTwoAndThreeMembers() throws IOException {
        List<HeldOut> cases = heldOutCases();
        Map<String, Map<String, Object>> reference = new LinkedHashMap<>();
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            for (HeldOut h : cases) {
                String name = h.name().replace('_', '-');
                CsvLoader.load(catalog, h.test(), name, CsvOptions.defaults().withBlockSize(64), null);
                if (members == 1) {
                    reference.put(h.name(), reference(catalog, name, h.model()));
                }
                Map<String, Object> got = GridScoring.evaluateAny(grid[0], h.model(), name);
                assertEquals(reference.get(h.name()), got, h.name() + " on " + members + " members vs the reference");
            }
            factory.terminateAll();
        }
        for (HeldOut h : cases) {
            Map<String, Object> m = reference.get(h.name());
            JsonNode e = h.expected();
            String n = h.name();
            assertEquals(e.path("test_rows").asLong(), ((Number) m.get("rows")).longValue(), n + " rows");
            assertFalse(m.containsKey("rowsSkipped"), n);
            close(e.path("deviance").asDouble(), num(m, "deviance"), REL, n + " deviance (statsmodels)");
            close(e.path("mean_deviance").asDouble(), num(m, "meanDeviance"), REL, n + " mean deviance");
            if (!e.path("sklearn_mean_deviance").isNull()) {
                close(e.path("sklearn_mean_deviance").asDouble(), num(m, "meanDeviance"), REL,
                        n + " mean deviance (scikit-learn)");
            }
            close(e.path("rmse").asDouble(), num(m, "rmse"), REL, n + " rmse");
            close(e.path("mae").asDouble(), num(m, "mae"), REL, n + " mae");
            if (h.spec().options().weights() != null) {
                assertEquals(h.spec().options().weights(), m.get("weights"));
                assertEquals(e.path("test_weight_sum").asDouble(), num(m, "weightSum"), n + " Σ weights");
            } else {
                assertFalse(m.containsKey("weights"), n + " is not weighted");
            }
            Family f = h.spec().options().family();
            assertEquals(f == Family.GAUSSIAN, m.containsKey("r2"), n + " r2 only for gaussian");
            assertEquals(f == Family.BINOMIAL, m.containsKey("logLoss"), n + " logLoss only for binomial");
            if (f == Family.GAUSSIAN) {
                close(e.path("r2").asDouble(), num(m, "r2"), REL, n + " r2");
                assertEquals(num(m, "meanDeviance"), num(m, "mse"), 0.0, "gaussian: the mean deviance is the mse");
            }
            if (f == Family.BINOMIAL) {
                close(e.path("log_loss").asDouble(), num(m, "logLoss"), REL, n + " log loss");
                aucWithinItsBinning(h, num(m, "auc"), e.path("auc").asDouble());
            }
            System.out.println("glm evaluate " + n + ": " + m);
        }
    }

    /**
     * The binned AUC against scikit-learn's exact one: they differ only by positive-negative pairs whose scores
     * share a bin (counted one half), so by at most half their share of all pairs; and the binned value is the
     * plain pairwise count with those ties, computed here row by row.
     */
    private void aucWithinItsBinning(HeldOut h, double auc, double exact) throws IOException {
        RowPredictor p = Predictors.of(h.model());
        List<String> lines = Files.readAllLines(h.test());
        List<String> header = List.of(lines.get(0).split(","));
        List<double[]> pos = new ArrayList<>();
        List<double[]> neg = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double[] x = new double[h.spec().features().size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = Double.parseDouble(c[header.indexOf(h.spec().features().get(j))]);
            }
            double mu = p.predict(x);
            double[] s = {mu, GlmEvalKernel.bin(mu)};
            (Double.parseDouble(c[header.indexOf("y")]) == 1 ? pos : neg).add(s);
        }
        double binned = 0;
        double sameBin = 0;
        for (double[] a : pos) {
            for (double[] b : neg) {
                binned += a[1] > b[1] ? 1 : a[1] == b[1] ? 0.5 : 0;
                sameBin += a[1] == b[1] ? 1 : 0;
            }
        }
        double pairs = (double) pos.size() * neg.size();
        close(binned / pairs, auc, 1e-12, h.name() + " binned AUC vs the pairwise count");
        assertTrue(Math.abs(auc - exact) <= 0.5 * sameBin / pairs + 1e-12, h.name() + " AUC " + auc
                + " vs scikit-learn's " + exact + ": " + sameBin + " of " + pairs + " pairs share a bin");
    }

    /** Predictions on both scales for the first held-out rows as statsmodels' predict(…, linear=True|False). */
    @Test
    void predictionsOnBothScalesAsStatsmodels() throws IOException {
        for (HeldOut h : heldOutCases()) {
            RowPredictor link = Predictors.of(h.model(), PredictionType.LINK);
            RowPredictor response = Predictors.of(h.model(), PredictionType.RESPONSE);
            List<String> lines = Files.readAllLines(h.test());
            List<String> header = List.of(lines.get(0).split(","));
            List<String> inputs = new ArrayList<>(h.spec().features());
            if (h.spec().options().offset() != null) {
                inputs.add(h.spec().options().offset());
            }
            assertEquals(inputs.size(), h.model().features().size() + Predictors.inputs(h.model()).size());
            double[] eta = GlmTestData.doubles(h.expected().path("eta_head"));
            double[] mu = GlmTestData.doubles(h.expected().path("mu_head"));
            for (int i = 0; i < eta.length; i++) {
                String[] c = lines.get(i + 1).split(",");
                double[] x = new double[inputs.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = Double.parseDouble(c[header.indexOf(inputs.get(j))]);
                }
                assertTrue(Math.abs(eta[i] - link.predict(x)) <= REL * (1 + Math.abs(eta[i])),
                        h.name() + " η of held-out row " + i + ": " + eta[i] + " vs " + link.predict(x));
                close(mu[i], response.predict(x), REL, h.name() + " μ of held-out row " + i);
                Distribution d = GlmLearner.distribution(h.model());
                assertEquals(d.inverse(link.predict(x)), response.predict(x), 0.0, "μ is g⁻¹ of the same η bits");
            }
        }
    }

    /**
     * On the training data, the mean deviance is statsmodels' deviance / Σ weights (its {@code wnobs}; the row count
     * when unweighted) and the deviance statsmodels' (glm_oracles.json, oracles-glm-public.json), every case.
     */
    @Test
    void onTheTrainingDataTheMeanDevianceIsStatsmodelsDevianceOverNobs() {
        HazelcastInstance[] grid = TestGrids.start(factory, 1);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        for (GlmOracleTest.Case c : GlmOracleTest.cases()) {
            CsvLoader.load(catalog, GlmTestData.path(c.resource()), c.name(),
                    CsvOptions.defaults().withBlockSize(c.name().equals("randhie") ? 1000 : 250), null);
            ModelDocument m = FitDriver.fit(grid[0], c.name(), "glm-" + c.name().replace('_', '-'), c.spec(),
                    FitControl.quiet());
            Map<String, Object> ev = GridScoring.evaluateAny(grid[0], m, c.name());
            double deviance = c.expected().path("deviance").asDouble();
            // statsmodels' weighted nobs (wnobs, Σ freq_weights): df_resid + the number of parameters
            double nobs = c.expected().path("df_resid").asDouble() + c.expected().path("params").size();
            close(deviance / nobs, num(ev, "meanDeviance"), REL, c.name() + " deviance / nobs");
            close(deviance, num(ev, "deviance"), REL, c.name() + " deviance");
            close(((Number) m.metrics().get("train").get("meanDeviance")).doubleValue(), num(ev, "meanDeviance"),
                    REL, c.name() + " the fit's own training mean deviance");
        }
    }

    /** Bad data for evaluate: one clear message each, nothing computed. */
    @Test
    void badDataIsRefusedNamingWhatIsWrong() throws IOException {
        HazelcastInstance[] grid = TestGrids.start(factory, 1);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        Map<String, GlmOracleTest.Case> byName = new LinkedHashMap<>();
        GlmOracleTest.cases().forEach(c -> byName.put(c.name(), c));

        GlmOracleTest.Case po = byName.get("poisson_offset");
        ModelDocument offsetModel = fitLocal(GlmTestData.path(po.resource()), po.spec());
        Path noOffset = edit(po.resource(), "no-offset.csv", (header, cells) -> {
            header.remove(3);
            cells.remove(3);
        });
        CsvLoader.load(catalog, noOffset, "no-offset", CsvOptions.defaults(), null);
        BadInputException e = assertThrows(BadInputException.class,
                () -> GridScoring.evaluateAny(grid[0], offsetModel, "no-offset"));
        assertTrue(e.getMessage().startsWith("dataset 'no-offset' has no column 'logexp' that the model needs: the"
                + " offset"), e.getMessage());

        Path negative = edit(po.resource(), "negative.csv", (header, cells) -> {
            if (cells.get(0).equals("2.475414")) {
                cells.set(4, "-1");
            }
        });
        CsvLoader.load(catalog, negative, "negative", CsvOptions.defaults(), null);
        e = assertThrows(BadInputException.class, () -> GridScoring.evaluateAny(grid[0], offsetModel, "negative"));
        assertEquals("dataset 'negative': 1 row(s) have a response (column 'y') outside the poisson family's support"
                + " (a non-negative count is needed); the deviance is not defined for them", e.getMessage());

        Path holed = edit(po.resource(), "holed.csv", (header, cells) -> {
            if (cells.get(0).equals("2.475414")) {
                cells.set(3, "");
            }
        });
        CsvLoader.load(catalog, holed, "holed", CsvOptions.defaults(), null);
        Map<String, Object> ev = GridScoring.evaluateAny(grid[0], offsetModel, "holed");
        assertEquals(1L, ev.get("rowsSkipped"), "a row without its offset is left out and counted");
        assertEquals(1999L, ev.get("rows"));

        GlmOracleTest.Case gi = byName.get("gamma_inverse");
        ModelDocument inverse = fitLocal(GlmTestData.path(gi.resource()), gi.spec());
        Path far = edit(gi.resource(), "far.csv", (header, cells) -> cells.set(0, "-1000"));
        CsvLoader.load(catalog, far, "far", CsvOptions.defaults(), null);
        e = assertThrows(BadInputException.class, () -> GridScoring.evaluateAny(grid[0], inverse, "far"));
        assertTrue(e.getMessage().startsWith("dataset 'far': the model's inverse link gives 2000 row(s) a fitted mean"
                + " outside the gamma family's domain (a positive mean is needed)"), e.getMessage());

        GlmOracleTest.Case pw = byName.get("poisson_weights");
        ModelDocument weighted = fitLocal(GlmTestData.path(pw.resource()), pw.spec());
        Path negW = edit(pw.resource(), "neg-weight.csv", (header, cells) -> {
            if (cells.get(0).equals("0.169061")) {
                cells.set(2, "-2");
            }
        });
        CsvLoader.load(catalog, negW, "neg-weight", CsvOptions.defaults(), null);
        e = assertThrows(BadInputException.class, () -> GridScoring.evaluateAny(grid[0], weighted, "neg-weight"));
        assertEquals("dataset 'neg-weight': 1 row(s) have a negative weight in column 'w' (the model's frequency"
                + " weights); weights must be >= 0", e.getMessage());

        Path noW = edit(pw.resource(), "no-weights.csv", (header, cells) -> {
            header.remove(2);
            cells.remove(2);
        });
        CsvLoader.load(catalog, noW, "no-weights", CsvOptions.defaults(), null);
        ev = GridScoring.evaluateAny(grid[0], weighted, "no-weights");
        assertFalse(ev.containsKey("weights"), "without the weights column every row weighs 1: " + ev);
        assertEquals(600L, ev.get("rows"));
    }

    /** Edits every data row (and once the header) of an oracle CSV. */
    private Path edit(String resource, String name,
                      java.util.function.BiConsumer<List<String>, List<String>> change) throws IOException {
        List<String> lines = Files.readAllLines(GlmTestData.path(resource));
        List<String> header = new ArrayList<>(List.of(lines.get(0).split(",")));
        List<String> out = new ArrayList<>();
        List<String> h = null;
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            List<String> hh = new ArrayList<>(header);
            change.accept(hh, cells);
            h = hh;
            out.add(String.join(",", cells));
        }
        out.add(0, String.join(",", h));
        Path p = tmp.resolve(name);
        Files.write(p, out);
        return p;
    }
}
