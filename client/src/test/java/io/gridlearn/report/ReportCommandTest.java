package io.gridlearn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.cli.Cli;
import io.gridlearn.cli.Cli.Run;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code gridlearn report} and {@code describe --html} against one real member on loopback, in-process. */
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HazelcastInstance member;
    private static String clusterName;
    private static String address;
    private static JsonNode boston;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMemberAndFit() throws Exception {
        clusterName = "report-test-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(clusterName, "127.0.0.1", 5931, true, List.of("127.0.0.1:5931"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        Run fit = client("fit", "linear", "--csv", Oracles.resource("boston.csv").toString(), "--block-size", "64",
                "--name", "boston-linear", "--json");
        assertEquals(0, fit.exit(), fit.err());
        boston = JSON.readTree(fit.out());
        Run km = client("fit", "kmeans", "--csv", Oracles.resource("iris.csv").toString(), "--k", "3",
                "--features", "sepal_length,sepal_width,petal_length,petal_width", "--name", "iris-kmeans", "--json");
        assertEquals(0, km.exit(), km.err());
    }

    @AfterAll
    static void stopMember() {
        member.getLifecycleService().terminate();
    }

    static Run client(String... args) {
        return Cli.client(address, clusterName, args);
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static void assertSelfContained(Path html) throws Exception {
        try (var files = Files.list(html.getParent())) {
            assertEquals(1, files.filter(p -> !Files.isDirectory(p)).count(), "the report is one file");
        }
        String s = Files.readString(html);
        assertTrue(s.startsWith("<!DOCTYPE html>"));
        assertTrue(count(s, "<svg") >= 3, "at least three SVG charts, got " + count(s, "<svg"));
        assertFalse(s.contains("http://"), "no http:// reference");
        assertFalse(s.contains("https://"), "no https:// reference");
        assertFalse(s.contains("<script"), "no scripts");
        assertFalse(s.contains("<link"), "no linked resources");
    }

    Path bostonReport() {
        Path out = tmp.resolve("boston").resolve("report.html");
        Run r = client("report", "--model", "boston-linear", "--data", "boston", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void bostonLinearReportIsOneSelfContainedFileWithTheModelsNumbers() throws Exception {
        Path out = bostonReport();
        assertSelfContained(out);
        String s = Files.readString(out);
        assertTrue(s.contains("Residuals vs fitted") && s.contains("Normal Q-Q plot of residuals"));
        assertTrue(s.contains("rows (rows whose hash"), "says what was sampled");
        assertTrue(s.contains(" of 506 rows"), "says how many rows were sampled out of how many");
        assertFalse(s.contains("Objective per iteration"), "no objective chart for OLS (not an iterative fit)");
        assertTrue(s.contains(">" + Html.num(boston.path("intercept").asDouble()) + "<"), "intercept in the table");
        assertTrue(s.contains(">" + Html.num(boston.path("interceptStandardError").asDouble()) + "<"));
        for (int j = 0; j < 13; j++) {
            double b = boston.path("coefficients").get(j).asDouble();
            double se = boston.path("standardErrors").get(j).asDouble();
            assertTrue(s.contains(">" + Html.num(b) + "<"), "coefficient " + j);
            assertTrue(s.contains(">" + Html.num(se) + "<"), "standard error " + j);
            double tc = ReportMath.tQuantile(0.975, boston.path("summary").path("dfResid").asDouble());
            assertTrue(s.contains(">" + Html.num(b - tc * se) + "<"), "CI low " + j);
            assertTrue(s.contains(">" + Html.num(b + tc * se) + "<"), "CI high " + j);
        }
        assertTrue(s.contains(">" + Html.num(boston.path("metrics").path("train").path("r2").asDouble()) + "<"), "r2");
        assertEquals(492, boston.path("summary").path("dfResid").asInt(), "boston OLS: 506 rows, 14 parameters");
    }

    /** ReportMath.tQuantile against scipy's t.ppf (oracles/t_quantiles.json, written by make_t_quantiles.py). */
    @Test
    void tQuantilesMatchScipy() throws Exception {
        JsonNode q;
        try (var in = ReportCommandTest.class.getResourceAsStream("/oracles/t_quantiles.json")) {
            q = JSON.readTree(in).get("quantiles");
        }
        assertTrue(q.size() > 0);
        boolean dfOfBoston = false;
        for (JsonNode c : q) {
            double p = c.get("p").asDouble();
            double df = c.get("df").asDouble();
            double expected = c.get("t").asDouble();
            double got = ReportMath.tQuantile(p, df);
            assertTrue(Oracles.relErr(got, expected) < 1e-10, "t(" + p + ", " + df + "): " + got + " vs " + expected);
            dfOfBoston |= p == 0.975 && df == 492;
        }
        assertTrue(dfOfBoston, "the quantile the boston report's intervals use is among the oracle's cases");
    }

    @Test
    void irisKMeansReportHasSizesProjectionAndObjective() throws Exception {
        Path out = tmp.resolve("iris").resolve("report.html");
        Run r = client("report", "--model", "iris-kmeans", "--data", "iris", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertSelfContained(out);
        String s = Files.readString(out);
        assertTrue(s.contains("Cluster sizes"));
        assertTrue(s.contains("first two principal components"));
        assertTrue(s.contains("Objective per iteration"));
        assertTrue(s.contains(" of 150 rows"));
    }

    @Test
    void describeHtmlDrawsAHistogramPerColumn() throws Exception {
        Path out = tmp.resolve("d").resolve("iris.html");
        Run r = client("describe", "iris", "--html", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertSelfContained(out);
        String s = Files.readString(out);
        assertEquals(5, count(s, "<svg"));
        assertEquals(2, client("describe", "iris", "--html").exit(), "--html without --out is bad usage");
    }

    @Test
    void logisticReportHasRocCalibrationAndObjectiveAndLassoReportHasPathAndCvCurve() throws Exception {
        String bc = Oracles.resource("breast_cancer.csv").toString();
        assertEquals(0, client("load", bc, "--name", "bc", "--block-size", "64").exit());
        assertEquals(0, client("fit", "logistic", "--data", "bc", "--lambda", "0.01", "--standardize", "--name", "bc-l2").exit());
        Path out = tmp.resolve("bc.html");
        Run r = client("report", "--model", "bc-l2", "--data", "bc", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertSelfContained(out);
        String s = Files.readString(out);
        assertTrue(s.contains("ROC") && s.contains("AUC"), "ROC curve with AUC");
        assertTrue(s.toLowerCase(java.util.Locale.ROOT).contains("calibration"), "calibration plot");
        assertTrue(s.contains("binned"), "the report says the ROC is binned");
        assertTrue(s.contains("Objective per iteration from "), "objective per iteration drawn from the checkpoints");

        assertEquals(0, client("fit", "lasso", "--data", "boston", "--lambda", "0.1", "--path", "15", "--folds", "4",
                "--name", "boston-lasso").exit());
        Path lasso = tmp.resolve("lasso.html");
        assertEquals(0, client("report", "--model", "boston-lasso", "--data", "boston", "--out", lasso.toString()).exit());
        String l = Files.readString(lasso);
        assertTrue(count(l, "<svg") >= 6, "residual charts plus path and CV curve, got " + count(l, "<svg"));
        assertTrue(l.contains("λ") || l.contains("lambda"), "path charts are drawn against λ");
    }

    /**
     * Fits {@code args} as model {@code name} (also written to a file), then reports it twice: from the model file
     * alone and from the store with {@code dataset}. Both are self-contained with at least three charts.
     */
    private String[] fileAndDataReports(String name, String dataset, String... fitArgs) throws Exception {
        Path model = tmp.resolve(name + ".json");
        List<String> fit = new java.util.ArrayList<>(List.of("fit"));
        fit.addAll(List.of(fitArgs));
        fit.addAll(List.of("--name", name, "--out", model.toString()));
        Run f = client(fit.toArray(new String[0]));
        assertEquals(0, f.exit(), f.err());
        Path fromFile = tmp.resolve(name + "-file").resolve("report.html");
        Run r = client("report", "--model-file", model.toString(), "--out", fromFile.toString());
        assertEquals(0, r.exit(), r.err());
        assertSelfContained(fromFile);
        Path withData = tmp.resolve(name + "-data").resolve("report.html");
        r = client("report", "--model", name, "--data", dataset, "--out", withData.toString());
        assertEquals(0, r.exit(), r.err());
        assertSelfContained(withData);
        String file = Files.readString(fromFile);
        String data = Files.readString(withData);
        assertTrue(file.contains("no data given"), "the file report says it has no data");
        assertTrue(data.contains("plots from dataset <b>" + dataset + "</b>"));
        return new String[] {file, data};
    }

    private static void assertContainsAll(String html, String... parts) {
        for (String part : parts) {
            assertTrue(html.contains(part), "the report shows " + part);
        }
    }

    @Test
    void everyBuiltInLearnerHasAReportSection() {
        for (String algorithm : List.of("linear", "ridge", "lasso", "elastic-net", "logistic", "softmax", "kmeans", "pca",
                "naive-bayes", "glm")) {
            assertTrue(io.gridlearn.runtime.Learners.forAlgorithm(algorithm).report().isPresent(), algorithm);
        }
    }

    @Test
    void linearReportsFromAFileAndFromDataHaveCoefficientChartsAndMetrics() throws Exception {
        String[] r = fileAndDataReports("report-ols", "boston", "linear", "--data", "boston", "--test-fraction", "0.2");
        for (String s : r) {
            assertContainsAll(s, "Coefficients ± 2 standard errors", "t statistics", "R² by split", "Errors by split");
        }
        assertFalse(r[0].contains("Residuals vs fitted"), "no residuals without data");
        assertContainsAll(r[1], "Residuals vs fitted", "Normal Q-Q plot of residuals", "Observed vs fitted");
        assertTrue(count(r[1], "<svg") >= 8, "residual and model charts, got " + count(r[1], "<svg"));

        r = fileAndDataReports("report-lasso", "boston", "lasso", "--data", "boston", "--lambda", "0.1");
        for (String s : r) {
            assertContainsAll(s, "Coefficients", "R² by split", "Errors by split");
        }
    }

    @Test
    void logisticAndSoftmaxReportsFromAFileAndFromData() throws Exception {
        String bc = Oracles.resource("breast_cancer.csv").toString();
        assertEquals(0, client("load", bc, "--name", "bc-report", "--block-size", "64").exit());
        String[] r = fileAndDataReports("report-logistic", "bc-report", "logistic", "--data", "bc-report", "--lambda", "0.01",
                "--standardize");
        for (String s : r) {
            assertContainsAll(s, "Coefficients (log-odds of class 1)", "Standardised coefficients (per sd of the feature)",
                    "Confusion matrix on the training rows",
                    "Accuracy, AUC and log loss by split");
        }
        assertContainsAll(r[0], "drawn from the checkpoints in the model store when the model is given by name");
        assertContainsAll(r[1], "Objective per iteration", "ROC curve", "Calibration", "Confusion matrix on bc-report");

        r = fileAndDataReports("report-softmax", "iris", "softmax", "--data", "iris", "--lambda", "0.01", "--standardize");
        for (String s : r) {
            assertContainsAll(s, "Coefficients per class", "Standardised coefficients (per sd of the feature)",
                    "Confusion matrix on the training rows");
        }
        assertContainsAll(r[1], "Objective per iteration", "Confusion matrix on iris");
    }

    @Test
    void kmeansReportsShowCentresTableCentreProfilesSizesAndProjection() throws Exception {
        String[] r = fileAndDataReports("report-kmeans", "iris", "kmeans", "--data", "iris", "--k", "3", "--features",
                "sepal_length,sepal_width,petal_length,petal_width");
        JsonNode m = JSON.readTree(tmp.resolve("report-kmeans.json").toFile());
        for (String s : r) {
            assertContainsAll(s, "<h3>Cluster centres</h3>", "Centre profiles (standardised features)", "Cluster sizes");
            String table = s.substring(s.indexOf("<h3>Cluster centres</h3>"));
            table = table.substring(0, table.indexOf("</table>"));
            for (JsonNode centre : m.path("centers")) {
                for (JsonNode v : centre) {
                    assertTrue(table.contains(">" + Html.num(v.asDouble()) + "<"), "centre value " + v + " in the table");
                }
            }
            assertTrue(count(s, "<svg") >= 3, "charts: " + count(s, "<svg"));
        }
        assertContainsAll(r[0], "Centres on the first two principal components of the centres", "spread of the centres");
        assertContainsAll(r[1], "Sampled points on the first two principal components",
                "standardised by the mean and standard deviation of dataset iris", "Objective per iteration");
    }

    @Test
    void pcaReportsShowScreeCumulativeVarianceAndLoadings() throws Exception {
        String[] r = fileAndDataReports("report-pca", "iris", "pca", "--data", "iris", "--standardize", "--components", "3",
                "--features", "sepal_length,sepal_width,petal_length,petal_width");
        JsonNode m = JSON.readTree(tmp.resolve("report-pca.json").toFile());
        for (String s : r) {
            assertContainsAll(s, "Scree plot", "Cumulative explained variance", "Loadings of PC 1", "Loadings of PC 2",
                    "Loadings of the first two components");
            for (int k = 0; k < 2; k++) {
                for (JsonNode v : m.path("components").get(k)) {
                    assertTrue(s.contains(">" + Html.num(v.asDouble()) + "<"), "loading " + v + " in the table");
                }
            }
            assertTrue(count(s, "<svg") >= 4, "charts: " + count(s, "<svg"));
        }
        assertContainsAll(r[1], "Sampled rows on PC 1 and PC 2");
    }

    @Test
    void naiveBayesReportsShowPriorsClassMeansAndConfusion() throws Exception {
        String[] r = fileAndDataReports("report-nb", "iris", "naive-bayes", "--data", "iris");
        for (String s : r) {
            assertContainsAll(s, "Class priors", "Class means ± 1 sd (standardised features)",
                    "Confusion matrix on the training rows", "Accuracy and log loss by split");
        }
        assertContainsAll(r[1], "Confusion matrix on iris");
    }

    @Test
    void aMissingModelIsBadInput() {
        Run r = client("report", "--model", "nope", "--out", tmp.resolve("x.html").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown model 'nope'"), r.err());
    }

    @Test
    @Tag("slow")
    void bostonReportRendersInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (System.getenv("CI") != null) {
            assertTrue(Files.isExecutable(chromium), "CI installs Chromium (.ci/run): /usr/bin/chromium is missing");
        }
        assumeTrue(Files.isExecutable(chromium), "no Chromium installed at /usr/bin/chromium: browser rendering not checked");
        Path html = bostonReport();
        Path png = tmp.resolve("shot.png");
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        List<String> flags = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        // the DOM after Chromium has parsed and laid out the page: the report's title and its charts are there
        List<String> dumpDom = new java.util.ArrayList<>(flags);
        dumpDom.addAll(List.of("--dump-dom", html.toUri().toString()));
        Path dom = tmp.resolve("dom.html");
        Process d = new ProcessBuilder(dumpDom).redirectError(tmp.resolve("chromium-dom.log").toFile())
                .redirectOutput(dom.toFile()).start();
        assertTrue(d.waitFor(120, TimeUnit.SECONDS), "Chromium finished the DOM dump");
        String rendered = Files.readString(dom);
        String source = Files.readString(html);
        String title = source.substring(source.indexOf("<title>") + 7, source.indexOf("</title>"));
        assertTrue(title.contains("boston"), "the report's own title: " + title);
        assertTrue(rendered.contains("<title>" + title + "</title>"), "Chromium rendered the report, not an error page: "
                + rendered.substring(0, Math.min(500, rendered.length())));
        int charts = rendered.split("<svg", -1).length - 1;
        assertTrue(charts >= 3 && charts == source.split("<svg", -1).length - 1,
                "every chart of the report is in the rendered page: " + charts);

        List<String> shot = new java.util.ArrayList<>(flags);
        shot.addAll(List.of("--screenshot=" + png, "--window-size=1200,2400", html.toUri().toString()));
        Process p = new ProcessBuilder(shot).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
        assertTrue(Files.exists(png), "screenshot written: " + Files.readString(tmp.resolve("chromium.log")));
        BufferedImage img = ImageIO.read(png.toFile());
        // an error page or an unstyled page is a few flat colours; the report's charts draw many (lines, points,
        // anti-aliased text) over a good part of the page
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        long sampled = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                sampled++;
                if (rgb != 0xffffff) {
                    inked++;
                }
            }
        }
        assertTrue(colours.size() >= 50, "charts and text drew " + colours.size() + " colours");
        assertTrue(inked * 50 >= sampled, "at least 2% of the page is drawn on: " + inked + " of " + sampled);
        String keep = System.getProperty("gridlearn.reportScreenshot");
        if (keep != null) {
            Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
