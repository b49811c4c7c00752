package io.gridlearn.glm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.cli.Cli;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gridlearn fit glm} end to end: help, a Poisson fit on randhie against statsmodels, bad input, predict; and
 * a Poisson model with an offset fit on three rows in four of a seeded file, then predicted on both scales and
 * evaluated on the fourth rows, locally and in the grid (one real member, the command line as its thin client),
 * against statsmodels and scikit-learn ({@code oracles/glm_eval_oracles.json}, written by
 * {@code core/src/test/resources/oracles/make_glm_eval_oracles.py}).
 */
class GlmCliTest {
    @TempDir
    Path tmp;

    private static HazelcastInstance member;
    private static String clusterName;
    private static String address;

    @BeforeAll
    static void startMember() {
        clusterName = "glm-cli-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(clusterName, "127.0.0.1", 5931, true, List.of("127.0.0.1:5931"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
    }

    @AfterAll
    static void stopMember() {
        member.getLifecycleService().terminate();
    }

    private static Cli.Run client(String... args) {
        return Cli.client(address, clusterName, args);
    }

    private static JsonNode oracle(String resource) throws Exception {
        try (InputStream in = GlmCliTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Rows i (0-based) of a core test resource CSV with i % 4 == 3 (held out) or the others, as a file. */
    private Path split(String resource, boolean heldOut, String name) throws Exception {
        List<String> lines;
        try (InputStream in = GlmCliTest.class.getResourceAsStream(resource)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if ((i % 4 == 3) == heldOut) {
                out.add(lines.get(i + 1));
            }
        }
        Path p = tmp.resolve(name);
        Files.write(p, out);
        return p;
    }

    private static double[] column(String dataset) {
        DatasetCatalog catalog = new DatasetCatalog(member);
        DatasetSchema s = catalog.get(dataset);
        List<Double> v = new ArrayList<>();
        for (RowBlock b : new TreeMap<>(catalog.blocks(s)).values()) {
            for (int r = 0; r < b.rows(); r++) {
                v.add(b.get(r, 0));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Double> predictions(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("prediction", lines.get(0));
        return lines.subList(1, lines.size()).stream().map(Double::parseDouble).toList();
    }

    /**
     * An offset model: predictions on the link and response scales as statsmodels' predict(…, linear=True|False)
     * and as x·b + offset and its exponential computed here, the same bits locally and in the grid; evaluate on
     * held-out rows as statsmodels' deviance and scikit-learn's mean Poisson deviance, RMSE and MAE, locally
     * loaded and in the grid; data without the offset column refused with exit status 2 and nothing written.
     */
    @Test
    void anOffsetModelPredictsOnBothScalesAndEvaluatesHeldOutRowsAsStatsmodels() throws Exception {
        JsonNode e = oracle("/oracles/glm_eval_oracles.json").path("cases").path("poisson_offset");
        Path train = split("/oracles/glm/poisson_offset.csv", false, "train.csv");
        Path test = split("/oracles/glm/poisson_offset.csv", true, "test.csv");
        Path model = tmp.resolve("po.json");
        Cli.Run r = client("fit", "glm", "--csv", train.toString(), "--family", "poisson", "--offset", "logexp",
                "--name", "po", "--out", model.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode m = r.json();
        assertEquals(List.of("x1", "x2", "x3"), List.of(m.path("features").get(0).asText(),
                m.path("features").get(1).asText(), m.path("features").get(2).asText()), "the offset is no feature");
        double[] params = GlmTestData.doubles(e.path("params"));
        close(params[0], m.path("intercept").asDouble(), "intercept on the training rows");
        for (int j = 1; j < params.length; j++) {
            close(params[j], m.path("coefficients").get(j - 1).asDouble(), "coefficient " + j);
        }

        Path link = tmp.resolve("link.csv");
        Path response = tmp.resolve("response.csv");
        Path byDefault = tmp.resolve("default.csv");
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out", link.toString(),
                "--type", "link", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("link", r.json().path("type").asText());
        assertEquals(500, r.json().path("rows").asInt());
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out", response.toString(),
                "--type", "response");
        assertEquals(0, r.exit(), r.err());
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out", byDefault.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readAllLines(response), Files.readAllLines(byDefault), "response is the default");
        List<Double> eta = predictions(link);
        List<Double> mu = predictions(response);
        List<String> rows = Files.readAllLines(test);
        double[] etaHead = GlmTestData.doubles(e.path("eta_head"));
        double[] muHead = GlmTestData.doubles(e.path("mu_head"));
        for (int i = 0; i < eta.size(); i++) {
            String[] c = rows.get(i + 1).split(",");
            double hand = m.path("intercept").asDouble();
            for (int j = 0; j < 3; j++) {
                hand += m.path("coefficients").get(j).asDouble() * Double.parseDouble(c[j]);
            }
            hand += Double.parseDouble(c[3]);
            assertEquals(hand, eta.get(i), 1e-13 * (1 + Math.abs(hand)), "x·b + offset, row " + i);
            assertEquals(Math.exp(eta.get(i)), mu.get(i), 0.0, "μ = exp of the same η bits, row " + i);
            if (i < etaHead.length) {
                assertEquals(etaHead[i], eta.get(i), 1e-9 * (1 + Math.abs(etaHead[i])), "statsmodels' η, row " + i);
                close(muHead[i], mu.get(i), "statsmodels' μ, row " + i);
            }
        }

        assertEquals(0, client("load", test.toString(), "--name", "po-test", "--block-size", "64").exit());
        for (String type : List.of("link", "response")) {
            r = client("predict", "--model", "po", "--data", "po-test", "--into", "po-" + type, "--type", type);
            assertEquals(0, r.exit(), r.err());
            double[] inGrid = column("po-" + type);
            List<Double> local = type.equals("link") ? eta : mu;
            for (int i = 0; i < inGrid.length; i++) {
                assertEquals(Double.doubleToRawLongBits(local.get(i)), Double.doubleToRawLongBits(inGrid[i]),
                        type + " row " + i + ": the local bits");
            }
        }

        Cli.Run fromCsv = Cli.run("--members", "2", "evaluate", "--model-file", model.toString(), "--csv",
                test.toString(), "--json");
        Cli.Run inGrid = client("evaluate", "--model", "po", "--data", "po-test", "--json");
        for (Cli.Run run : List.of(fromCsv, inGrid)) {
            assertEquals(0, run.exit(), run.err());
            JsonNode metrics = run.json().path("metrics");
            assertEquals(500, metrics.path("rows").asInt());
            close(e.path("deviance").asDouble(), metrics.path("deviance").asDouble(), "statsmodels' deviance");
            close(e.path("mean_deviance").asDouble(), metrics.path("meanDeviance").asDouble(), "mean deviance");
            close(e.path("sklearn_mean_deviance").asDouble(), metrics.path("meanDeviance").asDouble(),
                    "scikit-learn's mean_poisson_deviance");
            close(e.path("rmse").asDouble(), metrics.path("rmse").asDouble(), "rmse");
            close(e.path("mae").asDouble(), metrics.path("mae").asDouble(), "mae");
        }
        // blocks of 4096 rows (--csv) or 64 (po-test): per-block sums are rounded once per block, so the last bits
        // may differ; the same blocks give the same bits on any number of members (core GlmEvaluationTest)
        for (String k : List.of("deviance", "meanDeviance", "rmse", "mae")) {
            double a = fromCsv.json().path("metrics").path(k).asDouble();
            assertEquals(a, inGrid.json().path("metrics").path(k).asDouble(), 1e-13 * a, k);
        }

        List<String> cut = new ArrayList<>();
        for (String line : rows) {
            String[] c = line.split(",");
            cut.add(c[0] + "," + c[1] + "," + c[2] + "," + c[4]);
        }
        Path noOffset = tmp.resolve("no-offset.csv");
        Files.write(noOffset, cut);
        Path out = tmp.resolve("never.csv");
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", noOffset.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("gridlearn: no-offset.csv has no column 'logexp' that the model needs: the offset")
                && r.err().strip().lines().count() == 1, r.err());
        assertFalse(Files.exists(out) || Files.exists(tmp.resolve("never.csv.part")), "nothing written");
        assertEquals(0, client("load", noOffset.toString(), "--name", "po-cut").exit());
        r = client("predict", "--model", "po", "--data", "po-cut", "--into", "po-cut-pred");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("gridlearn: dataset 'po-cut' has no column 'logexp'"), r.err());
        assertTrue(new DatasetCatalog(member).find("po-cut-pred").isEmpty(), "no dataset written");
        r = client("evaluate", "--model", "po", "--data", "po-cut");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("gridlearn: dataset 'po-cut' has no column 'logexp'"), r.err());
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out", out.toString(),
                "--type", "eta");
        assertEquals(2, r.exit(), r.err());
        assertEquals("gridlearn: --type must be response or link, was eta", r.err().strip());
    }

    /** A report of a glm with data: the residuals against fitted means and the calibration chart. */
    @Test
    void reportAddsDevianceResidualsAndCalibration() throws Exception {
        Path file = split("/oracles/glm/gamma_log.csv", false, "gamma.csv");
        assertEquals(0, client("load", file.toString(), "--name", "gamma-report", "--block-size", "128").exit());
        Cli.Run r = client("fit", "glm", "--data", "gamma-report", "--family", "gamma", "--link", "log", "--name",
                "gamma-report-glm");
        assertEquals(0, r.exit(), r.err());
        Path html = tmp.resolve("report.html");
        r = client("report", "--model", "gamma-report-glm", "--data", "gamma-report", "--out", html.toString());
        assertEquals(0, r.exit(), r.err());
        String s = Files.readString(html);
        for (String part : List.of("Coefficients ± 2 standard errors (link scale)", "z statistics",
                "Rate ratios e^b with 95% intervals", "Deviance of the fit", "Objective per iteration",
                "Deviance residuals vs fitted", "Calibration", "in 10 bins of the predicted mean",
                "over 1500 rows (0 left out")) {
            assertTrue(s.contains(part), "the report shows " + part);
        }
        int charts = s.split("<svg", -1).length - 1;
        assertTrue(charts >= 7, "seven charts: " + charts);
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-8 * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void fitHelpListsGlmAndItsOptions() {
        Cli.Run r = Cli.run("fit", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  glm: generalized linear models"), r.out());
        for (String flag : List.of("--family=NAME", "--link=NAME", "--variance-power=P", "--link-power=Q",
                "--nb-alpha=A", "--offset=COL", "--weights=COL")) {
            assertTrue(r.out().contains(flag), flag + " in " + r.out());
        }
    }

    @Test
    void poissonOnRandhieAsStatsmodelsThenPredict() throws Exception {
        String randhie = Oracles.resource("randhie.csv").toString();
        Path model = tmp.resolve("glm.json");
        Cli.Run r = Cli.run("--members", "1", "fit", "glm", "--csv", randhie, "--family", "poisson", "--out",
                model.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode m = r.json();
        JsonNode o = new ObjectMapper().readTree(Oracles.resource("oracles-glm-public.json").toFile())
                .path("datasets").path("randhie");
        assertEquals("glm", m.path("algorithm").asText());
        assertEquals("mdvis", m.path("target").asText());
        assertEquals("poisson", m.path("family").asText());
        assertEquals("log", m.path("link").asText());
        assertEquals(1.0, m.path("dispersion").asDouble());
        close(o.path("params").get(0).asDouble(), m.path("intercept").asDouble(), "intercept");
        close(o.path("bse").get(0).asDouble(), m.path("interceptStandardError").asDouble(), "se(intercept)");
        for (int j = 1; j < o.path("params").size(); j++) {
            assertEquals(o.path("features").get(j - 1).asText(), m.path("features").get(j - 1).asText());
            close(o.path("params").get(j).asDouble(), m.path("coefficients").get(j - 1).asDouble(), "coef " + j);
            close(o.path("bse").get(j).asDouble(), m.path("standardErrors").get(j - 1).asDouble(), "se " + j);
        }
        close(o.path("deviance").asDouble(), m.path("summary").path("deviance").asDouble(), "deviance");
        close(o.path("llf").asDouble(), m.path("summary").path("logLikelihood").asDouble(), "llf");
        close(o.path("aic").asDouble(), m.path("summary").path("aic").asDouble(), "aic");
        assertEquals("poisson", m.path("provenance").path("options").path("family").asText());

        Path out = tmp.resolve("pred.csv");
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", randhie, "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(20191, lines.size());
        String[] first = Files.readAllLines(Path.of(randhie)).get(1).split(",");
        double eta = m.path("intercept").asDouble();
        for (int j = 0; j < 9; j++) {
            eta += m.path("coefficients").get(j).asDouble() * Double.parseDouble(first[j]);
        }
        double predicted = Double.parseDouble(lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1));
        assertEquals(Math.exp(eta), predicted, 1e-12 * Math.exp(eta), "the mean response");

        r = Cli.run("--members", "1", "fit", "glm", "--csv", randhie, "--family", "poisson");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("glm") && r.out().contains("lncoins"), r.out());
        assertTrue(r.err().contains(": iteration 1  objective "), "progress per iteration: " + r.err());
        assertFalse(r.err().contains("null"), "a change not known yet is left out, not printed: " + r.err());
    }

    @Test
    void badInputExitsTwoNamingRowAndColumn() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Oracles.resource("randhie.csv")));
        String row = lines.get(101);
        lines.set(101, row.substring(0, row.lastIndexOf(',') + 1) + "-3");
        Path bad = tmp.resolve("bad.csv");
        Files.write(bad, lines);
        Cli.Run r = Cli.run("--members", "1", "fit", "glm", "--csv", bad.toString(), "--family", "poisson");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("row 100, column 'mdvis'") && r.err().contains("non-negative count"), r.err());

        r = Cli.run("--members", "1", "fit", "glm", "--csv", bad.toString(), "--family", "poisson",
                "--variance-power", "2");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--variance-power is for the tweedie family only"), r.err());
        r = Cli.run("--members", "1", "fit", "glm", "--csv", bad.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--family"), r.err());
    }
}
