package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.Model;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every model type that predicts, the local prediction ({@code predict --model-file F --csv IN --out OUT})
 * and the grid's ({@code predict --model NAME --data D --into D2}, read back from the grid) are the same bits,
 * row by row; and {@code evaluate} of the classifiers agrees with metrics computed here from the CSV's labels.
 * One real member on loopback; the command line as its thin client.
 */
class PredictEverywhereTest {
    private static final int BLOCK = 37;
    private static HazelcastInstance member;
    private static String clusterName;
    private static String address;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMember() {
        clusterName = "predict-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(clusterName, "127.0.0.1", 5931, true, List.of("127.0.0.1:5931"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        for (String ds : List.of("boston", "breast_cancer", "iris")) {
            Cli.Run load = client("load", Oracles.resource(ds + ".csv").toString(), "--name", ds, "--block-size",
                    String.valueOf(BLOCK));
            assertEquals(0, load.exit(), load.err());
        }
    }

    @AfterAll
    static void stopMember() {
        member.getLifecycleService().terminate();
    }

    private static Cli.Run client(String... args) {
        return Cli.client(address, clusterName, args);
    }

    /** The dataset and the fit options of each model type. */
    private static List<String> fitArgs(String algorithm) {
        return switch (algorithm) {
            case "linear" -> List.of("--data", "boston");
            case "ridge", "lasso" -> List.of("--data", "boston", "--lambda", "0.1", "--standardize");
            case "elastic-net" -> List.of("--data", "boston", "--lambda", "0.1", "--alpha", "0.5");
            case "logistic" -> List.of("--data", "breast_cancer", "--lambda", "0.01", "--standardize");
            case "softmax" -> List.of("--data", "iris", "--lambda", "0.01");
            case "kmeans" -> List.of("--data", "iris", "--k", "3", "--features",
                    "sepal_length,sepal_width,petal_length,petal_width");
            case "naive-bayes" -> List.of("--data", "iris");
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    private Path fit(String algorithm) {
        Path model = tmp.resolve(algorithm + ".json");
        List<String> args = new ArrayList<>(List.of("fit", algorithm));
        args.addAll(fitArgs(algorithm));
        args.addAll(List.of("--name", "m-" + algorithm, "--out", model.toString()));
        Cli.Run fit = client(args.toArray(String[]::new));
        assertEquals(0, fit.exit(), fit.err());
        return model;
    }

    /** The grid's stored values of one column of a dataset, in row order (blocks of {@link #BLOCK} rows). */
    private static double[] column(String dataset, String name) {
        DatasetCatalog catalog = new DatasetCatalog(member);
        DatasetSchema s = catalog.get(dataset);
        int col = s.columnNames().indexOf(name);
        assertTrue(col >= 0, dataset + " has no column " + name + ": " + s.columnNames());
        Map<Integer, RowBlock> blocks = catalog.blocks(s);
        double[] v = new double[(int) s.rows()];
        for (int row = 0; row < v.length; row++) {
            v[row] = blocks.get(row / BLOCK).get(row % BLOCK, col);
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "ridge", "lasso", "elastic-net", "logistic", "softmax", "kmeans", "naive-bayes"})
    void localAndGridPredictionsAreTheSameBits(String algorithm) throws IOException {
        Path model = fit(algorithm);
        String ds = fitArgs(algorithm).get(1);
        Path preds = tmp.resolve(algorithm + "-preds.csv");
        Cli.Run local = Cli.run("predict", "--model-file", model.toString(), "--csv", Oracles.resource(ds + ".csv").toString(),
                "--out", preds.toString());
        assertEquals(0, local.exit(), local.err());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("prediction", lines.get(0));

        Cli.Run grid = client("predict", "--model", "m-" + algorithm, "--data", ds, "--into", ds + "-" + algorithm);
        assertEquals(0, grid.exit(), grid.err());
        double[] inGrid = column(ds + "-" + algorithm, "prediction");
        assertEquals(lines.size() - 1, inGrid.length, "one prediction per row");
        for (int row = 0; row < inGrid.length; row++) {
            double l = Double.parseDouble(lines.get(row + 1));
            assertEquals(Double.doubleToRawLongBits(l), Double.doubleToRawLongBits(inGrid[row]),
                    algorithm + " row " + row + ": local " + l + ", grid " + inGrid[row]);
        }
    }

    /**
     * {@code predict --type link}: where a model has a link scale (the linear family: ŷ itself, the identity link;
     * binary logistic: the log-odds b₀ + x·b, computed here from the model JSON) the local and grid values are the
     * same bits; every other model type is refused in one line naming its algorithm, locally and in the grid, and
     * nothing is written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"linear", "ridge", "logistic", "softmax", "kmeans", "naive-bayes"})
    void theLinkScaleWhereItIsDefinedAndARefusalNamingTheAlgorithmElsewhere(String algorithm) throws IOException {
        Path model = fit(algorithm);
        String ds = fitArgs(algorithm).get(1);
        Path data = Oracles.resource(ds + ".csv");
        Path link = tmp.resolve(algorithm + "-link.csv");
        Cli.Run local = Cli.run("predict", "--model-file", model.toString(), "--csv", data.toString(), "--out",
                link.toString(), "--type", "link", "--json");
        Cli.Run grid = client("predict", "--model", "m-" + algorithm, "--data", ds, "--into", ds + "-link-" + algorithm,
                "--type", "link");
        if (!List.of("linear", "ridge", "logistic").contains(algorithm)) {
            String refusal = "gridlearn: --type link does not apply to a " + algorithm + " model: ";
            for (Cli.Run r : List.of(local, grid)) {
                assertEquals(2, r.exit(), r.err());
                assertTrue(r.err().startsWith(refusal) && r.err().strip().lines().count() == 1, r.err());
            }
            assertTrue(!Files.exists(link), "no local output");
            assertTrue(new DatasetCatalog(member).find(ds + "-link-" + algorithm).isEmpty(), "no dataset");
            return;
        }
        assertEquals(0, local.exit(), local.err());
        assertEquals("link", local.json().path("type").asText());
        assertEquals(0, grid.exit(), grid.err());
        List<String> lines = Files.readAllLines(link);
        double[] inGrid = column(ds + "-link-" + algorithm, "prediction");
        JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(model.toFile());
        List<String> rows = Files.readAllLines(data);
        List<String> header = List.of(rows.get(0).split(","));
        Path response = tmp.resolve(algorithm + "-response.csv");
        assertEquals(0, Cli.run("predict", "--model-file", model.toString(), "--csv", data.toString(), "--out",
                response.toString()).exit());
        List<String> responses = Files.readAllLines(response);
        for (int row = 0; row < inGrid.length; row++) {
            double l = Double.parseDouble(lines.get(row + 1));
            assertEquals(Double.doubleToRawLongBits(l), Double.doubleToRawLongBits(inGrid[row]), algorithm + " row " + row);
            String[] cells = rows.get(row + 1).split(",");
            double eta = m.path("intercept").asDouble();
            for (int j = 0; j < m.path("features").size(); j++) {
                eta += m.path("coefficients").get(j).asDouble()
                        * Double.parseDouble(cells[header.indexOf(m.path("features").get(j).asText())]);
            }
            assertEquals(eta, l, 1e-12 * (1 + Math.abs(eta)), algorithm + " row " + row + ": b0 + x·b");
            String r = responses.get(row + 1);
            if (algorithm.equals("logistic")) {
                assertEquals(l > 0 ? "1" : "0", r, "the label is the sign of the log-odds, row " + row);
            } else {
                assertEquals(r, lines.get(row + 1), "identity link: the response's bits, row " + row);
            }
        }
    }

    /**
     * {@code evaluate} of each classifier: rows, accuracy and the confusion matrix counted here from the CSV's
     * labels and the local predictions, the log loss from the model's probabilities computed row by row through
     * the typed API (the local path, not the grid's kernel), to 1e-12.
     */
    @ParameterizedTest
    @ValueSource(strings = {"logistic", "softmax", "naive-bayes"})
    void evaluateOfAClassifierAgreesWithAnIndependentCount(String algorithm) throws IOException {
        Path modelFile = fit(algorithm);
        String ds = fitArgs(algorithm).get(1);
        Path csv = Oracles.resource(ds + ".csv");
        Path preds = tmp.resolve(algorithm + "-eval-preds.csv");
        assertEquals(0, Cli.run("predict", "--model-file", modelFile.toString(), "--csv", csv.toString(),
                "--out", preds.toString()).exit());
        List<String> predicted = Files.readAllLines(preds);
        List<String> rows = Files.readAllLines(csv);
        String[] header = rows.get(0).split(",");
        Model model = Model.read(modelFile);
        List<String> classes = new ArrayList<>();
        model.document().classes().forEach(c -> classes.add(String.valueOf(c)));
        int k = classes.size();
        long[][] confusion = new long[k][k];
        long correct = 0;
        double logLoss = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            Map<String, Double> row = new LinkedHashMap<>();
            for (int j = 0; j < header.length - 1; j++) {
                row.put(header[j], Double.parseDouble(f[j]));
            }
            int truth = classIndex(classes, f[header.length - 1]);
            int guess = classIndex(classes, predicted.get(i));
            confusion[truth][guess]++;
            correct += truth == guess ? 1 : 0;
            logLoss -= Math.log(model.probabilities(row)[truth]);
        }
        long n = rows.size() - 1;
        Cli.Run eval = client("evaluate", "--model", "m-" + algorithm, "--data", ds, "--json");
        assertEquals(0, eval.exit(), eval.err());
        JsonNode m = eval.json().path("metrics");
        assertEquals(n, m.path("rows").asLong());
        assertEquals((double) correct / n, m.path("accuracy").asDouble(), 0.0, "accuracy");
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                assertEquals(confusion[t][p], m.path("confusionMatrix").path(t).path(p).asLong(), "confusion " + t + "," + p);
            }
        }
        assertTrue(Oracles.relErr(m.path("logLoss").asDouble(), logLoss / n) < 1e-12,
                "log loss " + m.path("logLoss") + " vs " + logLoss / n);
        assertTrue(correct > n / 2, algorithm + " learned something: " + correct + " of " + n);
    }

    /** A label as the CSV or a prediction writes it ("1", "1.0") to its index among the model's classes. */
    private static int classIndex(List<String> classes, String label) {
        double v = Double.parseDouble(label);
        for (int c = 0; c < classes.size(); c++) {
            if (Double.parseDouble(classes.get(c)) == v) {
                return c;
            }
        }
        throw new AssertionError("label " + label + " is not among the classes " + classes);
    }

    /**
     * k-means: {@code evaluate} refuses it (its inertia is a training metric); that training inertia equals the
     * sum of squared distances to the nearest centre computed here from the CSV and the model's centres.
     */
    @Test
    void kMeansTrainingInertiaEqualsAnIndependentSumAndEvaluateRefusesIt() throws IOException {
        Path modelFile = fit("kmeans");
        JsonNode model = new com.fasterxml.jackson.databind.ObjectMapper().readTree(modelFile.toFile());
        List<String> rows = Files.readAllLines(Oracles.resource("iris.csv"));
        JsonNode centres = model.path("centers").isMissingNode() ? model.path("centroids") : model.path("centers");
        assertTrue(centres.size() == 3, "three centres in " + model);
        double inertia = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            double best = Double.POSITIVE_INFINITY;
            for (JsonNode c : centres) {
                double d = 0;
                for (int j = 0; j < 4; j++) {
                    double e = Double.parseDouble(f[j]) - c.path(j).asDouble();
                    d += e * e;
                }
                best = Math.min(best, d);
            }
            inertia += best;
        }
        double reported = model.path("metrics").path("train").path("inertia").asDouble();
        assertTrue(Oracles.relErr(reported, inertia) < 1e-12, "inertia " + reported + " vs " + inertia);
        Cli.Run eval = client("evaluate", "--model", "m-kmeans", "--data", "iris", "--json");
        assertEquals(2, eval.exit(), eval.out() + eval.err());
        assertTrue(eval.err().contains("a kmeans model has no target (its training metrics are in the model)"), eval.err());
    }
}
