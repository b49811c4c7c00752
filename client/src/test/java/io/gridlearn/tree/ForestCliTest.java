package io.gridlearn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridlearn.cli.Cli;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.RowPredictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gridlearn fit random-forest} end to end, as {@link GbtCliTest} for gbt: help, a Gini and a squared-error
 * fit on the fixed splits of {@code oracles/gbt/} (the same model on embedded grids of 1 and 3 members), predict
 * from the command line equal to the Java predictor's bits on the same model file, evaluate the same on 1 and 3
 * members, and one-line refusals of bad option values with exit status 2 and no model written.
 */
class ForestCliTest {
    @TempDir
    Path tmp;

    private Path resource(String name) throws Exception {
        Path p = tmp.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = ForestCliTest.class.getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static String withoutProvenance(JsonNode m) {
        ObjectNode o = m.deepCopy();
        o.remove("provenance");
        return o.toString();
    }

    @Test
    void fitHelpListsRandomForestAndItsOptions() {
        for (String[] args : new String[][] {{"fit", "--help"}, {"fit", "random-forest", "--help"}}) {
            Cli.Run r = Cli.run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("  random-forest: Breiman's random forest"), r.out());
            for (String flag : List.of("--objective=NAME", "--trees=N", "--max-depth=D", "--min-child-weight=W",
                    "--max-bins=B", "--max-features=M", "--weights=COL")) {
                assertTrue(r.out().contains(flag), flag + " in " + r.out());
            }
        }
    }

