package io.gridlearn.testlearner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridlearn.cli.Cli;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner that exists only in this test package ({@link TargetMeanLearner}) is listed by {@code fit --help} with
 * its own option, parsed and validated by the command line, fit, stored with its own model fields, read back from
 * a file and used to predict — with no edit outside its package.
 */
class PluggableLearnerTest {
    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        Cli.Run r = Cli.run(args);
        return new String[] {Integer.toString(r.exit()), r.out(), r.err()};
    }

    @Test
    void fitHelpListsTheLearnerAndItsOption() {
        String[] r = run("fit", "--help");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("  target-mean: test learner: the target's training mean"), r[1]);
        assertTrue(r[1].contains("--shrink=S"), r[1]);
        assertTrue(r[1].contains("Share by which the mean is shrunk towards zero"), r[1]);
    }

    @Test
    void theLearnersOptionIsValidatedInTheCommandLinesWords() {
        String boston = Oracles.resource("boston.csv").toString();
        String[] r = run("--members", "1", "fit", "target-mean", "--csv", boston, "--shrink", "2");
        assertEquals("2", r[0]);
        assertEquals("gridlearn: --shrink must be in [0, 1], was 2.0", r[2].strip());
        r = run("--members", "1", "fit", "target-mean", "--csv", boston, "--shrink", "half");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--shrink") && r[2].contains("half"), r[2]);
        r = run("--members", "1", "fit", "target-mean", "--csv", boston, "--k", "3");
        assertEquals("2", r[0]);
        assertEquals("gridlearn: --k is not an option of fit target-mean (its options: --shrink)", r[2].strip());
    }

    @Test
    void itFitsStoresAndPredictsThroughTheCommandLine() throws Exception {
        Path model = tmp.resolve("mean.json");
        String boston = Oracles.resource("boston.csv").toString();
        String[] r = run("--members", "1", "fit", "target-mean", "--csv", boston, "--target", "medv", "--shrink", "0.25",
                "--out", model.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode m = new ObjectMapper().readTree(r[1]);
        assertEquals("target-mean", m.path("algorithm").asText());
        JsonNode stats = Oracles.dataset("boston").path("column_stats");
        int medv = 0;
        while (!stats.path("columns").get(medv).asText().equals("medv")) {
            medv++;
        }
        double mean = stats.path("mean").get(medv).asDouble(); // numpy's, to 12 significant digits
        assertEquals(mean, m.path("mean").asDouble(), Math.abs(mean) * 1e-11, "the learner's own field");
        assertEquals(0.75 * m.path("mean").asDouble(), m.path("value").asDouble());
        assertEquals(0.25, m.path("provenance").path("options").path("shrink").asDouble());

        Path out = tmp.resolve("pred.csv");
        r = run("predict", "--model-file", model.toString(), "--csv", boston, "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(out);
        assertEquals(507, lines.size());
        String last = lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1);
        assertEquals(m.path("value").asDouble(), Double.parseDouble(last));

        // a learner that does not define a link scale gets the runtime's refusal, naming it, in one line
        Path link = tmp.resolve("link.csv");
        r = run("predict", "--model-file", model.toString(), "--csv", boston, "--out", link.toString(), "--type", "link");
        assertEquals("2", r[0], r[2]);
        assertEquals("gridlearn: --type link does not apply to a target-mean model: it has no link scale (no single"
                + " linear predictor η whose inverse link is the prediction); predict it with --type response, the"
                + " default", r[2].strip());
        assertTrue(!Files.exists(link), "nothing written");
    }

    @Test
    void reportShowsTheLearnersOwnSectionFromAFileAndWithData() throws Exception {
        Path model = tmp.resolve("mean.json");
        String boston = Oracles.resource("boston.csv").toString();
        String[] r = run("--members", "1", "fit", "target-mean", "--csv", boston, "--target", "medv", "--out", model.toString());
        assertEquals("0", r[0], r[2]);
        Path html = tmp.resolve("file").resolve("report.html");
        r = run("--members", "1", "report", "--model-file", model.toString(), "--out", html.toString());
        assertEquals("0", r[0], r[2]);
        String s = Files.readString(html);
        assertTrue(s.contains("<h3>Target mean</h3>") && s.contains("Target mean and shrunk prediction"), s);
        assertTrue(!s.contains("Sampled target against the prediction"), "no data, no sample chart");
        html = tmp.resolve("data").resolve("report.html");
        r = run("--members", "1", "report", "--model-file", model.toString(), "--csv", boston, "--out", html.toString());
        assertEquals("0", r[0], r[2]);
        s = Files.readString(html);
        assertTrue(s.contains("Target mean and shrunk prediction") && s.contains("Sampled target against the prediction"), s);
        assertTrue(s.contains(" of 506 rows"), "the section says what it sampled");
    }
}
