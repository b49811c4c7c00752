package io.gridlearn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridlearn.cli.Cli;
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
 * {@code gridlearn fit gbt} end to end: help, a logistic and a squared-error fit on the fixed splits of
 * {@code oracles/gbt/} (the same model on embedded grids of 1 and 3 members), predict and evaluate from the
 * command line, and one-line refusals of bad option values with exit status 2 and no model written.
 */
class GbtCliTest {
    @TempDir
    Path tmp;

    private Path resource(String name) throws Exception {
        Path p = tmp.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = GbtCliTest.class.getResourceAsStream(name)) {
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
    void fitHelpListsGbtAndItsOptions() {
        Cli.Run r = Cli.run("fit", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  gbt: gradient-boosted trees"), r.out());
        for (String flag : List.of("--objective=NAME", "--trees=N", "--max-depth=D", "--eta=E", "--gamma=G",
                "--min-child-weight=W", "--max-bins=B", "--subsample=S", "--colsample-bytree=C", "--weights=COL")) {
            assertTrue(r.out().contains(flag), flag + " in " + r.out());
        }
    }

    @Test
    void fitPredictAndEvaluateFromTheCommandLine() throws Exception {
        Path train = resource("/oracles/gbt/breast_cancer_train.csv");
        Path test = resource("/oracles/gbt/breast_cancer_test.csv");
        Path model = tmp.resolve("bc.json");
        Cli.Run one = Cli.run("--members", "1", "fit", "gbt", "--csv", train.toString(), "--target", "target",
                "--objective", "logistic", "--trees", "20", "--out", model.toString(), "--json");
        assertEquals(0, one.exit(), one.err());
        Cli.Run three = Cli.run("--members", "3", "fit", "gbt", "--csv", train.toString(), "--target", "target",
                "--objective", "logistic", "--trees", "20", "--json");
        assertEquals(0, three.exit(), three.err());
        JsonNode m = one.json();
        assertEquals("gbt", m.path("algorithm").asText());
        assertEquals("logistic", m.path("objective").asText());
        assertEquals(20, m.path("trees").size());
        assertEquals(withoutProvenance(m), withoutProvenance(three.json()), "the same model on 1 and 3 members");
        assertEquals(20, m.path("provenance").path("options").path("trees").asInt());
        assertEquals(6, m.path("provenance").path("options").path("maxDepth").asInt(), "XGBoost's default depth");

        Path labels = tmp.resolve("labels.csv");
        Path margins = tmp.resolve("margins.csv");
        Cli.Run r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out",
                labels.toString());
        assertEquals(0, r.exit(), r.err());
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out",
                margins.toString(), "--type", "link");
        assertEquals(0, r.exit(), r.err());
        List<String> l = Files.readAllLines(labels);
        List<String> mg = Files.readAllLines(margins);
        assertEquals(115, l.size());
        for (int i = 1; i < l.size(); i++) {
            double margin = Double.parseDouble(mg.get(i));
            assertEquals(margin > 0 ? 1.0 : 0.0, Double.parseDouble(l.get(i)), "row " + i + ": class 1 iff σ(m) > ½");
        }

        Cli.Run ev1 = Cli.run("--members", "1", "evaluate", "--model-file", model.toString(), "--csv",
                test.toString(), "--json");
        Cli.Run ev3 = Cli.run("--members", "3", "evaluate", "--model-file", model.toString(), "--csv",
                test.toString(), "--json");
        assertEquals(0, ev1.exit(), ev1.err());
        assertEquals(0, ev3.exit(), ev3.err());
        JsonNode metrics = ev1.json().path("metrics");
        assertEquals(114, metrics.path("rows").asInt());
        assertTrue(metrics.path("accuracy").asDouble() > 0.9, metrics.toString());
        assertTrue(metrics.path("logLoss").asDouble() > 0 && metrics.path("logLoss").asDouble() < 0.3,
                metrics.toString());
        assertEquals(metrics.toString(), ev3.json().path("metrics").toString(), "the same metrics on 3 members");

        Path dtrain = resource("/oracles/gbt/diabetes_train.csv");
        Path dtest = resource("/oracles/gbt/diabetes_test.csv");
        Path dmodel = tmp.resolve("db.json");
        r = Cli.run("fit", "gbt", "--csv", dtrain.toString(), "--target", "target", "--objective", "squared-error",
                "--trees", "30", "--max-depth", "3", "--eta", "0.1", "--out", dmodel.toString());
        assertEquals(0, r.exit(), r.err());
        r = Cli.run("evaluate", "--model-file", dmodel.toString(), "--csv", dtest.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode dm = r.json().path("metrics");
        assertEquals(88, dm.path("rows").asInt());
        assertEquals(Math.sqrt(dm.path("mse").asDouble()), dm.path("rmse").asDouble(), 1e-12);
        assertTrue(dm.path("r2").asDouble() > 0.2 && dm.path("r2").asDouble() < 1, dm.toString());
    }

    @Test
    void sampledFitsAreTheSameOnOneAndThreeMembersAndRecordTheirShares() throws Exception {
        Path train = resource("/oracles/gbt/diabetes_train.csv");
        List<String> args = List.of("fit", "gbt", "--csv", train.toString(), "--target", "target", "--objective",
                "squared-error", "--trees", "10", "--subsample", "0.8", "--colsample-bytree", "0.5", "--seed", "3",
                "--json");
        List<String> a1 = new ArrayList<>(List.of("--members", "1"));
        a1.addAll(args);
        List<String> a3 = new ArrayList<>(List.of("--members", "3"));
        a3.addAll(args);
        Cli.Run one = Cli.run(a1.toArray(new String[0]));
        Cli.Run three = Cli.run(a3.toArray(new String[0]));
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, three.exit(), three.err());
        assertEquals(withoutProvenance(one.json()), withoutProvenance(three.json()), "1 and 3 members");
        JsonNode opts = one.json().path("provenance").path("options");
        assertEquals(0.8, opts.path("subsample").asDouble());
        assertEquals(0.5, opts.path("colsampleBytree").asDouble());
        assertEquals(3, one.json().path("provenance").path("seed").asLong());
        List<String> plain = new ArrayList<>(a1);
        plain.removeAll(List.of("--subsample", "0.8", "--colsample-bytree", "0.5"));
        Cli.Run p = Cli.run(plain.toArray(new String[0]));
        assertEquals(0, p.exit(), p.err());
        assertFalse(p.json().path("provenance").path("options").has("subsample"), "not recorded at the default");
        assertFalse(withoutProvenance(p.json()).equals(withoutProvenance(one.json())), "sampling changes the trees");

        Cli.Run es = Cli.run("fit", "gbt", "--csv", train.toString(), "--target", "target", "--objective",
                "squared-error", "--test-fraction", "0.25", "--early-stopping-rounds", "5", "--json");
        assertEquals(0, es.exit(), es.err());
        JsonNode s = es.json().path("summary");
        assertEquals("rmse", s.path("testMetric").asText());
        assertEquals(s.path("bestIteration").asInt() + 1, es.json().path("trees").size(), "trees up to the best");
        assertEquals(s.path("treesFitted").asInt(), s.path("testScores").size());
        assertTrue(s.path("stoppedEarly").asBoolean(), s.toString());
    }

