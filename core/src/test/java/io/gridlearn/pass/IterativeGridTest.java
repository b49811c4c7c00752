package io.gridlearn.pass;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.bayes.NaiveBayesOptions;
import io.gridlearn.bayes.NaiveBayesTrainer;
import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.testing.Oracles;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.kmeans.KMeansOptions;
import io.gridlearn.kmeans.KMeansTrainer;
import io.gridlearn.logistic.LogisticOptions;
import io.gridlearn.logistic.LogisticTrainer;
import io.gridlearn.logistic.SoftmaxTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.pca.PcaOptions;
import io.gridlearn.pca.PcaTrainer;
import io.gridlearn.testing.TestData;
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
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every iterative learner in the grid equals its single-JVM reference ({@link LocalPassRunner} over the same
 * blocks) bit for bit, on 1, 2 and 3 members.
 */
class IterativeGridTest {
    private static final List<String> IRIS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private static final List<String> MEAN10 = List.of("mean_radius", "mean_texture", "mean_perimeter", "mean_area",
            "mean_smoothness", "mean_compactness", "mean_concavity", "mean_concave_points", "mean_symmetry",
            "mean_fractal_dimension");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** Fits with the grid runner on 1, 2, 3 members and with the local runner; all four JSONs must be equal. */
    private void sameEverywhere(String file, String target, List<String> features, boolean supervised,
                                Function<Fit, ModelDocument> fit) {
        String reference = null;
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            DatasetSchema schema = file.startsWith("/")
                    ? CsvLoader.load(catalog, Path.of(file), "d", CsvOptions.defaults().withBlockSize(40), null)
                    : TestData.load(catalog, file, "d", 40);
            ColumnChoice cols = ColumnChoice.resolve(schema, target, features, supervised);
            String inGrid = ModelJson.write(fit.apply(new Fit(new GridPassRunner(catalog, schema), cols)));
            if (reference == null) {
                Map<Integer, RowBlock> blocks = new TreeMap<>(catalog.blocks(schema));
                LocalPassRunner local = new LocalPassRunner(new ArrayList<>(blocks.values()), schema.blockSize());
                reference = ModelJson.write(fit.apply(new Fit(local, cols)));
            }
            assertEquals(reference, inGrid, file + " on " + members + " members vs the local reference");
            factory.terminateAll();
        }
    }

    record Fit(PassRunner runner, ColumnChoice cols) {
    }

    @Test
    void logistic() {
        sameEverywhere("breast_cancer.csv", "target", MEAN10, true, f -> LogisticTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                LogisticOptions.defaults(), IterationListener.NONE, null));
    }

    @Test
    void softmax() {
        sameEverywhere("iris.csv", "target", IRIS, true, f -> SoftmaxTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                LogisticOptions.defaults().withStandardize(false).withPenalty(1.0 / 150, 0), IterationListener.NONE, null));
    }

    /** L-BFGS: its Hessian pass, line-search trials and curvature pairs are all sums of passes, so the same bits too. */
    @Test
    void logisticAndSoftmaxByLbfgs() {
        sameEverywhere("breast_cancer.csv", "target", MEAN10, true, f -> LogisticTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                LogisticOptions.defaults().withPenalty(1e-3, 0).withSolver(LogisticOptions.LBFGS),
                IterationListener.NONE, null));
        sameEverywhere("iris.csv", "target", IRIS, true, f -> SoftmaxTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                LogisticOptions.defaults().withStandardize(false).withPenalty(1.0 / 150, 0)
                        .withSolver(LogisticOptions.LBFGS), IterationListener.NONE, null));
    }

    @Test
    void kmeansFromOracleRowsAndFromKMeansParallel() {
        sameEverywhere("iris.csv", null, IRIS, false, f -> KMeansTrainer.fit(f.runner(), f.cols().featureColumns(),
                f.cols().features(), new KMeansOptions(3, 300, 0, "rows:0,50,100", 1), IterationListener.NONE, null));
        sameEverywhere("iris.csv", null, IRIS, false, f -> KMeansTrainer.fit(f.runner(), f.cols().featureColumns(),
                f.cols().features(), new KMeansOptions(3, 300, 0, "kmeans-parallel", 4), IterationListener.NONE, null));
    }

    @Test
    void naiveBayesAndPca() {
        sameEverywhere("iris.csv", "target", IRIS, true, f -> NaiveBayesTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                new NaiveBayesOptions(1e-9)));
        sameEverywhere("iris.csv", null, IRIS, false, f -> PcaTrainer.fit(f.runner(), f.cols().featureColumns(),
                f.cols().features(), new PcaOptions(4, true)));
    }

    @TempDir
    Path tmp;

    /**
     * A copy of a bundled CSV in which every {@code every}-th data row has one feature cell blank, NaN, inf or
     * -inf (the feature cycles over {@code features}): the rows {@code --missing skip} leaves out.
     */
    private String withMissing(String file, List<String> features, int every) throws IOException {
        List<String> lines = Files.readAllLines(Oracles.resource(file));
        List<String> header = List.of(lines.get(0).split(","));
        String[] bad = {"", "NaN", "inf", "-inf"};
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        int dirty = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (i % every == 0) {
                cells[header.indexOf(features.get(dirty % features.size()))] = bad[dirty % bad.length];
                dirty++;
            }
            out.add(String.join(",", cells));
        }
        Path p = tmp.resolve("missing-" + file);
        Files.write(p, out);
        return p.toString();
    }

    private static long skipped(ModelDocument m) {
        return ((Number) m.summary().get(Missing.SKIPPED_ROWS)).longValue();
    }

    @Test
    void logisticAndSoftmaxSkippingRows() throws IOException {
        String bc = withMissing("breast_cancer.csv", MEAN10, 7);
        sameEverywhere(bc, "target", MEAN10, true, f -> {
            ModelDocument m = LogisticTrainer.fit(f.runner(), f.cols().featureColumns(), f.cols().targetColumn(),
                    f.cols().features(), f.cols().target(), LogisticOptions.defaults().withMissing(Missing.SKIP),
                    IterationListener.NONE, null);
            assertEquals(569 / 7, skipped(m));
            return m;
        });
        String iris = withMissing("iris.csv", IRIS, 6);
        sameEverywhere(iris, "target", IRIS, true, f -> SoftmaxTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                LogisticOptions.defaults().withStandardize(false).withPenalty(1.0 / 150, 0).withMissing(Missing.SKIP),
                IterationListener.NONE, null));
    }

    @Test
    void kmeansSkippingRows() throws IOException {
        String iris = withMissing("iris.csv", IRIS, 5);
        for (String init : List.of("rows:0,51,101", "kmeans-parallel", "random")) {
            sameEverywhere(iris, null, IRIS, false, f -> {
                ModelDocument m = KMeansTrainer.fit(f.runner(), f.cols().featureColumns(), f.cols().features(),
                        new KMeansOptions(3, 300, 0, init, 4, Missing.SKIP), IterationListener.NONE, null);
                assertEquals(30, skipped(m));
                return m;
            });
        }
    }

    @Test
    void naiveBayesAndPcaSkippingRows() throws IOException {
        String iris = withMissing("iris.csv", IRIS, 4);
        sameEverywhere(iris, "target", IRIS, true, f -> NaiveBayesTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                new NaiveBayesOptions(1e-9, Missing.SKIP)));
        sameEverywhere(iris, null, IRIS, false, f -> PcaTrainer.fit(f.runner(), f.cols().featureColumns(),
                f.cols().features(), new PcaOptions(4, true, Missing.SKIP)));
    }

    /**
     * Frequency weights (iris with the seeded weights of oracles/weights, every 9th row also missing a feature):
     * k-means from given rows, k-means‖ and random rows (the weighted draws), naive Bayes, each with and without
     * {@code --missing skip}.
     */
    @Test
    void kmeansAndNaiveBayesWithWeights() throws IOException {
        String weighted = io.gridlearn.testing.WeightsData.iris().toString();
        List<String> lines = Files.readAllLines(Path.of(weighted));
        List<String> holed = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (i % 9 == 0) {
                c[i % 4] = "NaN";
            }
            holed.add(String.join(",", c));
        }
        String withHoles = Files.write(tmp.resolve("iris-w-holes.csv"), holed).toString();
        for (String init : List.of("rows:1,51,101", "kmeans-parallel", "random")) {
            sameEverywhere(weighted, null, IRIS, false, f -> KMeansTrainer.fit(f.runner(), f.cols().featureColumns(),
                    f.cols().features(), new KMeansOptions(3, 300, 0, init, 4), IterationListener.NONE, null, 5, "w"));
            sameEverywhere(withHoles, null, IRIS, false, f -> KMeansTrainer.fit(f.runner(),
                    f.cols().featureColumns(), f.cols().features(), new KMeansOptions(3, 300, 0, init, 4,
                            Missing.SKIP), IterationListener.NONE, null, 5, "w"));
        }
        sameEverywhere(weighted, "target", IRIS, true, f -> NaiveBayesTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                new NaiveBayesOptions(1e-9), 5, "w"));
        sameEverywhere(withHoles, "target", IRIS, true, f -> NaiveBayesTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                new NaiveBayesOptions(1e-9, Missing.SKIP), 5, "w"));
    }

    /**
     * Frequency weights on logistic (Newton with an elastic net and standardization, L-BFGS, and with holes under
     * {@code --missing skip}) and softmax regression: breast cancer and iris with the seeded weights of
     * oracles/weights.
     */
    @Test
    void logisticAndSoftmaxWithWeights() throws IOException {
        Path bcPath = io.gridlearn.testing.WeightsData.breastCancer();
        int bcW = io.gridlearn.testing.WeightsData.names(bcPath).indexOf("w");
        List<String> lines = Files.readAllLines(bcPath);
        List<String> holed = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (i % 7 == 0) {
                c[i % 10] = "NaN";
            }
            holed.add(String.join(",", c));
        }
        String withHoles = Files.write(tmp.resolve("bc-w-holes.csv"), holed).toString();
        LogisticOptions enet = LogisticOptions.defaults().withStandardize(true).withPenalty(1e-3, 0.5);
        LogisticOptions lbfgs = new LogisticOptions(1e-3, 0, true, true, LogisticOptions.LBFGS, 100, 1e-10, "error");
        for (LogisticOptions o : List.of(enet, lbfgs)) {
            sameEverywhere(bcPath.toString(), "target", MEAN10, true, f -> LogisticTrainer.fit(f.runner(),
                    f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(), o,
                    bcW, "w", IterationListener.NONE, null));
        }
        sameEverywhere(withHoles, "target", MEAN10, true, f -> LogisticTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                enet.withMissing(Missing.SKIP), bcW, "w", IterationListener.NONE, null));
        Path irisPath = io.gridlearn.testing.WeightsData.iris();
        int irisW = io.gridlearn.testing.WeightsData.names(irisPath).indexOf("w");
        sameEverywhere(irisPath.toString(), "target", IRIS, true, f -> SoftmaxTrainer.fit(f.runner(),
                f.cols().featureColumns(), f.cols().targetColumn(), f.cols().features(), f.cols().target(),
                LogisticOptions.defaults().withPenalty(1e-2, 0), irisW, "w", IterationListener.NONE, null));
    }
}
