package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.testing.WeightsData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --weights COL} end to end: listed for the learners that take it, a weighted OLS fit as statsmodels'
 * (weights_oracles.json), k-means and naive Bayes, the combinations with a split, folds and {@code --missing}, and
 * every refusal as one line with exit status 2 and no model written.
 */
class WeightsCliTest {
    @TempDir
    Path tmp;

    @Test
    void fitHelpListsWeightsForTheLearnersThatTakeThem() {
        Cli.Run r = Cli.run("fit", "--help");
        assertEquals(0, r.exit(), r.err());
        for (String line : List.of("--method METHOD, --weights COL", "--decay A, --weights COL",
                "--var-smoothing E, --weights COL", "--offset COL, --weights COL", "--tol T, --weights COL")) {
            assertTrue(r.out().contains(line), line + " in " + r.out());
        }
    }

    @Test
    void weightedLinearKMeansAndNaiveBayesFromTheCommandLine() {
        String boston = WeightsData.boston().toString();
        Cli.Run r = Cli.run("--members", "2", "fit", "linear", "--csv", boston, "--target", "medv", "--weights", "w",
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode m = r.json();
        JsonNode o = WeightsData.oracle("boston_ols");
        assertEquals("w", m.path("weights").asText());
        assertEquals(13, m.path("features").size(), "w is not a feature");
        assertEquals(o.path("nobs").asLong(), m.path("summary").path("n").asLong());
        double b0 = o.path("params").get(0).asDouble();
        assertTrue(Math.abs(m.path("intercept").asDouble() - b0) <= 1e-9 * Math.abs(b0), m.toString());
        for (int j = 1; j < 14; j++) {
            double e = o.path("params").get(j).asDouble();
            double se = o.path("bse").get(j).asDouble();
            assertTrue(Math.abs(m.path("coefficients").get(j - 1).asDouble() - e) <= 1e-9 * Math.abs(e), "coef " + j);
            assertTrue(Math.abs(m.path("standardErrors").get(j - 1).asDouble() - se) <= 1e-9 * se, "se " + j);
        }
        assertEquals("w", m.path("provenance").path("options").path("weights").asText());

        String iris = WeightsData.iris().toString();
        r = Cli.run("--members", "1", "fit", "kmeans", "--csv", iris, "--k", "3", "--features",
                "sepal_length,sepal_width,petal_length,petal_width", "--weights", "w", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("w", r.json().path("weights").asText());
        long total = 0;
        for (JsonNode s : r.json().path("summary").path("clusterSizes")) {
            total += s.asLong();
        }
        double sum = 0;
        for (JsonNode c : WeightsData.oracle("iris_naive_bayes").path("class_count")) {
            sum += c.asDouble();
        }
        assertEquals((long) sum, total, "cluster sizes add up to Σw");

        r = Cli.run("--members", "1", "fit", "naive-bayes", "--csv", iris, "--target", "target", "--weights", "w",
                "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("w", r.json().path("weights").asText());
        assertEquals(sum, r.json().path("summary").path("weightSum").asDouble());
        JsonNode theta = WeightsData.oracle("iris_naive_bayes").path("theta");
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 4; j++) {
                double e = theta.get(c).get(j).asDouble();
                assertTrue(Math.abs(r.json().path("means").get(c).get(j).asDouble() - e) <= 1e-10 * Math.abs(e));
            }
        }
    }

    @Test
    void weightedLogisticFromTheCommandLine() {
        JsonNode o = WeightsData.logisticOracle("breast_cancer_logit_mean10");
        List<String> f = new ArrayList<>();
        o.path("features").forEach(n -> f.add(n.asText()));
        Cli.Run r = Cli.run("--members", "2", "fit", "logistic", "--csv", WeightsData.breastCancer().toString(),
                "--target", "target", "--features", String.join(",", f), "--weights", "w", "--standardize", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode m = r.json();
        assertEquals("w", m.path("weights").asText());
        assertEquals(o.path("nobs").asDouble(), m.path("summary").path("weightSum").asDouble());
        double b0 = o.path("intercept").asDouble();
        assertTrue(Math.abs(m.path("intercept").asDouble() - b0) <= 1e-9 * Math.abs(b0), m.toString());
        for (int j = 0; j < f.size(); j++) {
            double e = o.path("coef").get(j).asDouble();
            double se = o.path("std_err").get(j).asDouble();
            assertTrue(Math.abs(m.path("coefficients").get(j).asDouble() - e) <= 1e-9 * Math.abs(e), "coef " + j);
            assertTrue(Math.abs(m.path("standardErrors").get(j).asDouble() - se) <= 1e-9 * se, "se " + j);
        }
    }

    @Test
    void weightsCombineWithASplitFoldsAndMissingValues() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(WeightsData.boston()));
        lines.set(10, lines.get(10).replaceFirst("^[^,]*,", ","));  // a missing crim in row 8
        Path holed = Files.write(tmp.resolve("holed.csv"), lines);
        Cli.Run r = Cli.run("--members", "1", "fit", "ridge", "--csv", holed.toString(), "--target", "medv",
                "--weights", "w", "--lambda", "0.01", "--test-fraction", "0.2", "--folds", "3", "--missing", "skip",
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode metrics = r.json().path("metrics");
        assertTrue(metrics.path("test").path("rows").asDouble() > 0, metrics.toString());
        assertEquals(3, metrics.path("cv").path("folds").asInt(), metrics.toString());
        r = Cli.run("--members", "1", "fit", "linear", "--csv", holed.toString(), "--target", "medv",
                "--weights", "w", "--missing", "mean", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.json().path("summary").path("imputedRows").asInt());
    }

    private Cli.Run refused(Path model, String... args) {
        List<String> all = new ArrayList<>(List.of("--members", "1", "fit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", model.toString()));
        Cli.Run r = Cli.run(all.toArray(new String[0]));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(model), "no model written");
        return r;
    }

