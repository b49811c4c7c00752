package io.gridlearn.pass;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.bayes.NaiveBayesOptions;
import io.gridlearn.bayes.NaiveBayesTrainer;
import io.gridlearn.data.ColumnChoice;
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
            DatasetSchema schema = TestData.load(catalog, file, "d", 40);
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
}
