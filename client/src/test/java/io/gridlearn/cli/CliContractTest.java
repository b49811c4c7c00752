package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.cli.Cli.Run;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as a user scripts it (CONTRACT.md): exit codes, --json documents, model files. Runs
 * against one real member on loopback (thin client mode) and against embedded grids.
 */
class CliContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HazelcastInstance member;
    private static String clusterName;
    private static String address;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMember() {
        clusterName = "cli-test-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(clusterName, "127.0.0.1", 5901, true, List.of("127.0.0.1:5901"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
    }

    @AfterAll
    static void stopMember() {
        member.getLifecycleService().terminate();
    }

    static Run run(String... args) {
        return Cli.run(args);
    }

    /** The same command against the test member, as a thin client. */
    static Run client(String... args) {
        return Cli.client(address, clusterName, args);
    }

    static String boston() {
        return Oracles.resource("boston.csv").toString();
    }

    @Test
    void embeddedFitMatchesStatsmodelsAndIsByteIdenticalOnOneAndThreeMembers() {
        Run one = run("--members", "1", "fit", "linear", "--csv", boston(), "--block-size", "40", "--json");
        Run three = run("--members", "3", "fit", "linear", "--csv", boston(), "--block-size", "40", "--json");
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, three.exit(), three.err());
        JsonNode a = one.json();
        JsonNode b = three.json();
        assertEquals("gridlearn-model/1", a.path("format").asText());
        assertEquals("boston-linear", a.path("name").asText());
        assertEquals(1, a.path("version").asInt());
        assertEquals("medv", a.path("target").asText());
        assertEquals(a.path("coefficients").toString(), b.path("coefficients").toString(), "byte-identical coefficients");
        assertEquals(a.path("intercept").asText(), b.path("intercept").asText());
        assertEquals(a.path("standardErrors").toString(), b.path("standardErrors").toString());
        JsonNode ols = Oracles.dataset("boston").path("ols");
        assertTrue(relErr(a.path("intercept").asDouble(), ols.path("intercept").asDouble()) < 1e-10);
        assertTrue(relErr(a.path("interceptStandardError").asDouble(), ols.path("std_err_intercept").asDouble()) < 1e-10);
        for (int j = 0; j < 13; j++) {
            assertTrue(relErr(a.path("coefficients").get(j).asDouble(), ols.path("coef").get(j).asDouble()) < 1e-10);
            assertTrue(relErr(a.path("standardErrors").get(j).asDouble(), ols.path("std_err").get(j).asDouble()) < 1e-10);
        }
        for (String k : List.of("dataset", "fingerprint", "rows", "options", "seed", "libraryVersion", "createdAt")) {
            assertTrue(a.path("provenance").has(k), "provenance." + k);
        }
        assertTrue(relErr(a.path("metrics").path("train").path("r2").asDouble(), ols.path("r_squared").asDouble()) < 1e-10);
    }

    @Test
    void describeAsThinClientEqualsTheOracle() {
        assertEquals(0, client("load", boston(), "--name", "boston-d", "--block-size", "33").exit());
        Run d = client("describe", "boston-d", "--json");
        assertEquals(0, d.exit(), d.err());
        JsonNode doc = d.json();
        JsonNode oracle = Oracles.dataset("boston").path("column_stats");
        assertEquals("boston-d", doc.path("dataset").asText());
        assertEquals(506, doc.path("rows").asInt());
        for (int c = 0; c < 14; c++) {
            JsonNode col = doc.path("columns").get(c);
            assertEquals(oracle.path("columns").get(c).asText(), col.path("name").asText());
            assertEquals(506, col.path("count").asInt());
            assertEquals(0, col.path("missing").asInt());
            assertTrue(relErr(col.path("mean").asDouble(), oracle.path("mean").get(c).asDouble()) < 1e-10);
            assertTrue(relErr(col.path("variance").asDouble(), oracle.path("var_sample").get(c).asDouble()) < 1e-10);
            assertEquals(oracle.path("min").get(c).asDouble(), col.path("min").asDouble(), 0.0);
            assertEquals(oracle.path("max").get(c).asDouble(), col.path("max").asDouble(), 0.0);
        }
        assertEquals(0, client("drop", "boston-d").exit());
        assertEquals(2, client("describe", "boston-d").exit());
    }

    @Test
    void malformedCsvsExitTwoNameFileAndLineAndLeaveNoDataset() throws IOException {
        Path corpus = Path.of(System.getProperty("user.dir"), "src/test/resources/bad-csv");
        // text in a numeric column after the 1000-row type-inference sample
        StringBuilder late = new StringBuilder("a,b\n");
        for (int i = 0; i < 1500; i++) {
            late.append(i).append(',').append(i == 1200 ? "oops" : String.valueOf(i * 2)).append('\n');
        }
        Path lateFile = tmp.resolve("late-text-line-1202.csv");
        Files.writeString(lateFile, late);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = new java.util.ArrayList<>(s.filter(p -> p.toString().endsWith(".csv")).sorted().toList());
        }
        files.add(lateFile);
        files.add(tmp.resolve("missing-file.csv"));
        assertTrue(files.size() >= 10);
        int i = 0;
        for (Path f : files) {
            Run r = client("load", f.toString(), "--name", "bad" + i++, "--block-size", "100");
            String name = f.getFileName().toString();
            assertEquals(2, r.exit(), name + ": " + r.err());
            assertTrue(r.err().contains(name), name + " not named in: " + r.err());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("line-(\\d+)").matcher(name);
            if (m.find()) {
                assertTrue(r.err().contains("line " + m.group(1)), name + ": no 'line " + m.group(1) + "' in " + r.err());
            }
        }
        Run list = client("datasets", "--json");
        assertEquals(0, list.exit());
        for (JsonNode ds : list.json().path("datasets")) {
            assertFalse(ds.path("dataset").asText().startsWith("bad"), "a failed load left " + ds);
        }
        // and no orphan block maps either
        assertTrue(member.getDistributedObjects().stream()
                .noneMatch(o -> o.getName().startsWith(GridConfigs.DATA_MAP_PREFIX + "bad")), "orphan data map");
    }

    @Test
    void localAndGridPredictionsAgreeAndModelFilesEvaluate() throws IOException {
        assertEquals(0, client("load", boston(), "--name", "boston-p", "--block-size", "50").exit());
        Path model = tmp.resolve("model.json");
        Run fit = client("fit", "linear", "--data", "boston-p", "--name", "bp", "--out", model.toString(), "--json");
        assertEquals(0, fit.exit(), fit.err());
        assertEquals(fit.json().path("coefficients"), JSON.readTree(model.toFile()).path("coefficients"));

        Path preds = tmp.resolve("preds.csv");
        Run local = run("predict", "--model-file", model.toString(), "--csv", boston(), "--out", preds.toString(), "--json");
        assertEquals(0, local.exit(), local.err());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("prediction", lines.get(0));
        assertEquals(507, lines.size());

        Run grid = client("predict", "--model", "bp", "--data", "boston-p", "--into", "boston-scored", "--json");
        assertEquals(0, grid.exit(), grid.err());
        DatasetCatalog catalog = new DatasetCatalog(member);
        DatasetSchema scored = catalog.get("boston-scored");
        assertEquals(List.of("prediction", "medv"), scored.columnNames());
        Map<Integer, RowBlock> blocks = catalog.blocks(scored);
        for (int row = 0; row < 506; row++) {
            RowBlock b = blocks.get(row / 50);
            double inGrid = b.get(row % 50, 0);
            assertEquals(Double.parseDouble(lines.get(row + 1)), inGrid, 0.0, "row " + row + ": local vs grid");
        }

        Run eval = client("evaluate", "--model-file", model.toString(), "--data", "boston-p", "--json");
        assertEquals(0, eval.exit(), eval.err());
        JsonNode train = fit.json().path("metrics").path("train");
        for (String k : List.of("mse", "rmse", "mae", "r2")) {
            assertEquals(train.path(k).asDouble(), eval.json().path("metrics").path(k).asDouble(), 0.0, k);
        }
    }

    @Test
    void missingSkipForTheIterativeLearnersLeavesRowsOutAndCountsThem() throws IOException {
        List<String> lines = Files.readAllLines(Oracles.resource("iris.csv"));
        List<String> holed = new java.util.ArrayList<>(List.of(lines.get(0)));
        List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (i % 8 == 0) {
                f[i % 4] = i % 16 == 0 ? "" : "inf";
            } else {
                kept.add(lines.get(i));
            }
            holed.add(String.join(",", f));
        }
        Path csv = tmp.resolve("iris-holed.csv");
        Files.write(csv, holed);
        Path clean = tmp.resolve("iris-kept.csv");
        Files.write(clean, kept);
        long skipped = lines.size() / 8; // 150 data rows, every 8th line: 18

        Run refused = run("--members", "1", "fit", "kmeans", "--csv", csv.toString(), "--k", "3");
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains(skipped + " rows have a missing or non-finite value"), refused.err());
        Run mean = run("--members", "1", "fit", "softmax", "--csv", csv.toString(), "--missing", "mean");
        assertEquals(2, mean.exit(), mean.err());
        assertTrue(mean.err().contains("--missing mean is supported by linear, ridge, lasso and elastic-net only"),
                mean.err());

        for (String algorithm : List.of("kmeans", "softmax", "pca", "naive-bayes")) {
            List<String> extra = switch (algorithm) {
                case "kmeans" -> List.of("--k", "3", "--init", "rows:0,60,120");
                case "softmax" -> List.of("--lambda", "0.01"); // iris is separable: unpenalised softmax is refused
                default -> List.of();
            };
            List<String> base = new java.util.ArrayList<>(List.of("fit", algorithm, "--block-size", "1000", "--json"));
            base.addAll(extra);
            List<String> one = new java.util.ArrayList<>(List.of("--members", "1"));
            one.addAll(base);
            one.addAll(List.of("--csv", csv.toString(), "--missing", "skip"));
            List<String> three = new java.util.ArrayList<>(List.of("--members", "3"));
            three.addAll(base);
            three.addAll(List.of("--csv", csv.toString(), "--missing", "skip"));
            List<String> removed = new java.util.ArrayList<>(List.of("--members", "1"));
            removed.addAll(base);
            removed.addAll(List.of("--csv", clean.toString()));
            Run a = run(one.toArray(String[]::new));
            Run b = run(three.toArray(String[]::new));
            Run c = run(removed.toArray(String[]::new));
            assertEquals(0, a.exit(), algorithm + ": " + a.err());
            assertEquals(0, b.exit(), algorithm + ": " + b.err());
            assertEquals(0, c.exit(), algorithm + ": " + c.err());
            JsonNode m = a.json();
            assertEquals(skipped, m.path("summary").path("skippedRows").asLong(), algorithm);
            assertEquals("skip", m.path("provenance").path("options").path("missing").asText(), algorithm);
            assertEquals(m.path("summary").toString(), b.json().path("summary").toString(), algorithm + ": 1 vs 3 members");
            if (!algorithm.equals("kmeans")) { // k-means' rows: ids differ once rows are removed
                ((com.fasterxml.jackson.databind.node.ObjectNode) m.path("summary")).remove("skippedRows");
                assertEquals(c.json().path("summary").toString(), m.path("summary").toString(),
                        algorithm + ": skip = the rows physically removed (one block: the same bits)");
            }
        }
    }

    @Test
    void missingMeanStoresItsMeansAndEveryScoringPathFillsThem() throws IOException {
        List<String> lines = Files.readAllLines(Oracles.resource("boston.csv"));
        List<String> holed = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            for (int j = 0; j < f.length - 1; j++) {
                if (Math.floorMod(i * 31 + j * 17, 19) == 0) {
                    f[j] = j % 2 == 0 ? "" : "NA";
                }
            }
            holed.add(String.join(",", f));
        }
        Path csv = tmp.resolve("holed.csv");
        Files.write(csv, holed);
        Run refused = run("--members", "1", "fit", "linear", "--csv", csv.toString());
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().matches("(?s).*\\d+ of 506 rows.*--missing mean.*"), "default error names the count: " + refused.err());

        Run one = run("--members", "1", "fit", "linear", "--csv", csv.toString(), "--missing", "mean", "--block-size", "40", "--json");
        Path model = tmp.resolve("imputing.json");
        Run three = run("--members", "3", "fit", "linear", "--csv", csv.toString(), "--missing", "mean", "--block-size", "40",
                "--out", model.toString(), "--json");
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, three.exit(), three.err());
        JsonNode a = one.json();
        assertEquals("mean", a.path("imputation").path("strategy").asText());
        assertEquals(13, a.path("imputation").path("values").size());
        assertEquals(a.path("imputation").toString(), three.json().path("imputation").toString(), "means: 1 vs 3 members");
        assertEquals(a.path("coefficients").toString(), three.json().path("coefficients").toString());
        assertEquals("mean", a.path("provenance").path("options").path("missing").asText());

        Path preds = tmp.resolve("holed-preds.csv");
        Run local = run("predict", "--model-file", model.toString(), "--csv", csv.toString(), "--out", preds.toString(), "--json");
        assertEquals(0, local.exit(), local.err());
        assertEquals(0, local.json().path("rowsWithMissingFeatures").asInt(), "every row is filled and scored");
        List<String> predicted = Files.readAllLines(preds);
        assertEquals(0, client("load", csv.toString(), "--name", "holed", "--block-size", "40").exit());
        Run grid = client("predict", "--model-file", model.toString(), "--data", "holed", "--into", "holed-scored");
        assertEquals(0, grid.exit(), grid.err());
        DatasetCatalog catalog = new DatasetCatalog(member);
        Map<Integer, RowBlock> blocks = catalog.blocks(catalog.get("holed-scored"));
        for (int row = 0; row < 506; row++) {
            assertEquals(Double.parseDouble(predicted.get(row + 1)), blocks.get(row / 40).get(row % 40, 0), 0.0,
                    "row " + row + ": local vs grid");
        }
        Run eval = client("evaluate", "--model-file", model.toString(), "--data", "holed", "--json");
        assertEquals(0, eval.exit(), eval.err());
        for (String k : List.of("mse", "r2")) {
            assertEquals(a.path("metrics").path("train").path(k).asDouble(), eval.json().path("metrics").path(k).asDouble(),
                    0.0, "evaluate fills like the fit's own metrics pass: " + k);
        }
    }

    @Test
    void badModelFilesAndBadOptionsExitTwoAndLeaveTheStoreAsItWas() throws IOException {
        Path model = tmp.resolve("m.json");
        assertEquals(0, client("fit", "linear", "--csv", boston(), "--name", "kept", "--out", model.toString()).exit());
        String good = Files.readString(model);

        Path truncated = tmp.resolve("truncated.json");
        Files.writeString(truncated, good.substring(0, good.length() / 2));
        Path newer = tmp.resolve("newer.json");
        Files.writeString(newer, good.replace("gridlearn-model/1", "gridlearn-model/2"));
        Path wrongCount = tmp.resolve("wrong-count.json");
        Files.writeString(wrongCount, good.replaceFirst("\"coefficients\" : \\[", "\"coefficients\" : [ 1.0,"));
        for (Path p : List.of(truncated, newer, wrongCount, tmp.resolve("absent.json"))) {
            Run r = run("predict", "--model-file", p.toString(), "--csv", boston(), "--out", tmp.resolve("o.csv").toString());
            assertEquals(2, r.exit(), p + ": " + r.err());
            assertTrue(r.err().contains(p.getFileName().toString()), r.err());
            assertFalse(Files.exists(tmp.resolve("o.csv")), "no output on failure");
        }
        assertTrue(run("predict", "--model-file", newer.toString(), "--csv", boston(), "--out", "x.csv")
                .err().contains("newer"));

        Run unknownColumn = client("fit", "linear", "--data", "boston", "--name", "kept", "--features", "crim,nope");
        assertEquals(2, unknownColumn.exit());
        assertTrue(unknownColumn.err().contains("nope"), unknownColumn.err());
        assertEquals(2, client("fit", "ridge", "--data", "boston", "--name", "kept").exit(), "ridge needs --lambda");
        assertEquals(2, client("fit", "linear", "--data", "no-such-dataset", "--name", "kept").exit());
        assertEquals(2, run("fit", "linear", "--csv", boston(), "--solver", "magic").exit());
        Run history = client("model", "history", "kept", "--json");
        assertEquals(0, history.exit(), history.err());
        assertEquals(1, history.json().path("versions").size(), "failed fits published nothing");

        assertEquals(0, client("fit", "linear", "--data", "boston", "--name", "kept").exit());
        assertEquals(2, client("model", "history", "kept", "--json").json().path("versions").size());
        Path exported = tmp.resolve("exported.json");
        assertEquals(0, client("model", "export", "kept", exported.toString()).exit());
        assertEquals(2, JSON.readTree(exported.toFile()).path("version").asInt());
    }

    @Test
    void logisticCheckpointsEveryIterationAndResumesToTheSameModel() {
        String bc = Oracles.resource("breast_cancer.csv").toString();
        String mean10 = "mean_radius,mean_texture,mean_perimeter,mean_area,mean_smoothness,mean_compactness,"
                + "mean_concavity,mean_concave_points,mean_symmetry,mean_fractal_dimension";
        assertEquals(0, client("load", bc, "--name", "bc", "--block-size", "64").exit());
        Run whole = client("fit", "logistic", "--data", "bc", "--features", mean10, "--standardize", "--name", "whole", "--json");
        assertEquals(0, whole.exit(), whole.err());
        JsonNode oracle = Oracles.dataset("breast_cancer").path("logistic_unpenalized_mean10");
        assertEquals(oracle.path("train_accuracy").asDouble(), whole.json().path("metrics").path("train").path("accuracy").asDouble(), 1e-12);
        int iterations = whole.json().path("version").asInt() - 1;
        assertTrue(iterations >= 5, "one version per iteration, then the final model");

        Run stopped = client("fit", "logistic", "--data", "bc", "--features", mean10, "--standardize", "--name", "part", "--max-iter", "3");
        assertEquals(0, stopped.exit(), "an unconverged fit is a result: " + stopped.err());
        assertTrue(stopped.err().contains("gridlearn: warning: part did not converge in 3 iterations"), stopped.err());
        assertEquals(4, client("model", "history", "part", "--json").json().path("versions").size(),
                "three checkpoints, then the unconverged model with its metrics");
        assertFalse(client("model", "show", "part").json().path("summary").path("converged").asBoolean(true));
        Run resumed = client("fit", "logistic", "--data", "bc", "--features", mean10, "--standardize", "--name", "part", "--resume", "--json");
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(whole.json().path("coefficients").toString(), resumed.json().path("coefficients").toString(),
                "resumed fit = uninterrupted fit, bit for bit");
        assertEquals(whole.json().path("intercept").asText(), resumed.json().path("intercept").asText());

        Run separable = client("fit", "logistic", "--data", "bc", "--standardize", "--name", "sep");
        assertEquals(2, separable.exit(), separable.err());
        assertTrue(separable.err().contains("separable"), separable.err());
        // the iterations before the refusal are in the store as checkpoints, each marked as not converged
        Run sep = client("model", "show", "sep");
        assertEquals(0, sep.exit(), sep.err());
        assertFalse(sep.json().path("summary").path("converged").asBoolean(true), "a checkpoint is never marked converged");
    }

    @Test
    void appendUpdatesALiveModelToTheFullRefit() throws IOException {
        List<String> lines = Files.readAllLines(Oracles.resource("boston.csv"));
        Path head = tmp.resolve("head.csv");
        Path tail = tmp.resolve("tail.csv");
        Files.write(head, lines.subList(0, 251));
        List<String> rest = new java.util.ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(251, lines.size()));
        Files.write(tail, rest);
        assertEquals(0, client("load", head.toString(), "--name", "growing", "--block-size", "64").exit());
        Run live = client("fit", "linear", "--data", "growing", "--live", "--name", "growing-live", "--json");
        assertEquals(0, live.exit(), live.err());
        assertEquals(250, live.json().path("metrics").path("train").path("rows").asInt());
        Run appended = client("append", tail.toString(), "--to", "growing", "--json");
        assertEquals(0, appended.exit(), appended.err());
        assertEquals(256, appended.json().path("rowsAdded").asInt());
        assertEquals("growing-live", appended.json().path("liveModels").get(0).path("name").asText());
        Run shown = client("model", "show", "growing-live");
        Run refit = client("fit", "linear", "--data", "growing", "--solver", "cholesky", "--name", "growing-refit", "--json");
        assertEquals(refit.json().path("coefficients").toString(), shown.json().path("coefficients").toString(),
                "the live model equals a full refit, bit for bit");
        assertEquals(2, shown.json().path("version").asInt());
        assertEquals(2, client("append", tmp.resolve("nope.csv").toString(), "--to", "growing").exit());
        Run km = client("fit", "kmeans", "--data", "growing", "--features", "rm,lstat", "--k", "2", "--init", "rows:0,1",
                "--live", "--decay", "0.9", "--name", "growing-km", "--json");
        assertEquals(0, km.exit(), km.err());
        assertTrue(km.json().path("summary").path("live").asBoolean());
        Run more = client("append", tail.toString(), "--to", "growing", "--json");
        assertEquals(0, more.exit(), more.err());
        assertEquals(2, more.json().path("liveModels").size(), "the live linear model and the live k-means model");
        assertEquals(506 + 256, client("describe", "growing", "--json").json().path("rows").asInt(),
                "the failed append added nothing, the second one 256 rows");
        Run dropped = client("drop", "growing", "--json");
        assertEquals(0, dropped.exit(), dropped.err());
        assertEquals("[\"growing-live\",\"growing-km\"]", dropped.json().path("liveModelsStopped").toString(),
                "dropping the dataset stops both live models");
        assertEquals(0, client("model", "show", "growing-live").exit(), "their published versions stay");
    }

    @Test
    void removeAndReplaceBlocksKeepALiveModelEqualToTheFullRefitAndRefuseUnknownBlocks() throws IOException {
        List<String> lines = Files.readAllLines(Oracles.resource("boston.csv"));
        Path tail = tmp.resolve("tail.csv");
        List<String> rest = new java.util.ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(251, lines.size()));
        Files.write(tail, rest);
        assertEquals(0, client("load", boston(), "--name", "editing", "--block-size", "64").exit());
        Run live = client("fit", "linear", "--data", "editing", "--live", "--name", "editing-live", "--json");
        assertEquals(0, live.exit(), live.err());

        Run removed = client("remove", "--from", "editing", "--blocks", "2,5-6", "--json");
        assertEquals(0, removed.exit(), removed.err());
        JsonNode r = removed.json();
        assertEquals("2,5-6", r.path("blocksRemoved").asText());
        assertEquals(192, r.path("rowsRemoved").asInt());
        assertEquals(506 - 192, r.path("rows").asInt());
        assertEquals("0-1,3-4,7", r.path("layout").asText());
        assertEquals("editing-live", r.path("liveModels").get(0).path("name").asText());
        assertEquals(2, r.path("liveModels").get(0).path("version").asInt());
        Run refit = client("fit", "linear", "--data", "editing", "--solver", "cholesky", "--name", "editing-refit", "--json");
        Run shown = client("model", "show", "editing-live");
        assertEquals(refit.json().path("coefficients").toString(), shown.json().path("coefficients").toString(),
                "after a removal the live model equals a full refit, bit for bit");

        Run replaced = client("replace", tail.toString(), "--in", "editing", "--block", "0", "--json");
        assertEquals(0, replaced.exit(), replaced.err());
        assertEquals("8-11", replaced.json().path("blocksAdded").asText(), "256 rows: four new blocks after the last id");
        assertEquals(506 - 192 - 64 + 256, replaced.json().path("rows").asInt());
        refit = client("fit", "linear", "--data", "editing", "--solver", "cholesky", "--name", "editing-refit", "--json");
        shown = client("model", "show", "editing-live");
        assertEquals(refit.json().path("coefficients").toString(), shown.json().path("coefficients").toString(),
                "after a replacement the live model equals a full refit, bit for bit");
        assertEquals(refit.json().path("intercept").asText(), shown.json().path("intercept").asText());

        Run described = client("describe", "editing", "--json");
        assertEquals("1,3-4,7-11", described.json().path("layout").asText());
        assertEquals(8, described.json().path("blocks").asInt());
        assertEquals(506, described.json().path("rows").asInt());
        boolean listed = false;
        for (JsonNode ds : client("datasets", "--json").json().path("datasets")) {
            if (ds.path("dataset").asText().equals("editing")) {
                assertEquals("1,3-4,7-11", ds.path("layout").asText());
                listed = true;
            }
        }
        assertTrue(listed, "datasets lists the layout");
        Run text = client("describe", "editing");
        assertTrue(text.out().contains("8 blocks") && text.out().contains("1,3-4,7-11"), text.out());

        Run scored = client("predict", "--model", "editing-refit", "--data", "editing", "--into", "editing-scored", "--json");
        assertEquals(0, scored.exit(), scored.err());
        DatasetSchema predictions = new DatasetCatalog(member).get("editing-scored");
        assertEquals("1,3-4,7-11", predictions.layout().toString(), "predictions keep the source's block ids");
        assertEquals(506, predictions.rows());

        Run unknown = client("remove", "--from", "editing", "--blocks", "3,99");
        assertEquals(2, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("no block 99") && unknown.err().contains("1,3-4,7-11"), unknown.err());
        Run noDataset = client("remove", "--from", "no-such", "--blocks", "1");
        assertEquals(2, noDataset.exit());
        assertTrue(noDataset.err().contains("unknown dataset 'no-such'"), noDataset.err());
        Run badList = client("remove", "--from", "editing", "--blocks", "3-x");
        assertEquals(2, badList.exit());
        assertTrue(badList.err().contains("3-x"), badList.err());
        Run everything = client("remove", "--from", "editing", "--blocks", "0-20");
        assertEquals(2, everything.exit(), "0-20 names blocks it does not have");
        Run all = client("remove", "--from", "editing", "--blocks", "1,3-4,7-11");
        assertEquals(2, all.exit());
        assertTrue(all.err().contains("drop"), all.err());
        assertEquals(2, client("replace", tmp.resolve("nope.csv").toString(), "--in", "editing", "--block", "1").exit());
        assertEquals(2, client("replace", tail.toString(), "--in", "editing", "--block", "2").exit(), "block 2 is gone");
        assertEquals(506, client("describe", "editing", "--json").json().path("rows").asInt(), "failures changed nothing");
        assertEquals(3, client("model", "show", "editing-live").json().path("version").asInt(), "and published nothing");
    }
}
