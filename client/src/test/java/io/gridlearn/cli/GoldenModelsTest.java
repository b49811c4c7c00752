package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden model JSONs: every README command example and every learner on each dataset it applies to, fit
 * through the command line against one member (thin client), must give the same model document byte for byte
 * as the one recorded in {@code src/test/resources/golden/}, after normalisation: {@code version},
 * {@code provenance.createdAt} and {@code provenance.libraryVersion} are dropped (they change from run to run or
 * release to release); nothing else is.
 *
 * <p>The files were recorded from the code before the learner runtime was introduced; a refactor that changes a
 * byte of one is a bug. A change of results made on purpose (a new k-means initialisation, a faster QR) updates
 * only the goldens it names, re-checked against the oracles. To record: {@code mvn -pl client -am test
 * -Dtest=GoldenModelsTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.record=true}.
 */
class GoldenModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean RECORD = Boolean.getBoolean("golden.record");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    private static HazelcastInstance member;
    private static String clusterName;
    private static String address;

    /** One golden: a case name (the file name) and the command line after the connection options. */
    record Case(String name, String... args) {
        @Override
        public String toString() {
            return name + ": " + String.join(" ", args);
        }
    }

    private static String data(String file) {
        return Oracles.resource(file).toString();
    }

    /** Datasets loaded once, in blocks smaller than the data so that every fit merges several blocks. */
    private static final String[][] LOADS = {
            {"boston.csv", "boston64", "64"},
            {"diabetes.csv", "diabetes64", "64"},
            {"breast_cancer.csv", "breast_cancer64", "64"},
            {"iris.csv", "iris32", "32"},
            {"randhie.csv", "randhie1k", "1024"},
            {"nist-strd/Longley.csv", "longley", "4"},
            {"nist-strd/Norris.csv", "norris", "8"},
            {"nist-strd/NoInt1.csv", "noint1", "4"},
            {"nist-strd/NoInt2.csv", "noint2", "2"},
            {"nist-strd/Pontius.csv", "pontius", "8"},
            {"nist-strd/Wampler1.csv", "wampler1", "4"},
            {"nist-strd/Wampler2.csv", "wampler2", "4"},
            {"nist-strd/Wampler3.csv", "wampler3", "4"},
    };

    private static final String MEAN10 = "mean_radius,mean_texture,mean_perimeter,mean_area,mean_smoothness,"
            + "mean_compactness,mean_concavity,mean_concave_points,mean_symmetry,mean_fractal_dimension";
    private static final String IRIS4 = "sepal_length,sepal_width,petal_length,petal_width";

    /** The cases, in the order they run (the model store is shared; each case names its own model). */
    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // README.md's command examples, as written there (each loads its CSV; the dataset is dropped after)
        c.add(new Case("readme-kmeans-iris", "fit", "kmeans", "--csv", data("iris.csv"), "--features", IRIS4, "--k", "3"));
        c.add(new Case("readme-softmax-iris", "fit", "softmax", "--csv", data("iris.csv"), "--lambda", "0.0067", "--standardize"));
        c.add(new Case("readme-linear-boston", "fit", "linear", "--csv", data("boston.csv"), "--name", "boston-linear"));
        // Boston housing (regression, target medv)
        c.add(fit("boston-linear-qr", "linear", "boston64"));
        c.add(fit("boston-linear-cholesky", "linear", "boston64", "--solver", "cholesky"));
        c.add(fit("boston-linear-split", "linear", "boston64", "--standardize", "--test-fraction", "0.2", "--seed", "7"));
        c.add(fit("boston-linear-folds", "linear", "boston64", "--folds", "5"));
        c.add(fit("boston-linear-no-intercept", "linear", "boston64", "--no-intercept", "--solver", "cholesky"));
        c.add(fit("boston-linear-average", "linear", "boston64", "--method", "average"));
        c.add(fit("boston-linear-mean", "linear", "boston64", "--missing", "mean", "--test-fraction", "0.25"));
        c.add(fit("boston-ridge", "ridge", "boston64", "--lambda", "0.1", "--standardize"));
        c.add(fit("boston-ridge-cholesky", "ridge", "boston64", "--lambda", "0.5", "--solver", "cholesky"));
        c.add(fit("boston-lasso", "lasso", "boston64", "--lambda", "0.05", "--standardize"));
        c.add(fit("boston-elastic-net-path", "elastic-net", "boston64", "--lambda", "0.05", "--alpha", "0.5",
                "--standardize", "--path", "5"));
        c.add(fit("boston-pca", "pca", "boston64", "--standardize"));
        c.add(fit("boston-kmeans", "kmeans", "boston64", "--k", "3", "--seed", "1"));
        // diabetes (regression, target target)
        c.add(fit("diabetes-linear", "linear", "diabetes64"));
        c.add(fit("diabetes-ridge", "ridge", "diabetes64", "--lambda", "1"));
        c.add(fit("diabetes-lasso", "lasso", "diabetes64", "--lambda", "0.1"));
        c.add(fit("diabetes-elastic-net-folds", "elastic-net", "diabetes64", "--lambda", "0.1", "--alpha", "0.3",
                "--folds", "3"));
        c.add(fit("diabetes-pca", "pca", "diabetes64", "--components", "3"));
        // breast cancer (binary classification, target target)
        c.add(fit("breast-cancer-logistic-l2", "logistic", "breast_cancer64", "--lambda", "0.001", "--standardize"));
        c.add(fit("breast-cancer-logistic-mean10", "logistic", "breast_cancer64", "--features", MEAN10));
        c.add(fit("breast-cancer-logistic-lbfgs", "logistic", "breast_cancer64", "--lambda", "0.01", "--standardize",
                "--solver", "lbfgs"));
        c.add(fit("breast-cancer-logistic-elastic-net", "logistic", "breast_cancer64", "--lambda", "0.01", "--alpha",
                "0.5", "--standardize"));
        c.add(fit("breast-cancer-naive-bayes", "naive-bayes", "breast_cancer64"));
        c.add(fit("breast-cancer-pca", "pca", "breast_cancer64", "--standardize", "--components", "5"));
        c.add(fit("breast-cancer-kmeans", "kmeans", "breast_cancer64", "--k", "2", "--init", "random", "--seed", "3"));
        c.add(fit("breast-cancer-linear", "linear", "breast_cancer64"));
        // iris (multiclass, k-means, naive Bayes, PCA)
        c.add(fit("iris-softmax", "softmax", "iris32", "--lambda", "0.0067", "--standardize"));
        c.add(fit("iris-softmax-lbfgs", "softmax", "iris32", "--lambda", "0.01", "--solver", "lbfgs", "--standardize",
                "--tol", "1e-6", "--max-iter", "1000"));
        c.add(fit("iris-naive-bayes", "naive-bayes", "iris32"));
        c.add(fit("iris-kmeans-rows", "kmeans", "iris32", "--features", IRIS4, "--k", "3", "--init", "rows:0,50,100"));
        c.add(fit("iris-kmeans-random", "kmeans", "iris32", "--features", IRIS4, "--k", "3", "--init", "random",
                "--seed", "5"));
        c.add(fit("iris-kmeans-parallel", "kmeans", "iris32", "--features", IRIS4, "--k", "3", "--seed", "11"));
        c.add(fit("iris-pca", "pca", "iris32", "--features", IRIS4));
        // RAND health insurance (counts, target mdvis)
        c.add(fit("randhie-linear", "linear", "randhie1k"));
        c.add(fit("randhie-ridge", "ridge", "randhie1k", "--lambda", "0.01", "--standardize"));
        c.add(fit("randhie-kmeans", "kmeans", "randhie1k", "--k", "4", "--seed", "2"));
        c.add(fit("randhie-pca", "pca", "randhie1k", "--standardize"));
        // NIST StRD linear regression (y on the file's columns; the polynomial sets as straight lines)
        c.add(fit("nist-longley-qr", "linear", "longley"));
        c.add(fit("nist-longley-cholesky", "linear", "longley", "--solver", "cholesky"));
        c.add(fit("nist-norris", "linear", "norris", "--target", "y"));
        c.add(fit("nist-noint1", "linear", "noint1", "--target", "y", "--no-intercept"));
        c.add(fit("nist-noint2", "linear", "noint2", "--target", "y", "--no-intercept"));
        c.add(fit("nist-pontius-line", "linear", "pontius", "--target", "y"));
        c.add(fit("nist-wampler1-line", "linear", "wampler1", "--target", "y"));
        c.add(fit("nist-wampler2-line", "linear", "wampler2", "--target", "y"));
        c.add(fit("nist-wampler3-line", "linear", "wampler3", "--target", "y"));
        // live models (the document registered as version 1)
        c.add(fit("boston-linear-live", "linear", "boston64", "--live", "--solver", "cholesky"));
        c.add(fit("iris-kmeans-live", "kmeans", "iris32", "--features", IRIS4, "--k", "3", "--init", "rows:0,50,100",
                "--live"));
        return c;
    }

    private static Case fit(String name, String algorithm, String dataset, String... options) {
        List<String> args = new ArrayList<>(List.of("fit", algorithm, "--data", dataset, "--name", name));
        if (dataset.equals("longley")) {
            args.addAll(List.of("--target", "y"));
        }
        args.addAll(Arrays.asList(options));
        return new Case(name, args.toArray(String[]::new));
    }

    @BeforeAll
    static void startMember() {
        clusterName = "golden-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(clusterName, "127.0.0.1", 5931, true, List.of("127.0.0.1:5931"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        for (String[] load : LOADS) {
            String[] out = client("load", data(load[0]), "--name", load[1], "--block-size", load[2]);
            assertEquals("0", out[0], "load " + load[0] + ": " + out[2]);
        }
    }

    @AfterAll
    static void stopMember() {
        if (member != null) {
            member.getLifecycleService().terminate();
        }
    }

    /** {exit code, stdout, stderr} of the command against the test member. */
    private static String[] client(String... args) {
        Cli.Run r = Cli.client(address, clusterName, args);
        return new String[] {Integer.toString(r.exit()), r.out(), r.err()};
    }

    /** The model JSON without the fields that change from run to run, indented one value per line. */
    static String normalise(String modelJson) throws IOException {
        ObjectNode model = (ObjectNode) JSON.readTree(modelJson);
        model.remove("version");
        JsonNode provenance = model.get("provenance");
        if (provenance instanceof ObjectNode p) {
            p.remove("createdAt");
            p.remove("libraryVersion");
        }
        return JSON.writeValueAsString(model) + "\n";
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsGoldenModel() {
        List<Case> all = cases();
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "case names are unique");
        return all.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        List<String> args = new ArrayList<>(Arrays.asList(c.args()));
        args.add("--json");
        String[] r = client(args.toArray(String[]::new));
        assertEquals("0", r[0], c + " failed: " + r[2]);
        if (args.contains("--csv")) {
            String csv = args.get(args.indexOf("--csv") + 1);
            String stem = Path.of(csv).getFileName().toString().replaceFirst("\\.[^.]*$", "");
            assertEquals("0", client("drop", stem)[0], "drop " + stem);
        }
        String actual = normalise(r[1]);
        Path file = GOLDEN.resolve(c.name() + ".json");
        if (RECORD) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
            return;
        }
        assertTrue(Files.exists(file), "no golden recorded for " + c.name() + " (" + file.toAbsolutePath() + ")");
        try {
            assertEquals(Files.readString(file), actual, "model of " + c + " differs from its golden");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