    @Test
    void refusalsAreOneLineWithExitTwoAndNothingWritten() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(WeightsData.boston()));
        lines.set(8, lines.get(8).replaceFirst(",[0-9]$", ",-1"));
        Path bad = Files.write(tmp.resolve("bad.csv"), lines);
        Path model = tmp.resolve("m.json");
        Cli.Run r = refused(model, "linear", "--csv", bad.toString(), "--target", "medv", "--weights", "w");
        assertTrue(r.err().contains("row 7, column 'w': weight -1.0 is negative or not finite"), r.err());
        r = refused(model, "kmeans", "--csv", bad.toString(), "--k", "2", "--weights", "w");
        assertTrue(r.err().contains("row 7, column 'w'"), r.err());
        r = refused(model, "naive-bayes", "--csv", bad.toString(), "--target", "chas", "--weights", "w");
        assertTrue(r.err().contains("row 7, column 'w'"), r.err());
        String boston = WeightsData.boston().toString();
        r = refused(model, "linear", "--csv", boston, "--target", "medv", "--weights", "wt");
        assertTrue(r.err().contains("--weights: unknown column 'wt'"), r.err());
        r = refused(model, "linear", "--csv", boston, "--target", "medv", "--weights", "w", "--method", "average");
        assertTrue(r.err().contains("--weights do not combine with --method average"), r.err());
        r = refused(model, "linear", "--csv", boston, "--target", "medv", "--weights", "medv");
        assertTrue(r.err().contains("--weights: column 'medv' is the target"), r.err());
        r = refused(model, "logistic", "--csv", bad.toString(), "--target", "chas", "--weights", "w");
        assertTrue(r.err().contains("row 7, column 'w': weight -1.0 is negative or not finite"), r.err());
        r = refused(model, "softmax", "--csv", bad.toString(), "--target", "chas", "--weights", "w");
        assertTrue(r.err().contains("row 7, column 'w'"), r.err());
        r = refused(model, "pca", "--csv", boston, "--weights", "w");
        assertTrue(r.err().contains("--weights is not an option of fit pca"), r.err());
    }
}