    /** Rows of a CSV file (header skipped) as features in the model's order; the target column left out. */
    private static double[][] rows(Path csv, List<String> features) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        double[][] out = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            double[] x = new double[features.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = Double.parseDouble(f[header.indexOf(features.get(j))]);
            }
            out[i - 1] = x;
        }
        return out;
    }

    @Test
    void fitPredictAndEvaluateFromTheCommandLine() throws Exception {
        Path train = resource("/oracles/gbt/breast_cancer_train.csv");
        Path test = resource("/oracles/gbt/breast_cancer_test.csv");
        Path model = tmp.resolve("bc.json");
        Cli.Run one = Cli.run("--members", "1", "fit", "random-forest", "--csv", train.toString(), "--target",
                "target", "--objective", "gini", "--trees", "20", "--seed", "5", "--out", model.toString(), "--json");
        assertEquals(0, one.exit(), one.err());
        Cli.Run three = Cli.run("--members", "3", "fit", "random-forest", "--csv", train.toString(), "--target",
                "target", "--objective", "gini", "--trees", "20", "--seed", "5", "--json");
        assertEquals(0, three.exit(), three.err());
        JsonNode m = one.json();
        assertEquals("random-forest", m.path("algorithm").asText());
        assertEquals("gini", m.path("objective").asText());
        assertEquals(20, m.path("trees").size());
        assertEquals(withoutProvenance(m), withoutProvenance(three.json()), "the same model on 1 and 3 members");
        assertEquals(16, m.path("provenance").path("options").path("maxDepth").asInt(), "the forest's default depth");
        assertEquals(5, m.path("summary").path("featuresPerSplit").asInt(), "floor(sqrt(30))");

        // predict on the command line: the class, equal to the Java predictor on the same model file
        Path labels = tmp.resolve("labels.csv");
        Cli.Run r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out",
                labels.toString());
        assertEquals(0, r.exit(), r.err());
        ModelDocument doc = ModelJson.read(model);
        RowPredictor p = new ForestLearner().predictor(doc);
        double[][] x = rows(test, doc.features());
        List<String> l = Files.readAllLines(labels);
        assertEquals(x.length + 1, l.size());
        for (int i = 0; i < x.length; i++) {
            double got = Double.parseDouble(l.get(i + 1));
            assertEquals(p.predict(x[i]), got, "row " + i);
            double[] probs = p.probabilities(x[i]);
            assertEquals(probs[1] > 0.5 ? 1.0 : 0.0, got, "row " + i + ": class 1 iff its probability > ½");
            assertEquals(1.0, probs[0] + probs[1], 1e-12);
        }
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out",
                tmp.resolve("never.csv").toString(), "--type", "link");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains("random-forest"), r.err());

        Cli.Run ev1 = Cli.run("--members", "1", "evaluate", "--model-file", model.toString(), "--csv",
                test.toString(), "--json");
        Cli.Run ev3 = Cli.run("--members", "3", "evaluate", "--model-file", model.toString(), "--csv",
                test.toString(), "--json");
        assertEquals(0, ev1.exit(), ev1.err());
        assertEquals(0, ev3.exit(), ev3.err());
        JsonNode metrics = ev1.json().path("metrics");
        assertEquals(114, metrics.path("rows").asInt());
        assertTrue(metrics.path("accuracy").asDouble() > 0.9, metrics.toString());
        // log loss from the class probabilities: finite and well below log 2
        assertTrue(metrics.path("logLoss").asDouble() > 0 && metrics.path("logLoss").asDouble() < 0.3,
                metrics.toString());
        assertEquals(metrics.toString(), ev3.json().path("metrics").toString(), "the same metrics on 3 members");

        Path dtrain = resource("/oracles/gbt/diabetes_train.csv");
        Path dtest = resource("/oracles/gbt/diabetes_test.csv");
        Path dmodel = tmp.resolve("db.json");
        r = Cli.run("fit", "random-forest", "--csv", dtrain.toString(), "--target", "target", "--objective",
                "squared-error", "--trees", "30", "--max-depth", "8", "--out", dmodel.toString());
        assertEquals(0, r.exit(), r.err());
        Path values = tmp.resolve("values.csv");
        r = Cli.run("predict", "--model-file", dmodel.toString(), "--csv", dtest.toString(), "--out",
                values.toString());
        assertEquals(0, r.exit(), r.err());
        ModelDocument ddoc = ModelJson.read(dmodel);
        RowPredictor dp = new ForestLearner().predictor(ddoc);
        double[][] dx = rows(dtest, ddoc.features());
        List<String> v = Files.readAllLines(values);
        for (int i = 0; i < dx.length; i++) {
            assertEquals(Double.doubleToRawLongBits(dp.predict(dx[i])),
                    Double.doubleToRawLongBits(Double.parseDouble(v.get(i + 1))), "row " + i + ": the same bits");
        }
        r = Cli.run("evaluate", "--model-file", dmodel.toString(), "--csv", dtest.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode dm = r.json().path("metrics");
        assertEquals(88, dm.path("rows").asInt());
        assertEquals(Math.sqrt(dm.path("mse").asDouble()), dm.path("rmse").asDouble(), 1e-12);
        assertTrue(dm.path("r2").asDouble() > 0.2 && dm.path("r2").asDouble() < 1, dm.toString());
    }

    private Cli.Run refused(Path model, String... args) {
        List<String> all = new ArrayList<>(List.of("fit", "random-forest"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", model.toString()));
        Cli.Run r = Cli.run(all.toArray(new String[0]));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(model), "no model written");
        return r;
    }

    @Test
    void badOptionValuesAreRefusedInOneLine() throws Exception {
        String csv = resource("/oracles/gbt/diabetes_train.csv").toString();
        Path model = tmp.resolve("never.json");
        String[][] cases = {
                {"--objective", "logistic", "--objective must be one of squared-error, gini, was 'logistic'"},
                {"--trees", "0", "--trees must be between 1 and 100000, was 0"},
                {"--max-depth", "0", "--max-depth must be between 1 and 60, was 0"},
                {"--max-depth", "61", "--max-depth must be between 1 and 60, was 61"},
                {"--min-child-weight", "-1", "--min-child-weight must be a finite number >= 0, was -1.0"},
                {"--max-bins", "1", "--max-bins must be between 2 and 65535, was 1"},
                {"--max-features", "0", "--max-features must be >= 1, was 0"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("--csv", csv, "--target", "target"));
            if (!c[0].equals("--objective")) {
                args.addAll(List.of("--objective", "squared-error"));
            }
            args.add(c[0]);
            args.add(c[1]);
            Cli.Run r = refused(model, args.toArray(new String[0]));
            assertEquals("gridlearn: " + c[2], r.err().strip(), String.join(" ", args));
        }
        Cli.Run r = refused(model, "--csv", csv, "--target", "target");
        assertEquals("gridlearn: fit random-forest needs --objective: one of squared-error, gini", r.err().strip());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "gini");
        assertTrue(r.err().startsWith("gridlearn: fit random-forest --objective gini needs labels 0 or 1; target"
                + " 'target' has values from 31.0 to 346.0"), r.err());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "squared-error", "--missing", "skip");
        assertTrue(r.err().startsWith("gridlearn: --missing does not apply to random-forest"), r.err());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "squared-error", "--eta", "0.1");
        assertTrue(r.err().contains("--eta is not an option of fit random-forest"), r.err());
    }
}
