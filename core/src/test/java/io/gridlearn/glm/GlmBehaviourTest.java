package io.gridlearn.glm;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.runtime.Learners;
import io.gridlearn.OptionException;
import io.gridlearn.runtime.OptionValues;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input, frequency weights, resume, penalties, prediction and options of the glm learner. */
class GlmBehaviourTest {
    private static final List<String> F3 = List.of("x1", "x2", "x3");

    @TempDir
    Path tmp;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private static ModelDocument fitLocal(GlmTestData.Local d, List<String> features, String target, GlmOptions o,
                                          IterationListener l, ModelDocument resume) {
        int w = o.weights() == null ? -1 : d.col(o.weights());
        int off = o.offset() == null ? -1 : d.col(o.offset());
        return new GlmTrainer(d.runner(), d.cols(features), d.col(target), w, off, features, target, d.names(), o)
                .fit(l, resume);
    }

    private Path csv(String name, List<String> lines) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, lines);
        return p;
    }

    /** The oracle CSV with line {@code line} (1-based data row) replaced. */
    private Path edited(String resource, int row, String column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(GlmTestData.path(resource)));
        List<String> header = List.of(lines.get(0).split(","));
        String[] cells = lines.get(row + 1).split(",", -1);
        cells[header.indexOf(column)] = value;
        lines.set(row + 1, String.join(",", cells));
        return csv(column + row + Math.abs(value.hashCode()) + ".csv", lines);
    }

    private void refused(HazelcastInstance hz, Path file, GlmOptions o, String... expected) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        String name = "d" + Math.abs(file.getFileName().toString().hashCode());
        CsvLoader.load(catalog, file, name, CsvOptions.defaults().withBlockSize(300), null);
        BadInputException e = assertThrows(BadInputException.class,
                () -> FitDriver.fit(hz, name, "m-" + name, new GlmSpec("y", null, o, 42), FitControl.quiet()));
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), e.getMessage() + " should contain " + s);
        }
        assertTrue(ModelStore.forInstance(hz).current("m-" + name).isEmpty(), "nothing stored");
    }

    @Test
    void badInputIsRefusedNamingTheRowAndColumnAndNothingIsStored() throws IOException {
        HazelcastInstance hz = TestGrids.start(factory, 1)[0];
        String offset = "/oracles/glm/poisson_offset.csv";
        GlmOptions poisson = GlmOptions.of(Family.POISSON).withOffset("logexp");
        refused(hz, edited(offset, 1234, "y", "-1"), poisson, "row 1234, column 'y'", "non-negative count", "-1.0");
        refused(hz, edited(offset, 77, "logexp", "NaN"), poisson, "row 77, column 'logexp'", "offset");
        refused(hz, edited(offset, 5, "logexp", "inf"), poisson, "row 5, column 'logexp'");
        refused(hz, edited("/oracles/glm/gamma_log.csv", 1500, "y", "0"), GlmOptions.of(Family.GAMMA),
                "row 1500, column 'y'", "gamma family needs a positive value");
        refused(hz, edited("/oracles/glm/binomial.csv", 9, "y", "1.5"), GlmOptions.of(Family.BINOMIAL),
                "row 9, column 'y'", "[0, 1]", "1.5");
        refused(hz, edited("/oracles/glm/poisson_weights.csv", 321, "w", "-2"),
                GlmOptions.of(Family.POISSON).withWeights("w"), "row 321, column 'w'", "weight -2.0");
        refused(hz, edited("/oracles/glm/poisson_weights.csv", 3, "x2", "NaN"),
                GlmOptions.of(Family.POISSON).withWeights("w"), "row 3, column 'x2'", "--missing skip");
    }

    @Test
    void aFrequencyWeightIsTheRowRepeatedAndZeroRemovesIt() throws IOException {
        Path file = GlmTestData.path("/oracles/glm/poisson_weights.csv");
        List<String> lines = Files.readAllLines(file);
        List<String> expanded = new ArrayList<>(List.of("x1,x2,y"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            for (int k = 0; k < (int) Double.parseDouble(c[2]); k++) {
                expanded.add(c[0] + "," + c[1] + "," + c[3]);
            }
        }
        GlmTestData.Local weighted = GlmTestData.local(file, 100);
        GlmTestData.Local repeated = GlmTestData.local(csv("expanded.csv", expanded), 100);
        List<String> f = List.of("x1", "x2");
        ModelDocument a = fitLocal(weighted, f, "y", GlmOptions.of(Family.POISSON).withWeights("w"), null, null);
        ModelDocument b = fitLocal(repeated, f, "y", GlmOptions.of(Family.POISSON), null, null);
        assertEquals(b.intercept(), a.intercept(), 1e-12 * Math.abs(b.intercept()));
        for (int j = 0; j < 2; j++) {
            assertEquals(b.coefficients()[j], a.coefficients()[j], 1e-12 * Math.abs(b.coefficients()[j]));
            assertEquals(b.standardErrors()[j], a.standardErrors()[j], 1e-12 * b.standardErrors()[j]);
        }
        for (String k : List.of("deviance", "pearsonChi2", "logLikelihood", "aic", "dfResid", "nullDeviance")) {
            double x = ((Number) a.summary().get(k)).doubleValue();
            double y = ((Number) b.summary().get(k)).doubleValue();
            assertEquals(y, x, 1e-11 * Math.abs(y), k);
        }
        assertEquals(expanded.size() - 1.0, ((Number) a.summary().get("nobs")).doubleValue());
    }

    @Test
    void missingSkipLeavesOutRowsWithANonFiniteFeature() throws IOException {
        Path file = GlmTestData.path("/oracles/glm/poisson_weights.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> without = new ArrayList<>(lines);
        for (int row : new int[] {40, 7}) { // data rows, removed from the end first
            String[] c = lines.get(row + 1).split(",");
            c[1] = row == 7 ? "NaN" : "";
            lines.set(row + 1, String.join(",", c));
            without.remove(row + 1);
        }
        List<String> f = List.of("x1", "x2");
        GlmOptions o = GlmOptions.of(Family.POISSON).withWeights("w");
        ModelDocument skipped = fitLocal(GlmTestData.local(csv("holes.csv", lines), 100), f, "y",
                o.withMissing("skip"), null, null);
        ModelDocument reference = fitLocal(GlmTestData.local(csv("without.csv", without), 100), f, "y", o, null,
                null);
        assertEquals(2L, ((Number) skipped.summary().get("skippedRows")).longValue());
        assertEquals(reference.intercept(), skipped.intercept(), 1e-13 * Math.abs(reference.intercept()));
        assertArrayEquals(reference.standardErrors(), skipped.standardErrors(), 1e-13);
        for (String k : List.of("deviance", "nullDeviance", "pearsonChi2", "logLikelihood")) {
            double a = ((Number) reference.summary().get(k)).doubleValue();
            assertEquals(a, ((Number) skipped.summary().get(k)).doubleValue(), 1e-13 * Math.abs(a), k);
        }
    }

    @Test
    void aResumedFitReachesTheSameBits() {
        GlmTestData.Local d = GlmTestData.local(GlmTestData.path("/oracles/glm/gamma_inverse.csv"), 250);
        List<String> f = List.of("u1", "u2", "x3");
        GlmOptions o = GlmOptions.of(Family.GAMMA);
        List<ModelDocument> checkpoints = new ArrayList<>();
        ModelDocument full = fitLocal(d, f, "y", o, checkpoints::add, null);
        assertTrue(checkpoints.size() >= 4, "iterations " + checkpoints.size());
        for (int k : new int[] {0, 2}) {
            ModelDocument stored = ModelJson.read(ModelJson.write(checkpoints.get(k)), "checkpoint"); // through JSON, as stored
            ModelDocument resumed = fitLocal(d, f, "y", o, null, stored);
            assertEquals(ModelJson.write(full), ModelJson.write(resumed), "resumed after iteration " + (k + 1));
        }
        ModelDocument other = checkpoints.get(1);
        assertThrows(BadInputException.class, () -> fitLocal(d, f, "y", o.withLink(Link.LOG), null, other));
    }

    @Test
    void penalisedFitsSatisfyTheirOptimalityConditions() {
        GlmTestData.Local d = GlmTestData.local(GlmTestData.path("/oracles/glm/negbin.csv"), 250);
        for (double alpha : new double[] {0.0, 0.5, 1.0}) {
            double lambda = 0.05;
            GlmOptions o = GlmOptions.of(Family.POISSON).withPenalty(lambda, alpha);
            ModelDocument m = fitLocal(d, F3, "y", o, null, null);
            // gradient of (1/n) Σ d_i/2 for Poisson-log: −(1/n) Σ (y − μ) x
            int[] cols = d.cols(F3);
            int y = d.col("y");
            double[] g = new double[4];
            long n = 0;
            for (RowBlock b : d.blocks()) {
                for (int r = 0; r < b.rows(); r++) {
                    double eta = m.intercept();
                    for (int j = 0; j < 3; j++) {
                        eta += m.coefficients()[j] * b.get(r, cols[j]);
                    }
                    double res = b.get(r, y) - Math.exp(eta);
                    g[0] -= res;
                    for (int j = 0; j < 3; j++) {
                        g[j + 1] -= res * b.get(r, cols[j]);
                    }
                    n++;
                }
            }
            assertEquals(0.0, g[0] / n, 1e-9, "intercept");
            for (int j = 0; j < 3; j++) {
                double bj = m.coefficients()[j];
                double smooth = g[j + 1] / n + lambda * (1 - alpha) * bj;
                if (bj != 0.0) {
                    assertEquals(0.0, smooth + lambda * alpha * Math.signum(bj), 1e-9, "coef " + j);
                } else {
                    assertTrue(Math.abs(smooth) <= lambda * alpha + 1e-9, "zero coef " + j);
                }
            }
            assertEquals(null, m.standardErrors(), "no standard errors for penalised fits");
        }
    }

    @Test
    void predictionIsOnTheResponseScaleAndAnOffsetModelReadsItsOffsetAfterTheFeatures() {
        GlmTestData.Local d = GlmTestData.local(GlmTestData.path("/oracles/glm/gamma_inverse.csv"), 250);
        List<String> f = List.of("u1", "u2", "x3");
        ModelDocument m = fitLocal(d, f, "y", GlmOptions.of(Family.GAMMA), null, null);
        ModelDocument back = ModelJson.read(ModelJson.write(m), "model file");
        Learners.validate(back, "model file");
        RowPredictor p = Learners.predictor(back);
        double[] x = {0.5, 0.25, 1};
        double eta = m.intercept() + m.coefficients()[0] * 0.5 + m.coefficients()[1] * 0.25 + m.coefficients()[2];
        assertEquals(1.0 / eta, p.predict(x), 1e-15 / eta);
        assertEquals("gamma", back.extension("family"));
        assertEquals("inverse", back.extension("link"));
        assertEquals(-1.0, ((Number) back.extension("linkPower")).doubleValue());

        GlmTestData.Local o = GlmTestData.local(GlmTestData.path("/oracles/glm/poisson_offset.csv"), 250);
        ModelDocument withOffset = fitLocal(o, F3, "y", GlmOptions.of(Family.POISSON).withOffset("logexp"), null,
                null);
        assertEquals("logexp", withOffset.extension("offset"));
        assertEquals(List.of(new io.gridlearn.model.InputColumn("logexp", Learners.inputs(withOffset).get(0).role())),
                Learners.inputs(withOffset), "the offset column is the model's one extra input");
        assertEquals(List.of(), Learners.inputs(m), "a model without an offset reads its features only");
        double mean = GlmLearner.predictMean(withOffset, new double[] {0.1, 0.2, 1}, Math.log(2));
        double eta2 = withOffset.intercept() + withOffset.coefficients()[0] * 0.1
                + withOffset.coefficients()[1] * 0.2 + withOffset.coefficients()[2] + Math.log(2);
        assertEquals(Math.exp(eta2), mean, 1e-15 * mean);
        double[] row = {0.1, 0.2, 1, Math.log(2)};
        assertEquals(mean, Learners.predictor(withOffset).predict(row), 0.0, "the same bits as predictMean");
        double link = Learners.predictor(withOffset, io.gridlearn.PredictionType.LINK).predict(row);
        assertEquals(eta2, link, 1e-15 * Math.abs(eta2), "the link scale: x·b + offset");
        assertEquals(Math.exp(link), mean, 0.0, "the response is g⁻¹ of the link-scale bits");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Learners.predictor(withOffset).predict(new double[] {0.1, 0.2, 1}));
        assertTrue(e.getMessage().contains("offset 'logexp'"), e.getMessage());
    }

    @Test
    void optionsAreValidatedNamingTheOption() {
        GlmLearner l = new GlmLearner();
        assertThrows(BadInputException.class, () -> l.spec("glm", new OptionValues(Map.of())));
        OptionException e = assertThrows(OptionException.class,
                () -> l.spec("glm", new OptionValues(Map.of("family", "poisson", "variancePower", 1.5))));
        assertEquals("--variance-power is for the tweedie family only, not poisson", e.forCommandLine());
        e = assertThrows(OptionException.class, () -> l.spec("glm", new OptionValues(Map.of("family", "cauchy"))));
        assertTrue(e.forCommandLine().startsWith("--family must be one of gaussian, binomial"), e.getMessage());
        e = assertThrows(OptionException.class,
                () -> l.spec("glm", new OptionValues(Map.of("family", "negative-binomial", "nbAlpha", -1.0))));
        assertEquals("nbAlpha", e.option());
        e = assertThrows(OptionException.class,
                () -> l.spec("glm", new OptionValues(Map.of("family", "gamma", "linkPower", 0.5, "link", "log"))));
        assertEquals("linkPower", e.option());
        GlmSpec s = (GlmSpec) l.spec("glm", new OptionValues(Map.of("family", "gamma")));
        assertEquals(Link.INVERSE, s.options().link());
        s = (GlmSpec) l.spec("glm", new OptionValues(Map.of("family", "tweedie")));
        assertEquals(Link.LOG, s.options().link());
        assertEquals(1.5, s.options().variancePower());
        s = (GlmSpec) l.spec("glm", new OptionValues(Map.of("family", "negative-binomial")));
        assertEquals(1.0, s.options().nbAlpha());
        assertEquals(Link.LOG, s.options().link());
        s = (GlmSpec) l.spec("glm", new OptionValues(Map.of("family", "gaussian", "linkPower", 0.0)));
        assertEquals(Link.POWER, s.options().link());
    }

    @Test
    void pValuesUseTheNormalTail() {
        // 2 * scipy.stats.norm.sf(z), scipy 1.10.1 (Debian python3-scipy)
        double[] z = {0, 0.3, 1, 1.7, 2, 3, 6, 12.8};
        double[] expected = {1.0, 0.7641771556220948, 0.31731050786291415, 0.08913092551708608, 0.04550026389635839,
                0.0026997960632601866, 1.973175290075389e-09, 1.639512342632552e-37};
        for (int i = 0; i < z.length; i++) {
            assertEquals(expected[i], NormalTail.twoSided(z[i]), 1e-13 * expected[i], "z = " + z[i]);
            assertEquals(expected[i], NormalTail.twoSided(-z[i]), 1e-13 * expected[i], "z = -" + z[i]);
        }
    }
}