    @Test
    void softmaxFitPredictsClassesAndCarriesFeatureImportance() throws Exception {
        Path train = resource("/oracles/gbt/iris_train.csv");
        Path test = resource("/oracles/gbt/iris_test.csv");
        Path model = tmp.resolve("iris.json");
        Cli.Run one = Cli.run("--members", "1", "fit", "gbt", "--csv", train.toString(), "--target", "target",
                "--objective", "softmax", "--trees", "10", "--out", model.toString(), "--json");
        assertEquals(0, one.exit(), one.err());
        Cli.Run three = Cli.run("--members", "3", "fit", "gbt", "--csv", train.toString(), "--target", "target",
                "--objective", "softmax", "--trees", "10", "--json");
        assertEquals(0, three.exit(), three.err());
        JsonNode m = one.json();
        assertEquals(withoutProvenance(m), withoutProvenance(three.json()), "the same model on 1 and 3 members");
        assertEquals("softmax", m.path("objective").asText());
        assertEquals("[0,1,2]", m.path("classes").toString());
        assertEquals(30, m.path("trees").size(), "10 rounds of one tree per class");

        // importance: the field equals TreeImportance computed from the trees of the file read back
        io.gridlearn.model.ModelDocument doc = io.gridlearn.model.ModelJson.read(model);
        java.util.Map<String, double[]> want = TreeImportance.of(doc);
        JsonNode imp = m.path("importance");
        assertEquals(List.copyOf(want.keySet()), iterable(imp.fieldNames()));
        double splits = 0;
        for (var e : want.entrySet()) {
            assertEquals(4, imp.path(e.getKey()).size());
            for (int j = 0; j < 4; j++) {
                assertEquals(e.getValue()[j], imp.path(e.getKey()).path(j).asDouble(), 0.0, e.getKey() + "[" + j + "]");
            }
        }
        for (JsonNode f : imp.path("frequency")) {
            splits += f.asDouble();
        }
        int internal = 0;
        for (JsonNode t : m.path("trees")) {
            for (JsonNode f : t.path("feature")) {
                internal += f.asInt() >= 0 ? 1 : 0;
            }
        }
        assertEquals(internal, (int) splits, "every split counted once");

        Path labels = tmp.resolve("labels.csv");
        Cli.Run r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out",
                labels.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> l = Files.readAllLines(labels);
        assertEquals(31, l.size());
        for (int i = 1; i < l.size(); i++) {
            double c = Double.parseDouble(l.get(i));
            assertTrue(c == 0 || c == 1 || c == 2, "a class: " + l.get(i));
        }
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", test.toString(), "--out",
                tmp.resolve("link.csv").toString(), "--type", "link");
        assertEquals(2, r.exit(), r.err());
        Cli.Run ev = Cli.run("evaluate", "--model-file", model.toString(), "--csv", test.toString(), "--json");
        assertEquals(0, ev.exit(), ev.err());
        JsonNode metrics = ev.json().path("metrics");
        assertEquals(30, metrics.path("rows").asInt());
        assertTrue(metrics.path("accuracy").asDouble() > 0.85, metrics.toString());

        Cli.Run text = Cli.run("fit", "gbt", "--csv", train.toString(), "--target", "target", "--objective", "softmax",
                "--trees", "10");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("feature importance (by total gain):"), text.out());
        for (String f : List.of("sepal_length", "sepal_width", "petal_length", "petal_width")) {
            assertTrue(text.out().contains("  " + f + " "), f + " in " + text.out());
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private Cli.Run refused(Path model, String... args) {
        List<String> all = new ArrayList<>(List.of("fit", "gbt"));
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
                {"--objective", "poisson", "--objective must be one of squared-error, logistic, softmax, was 'poisson'"},
                {"--trees", "0", "--trees must be between 1 and 1000000, was 0"},
                {"--max-depth", "0", "--max-depth must be between 1 and 20, was 0"},
                {"--max-depth", "21", "--max-depth must be between 1 and 20, was 21"},
                {"--eta", "0", "--eta must be in (0, 1], was 0.0"},
                {"--eta", "1.5", "--eta must be in (0, 1], was 1.5"},
                {"--lambda", "-1", "--lambda must be a finite number >= 0, was -1.0"},
                {"--gamma", "-0.5", "--gamma must be a finite number >= 0, was -0.5"},
                {"--min-child-weight", "-1", "--min-child-weight must be a finite number >= 0, was -1.0"},
                {"--max-bins", "1", "--max-bins must be between 2 and 65535, was 1"},
                {"--max-bins", "70000", "--max-bins must be between 2 and 65535, was 70000"},
                {"--subsample", "0", "--subsample must be in (0, 1], was 0.0"},
                {"--subsample", "1.2", "--subsample must be in (0, 1], was 1.2"},
                {"--colsample-bytree", "0", "--colsample-bytree must be in (0, 1], was 0.0"},
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
        assertEquals("gridlearn: fit gbt needs --objective: one of squared-error, logistic, softmax", r.err().strip());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "logistic");
        assertTrue(r.err().startsWith("gridlearn: fit gbt --objective logistic needs labels in [0, 1]; target"
                + " 'target' has values from 31.0 to 346.0"), r.err());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "softmax");
        assertEquals("gridlearn: fit gbt --objective softmax: target 'target' has no row of class 0; classes must be"
                + " the integers 0..346, each present", r.err().strip());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "squared-error",
                "--early-stopping-rounds", "5");
        assertEquals("gridlearn: --early-stopping-rounds needs a held-out share to watch: give a test fraction"
                + " (--test-fraction, e.g. 0.2)", r.err().strip());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "squared-error", "--folds", "3");
        assertTrue(r.err().contains("--folds"), r.err());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "squared-error", "--weights", "nope");
        assertTrue(r.err().startsWith("gridlearn: --weights: unknown column 'nope' in dataset"), r.err());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "squared-error", "--weights", "target");
        assertTrue(r.err().startsWith("gridlearn: --weights: column 'target' is the target"), r.err());
        r = refused(model, "--csv", csv, "--target", "target", "--objective", "squared-error", "--missing", "skip");
        assertTrue(r.err().startsWith("gridlearn: --missing does not apply to gbt"), r.err());
    }
}
