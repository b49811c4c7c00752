package io.gridlearn.tree;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.report.GridReportContext;
import io.gridlearn.report.ReportContext;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.runtime.Learners;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report section of tree models ({@link TreeReport}) on a grid of two members: loss per round (training and
 * held-out rows), feature importance, and for binary classifiers ROC and calibration, for a logistic gbt fit, a
 * softmax one and a Gini forest; and from the model alone, the held-out scores the fit stored.
 */
class TreeReportTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private static String render(ReportContext c) {
        return Learners.forAlgorithm(c.model().algorithm()).report().orElseThrow().render(c);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void gbtClassifierAndForestSections() {
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        CsvLoader.load(catalog, GbtTestData.path("/oracles/gbt/breast_cancer_train.csv"), "bc",
                CsvOptions.defaults().withBlockSize(40), null);
        CsvLoader.load(catalog, GbtTestData.path("/oracles/gbt/iris_train.csv"), "iris",
                CsvOptions.defaults().withBlockSize(40), null);

        // logistic gbt with a held-out share: the held-out curve on its dataset is the fit's testScores
        GbtOptions o = GbtOptions.of(Objective.LOGISTIC).withTrees(15).withTestFraction(0.25);
        ModelDocument m = FitDriver.fit(grid[0], "bc", "bc-gbt", new GbtSpec("target", null, o, 5),
                FitControl.quiet());
        GridReportContext c = new GridReportContext(grid[0], m, "bc", false, 100, 1);
        String json = ModelJson.write(m);
        double[] sums = c.sum(schema -> new TreeLossKernel(json,
                FeatureBinding.inputColumns(m, schema.columns(), "bc"), FeatureBinding.targetColumn(m,
                schema.columns()), 0.25, 5)).orElseThrow();
        assertEquals(2 * 16, sums.length);
        double[] heldOut = TreeLossKernel.curve(m, sums, 1);
        assertArrayEquals(ReportChartsAccess.testScores(m), heldOut, "the fit's own held-out scores");
        double[] train = TreeLossKernel.curve(m, sums, 0);
        assertTrue(train[14] < train[0], "training loss falls");
        assertEquals(455, (long) (sums[15] + sums[31]), "every row in one of the two groups");
        String s = render(c);
        assertTrue(s.contains("<h3>Loss per round</h3>") && s.contains("logloss per round on bc"), s);
        assertTrue(s.contains("training rows") && s.contains("held-out rows"), s);
        assertTrue(s.contains("<h3>Feature importance</h3>") && s.contains("Share of the total gain"), s);
        Map<String, double[]> imp = TreeImportance.of(m);
        int top = 0;
        for (int j = 1; j < m.features().size(); j++) {
            if (imp.get("totalGain")[j] > imp.get("totalGain")[top]) {
                top = j;
            }
        }
        assertTrue(s.indexOf("<td>" + m.features().get(top) + "</td>") > s.indexOf("<h3>Feature importance</h3>"),
                "the top feature in the table");
        assertTrue(s.contains("ROC curve (AUC") && s.contains("Calibration"), s);
        assertTrue(s.contains("Confusion matrix on bc"), s);

        // from the model alone: the stored held-out scores, no ROC
        String alone = render(ReportContext.modelOnly(m));
        assertTrue(alone.contains("Held-out logloss per round"), alone);
        assertFalse(alone.contains("ROC curve"), alone);
        assertTrue(alone.contains("<h3>Feature importance</h3>"), alone);

        // softmax: mlogloss on every row (no held-out share), confusion matrix, no ROC
        ModelDocument sm = FitDriver.fit(grid[0], "iris", "iris-gbt",
                new GbtSpec("target", null, GbtOptions.of(Objective.SOFTMAX).withTrees(5), 5), FitControl.quiet());
        String ss = render(new GridReportContext(grid[0], sm, "iris", false, 100, 1));
        assertTrue(ss.contains("mlogloss per round on iris"), ss);
        assertFalse(ss.contains("held-out rows"), ss);
        assertTrue(ss.contains("Confusion matrix on iris") && !ss.contains("ROC curve"), ss);

        // a Gini forest: loss per tree, importance, ROC and calibration
        ModelDocument f = FitDriver.fit(grid[0], "bc", "bc-rf", new ForestSpec("target", null,
                ForestOptions.of(ForestObjective.GINI).withTrees(6).withMaxDepth(5), 3), FitControl.quiet());
        String fs = render(new GridReportContext(grid[0], f, "bc", false, 100, 1));
        assertTrue(fs.contains("<h3>Loss per tree</h3>") && fs.contains("logloss per tree on bc"), fs);
        assertTrue(fs.contains("<h3>Feature importance</h3>"), fs);
        assertTrue(fs.contains("ROC curve (AUC") && fs.contains("Calibration"), fs);
        assertEquals(1, count(fs, "<h3>Feature importance</h3>"));
    }

    /** Reads the stored held-out scores. */
    static final class ReportChartsAccess {
        static double[] testScores(ModelDocument m) {
            return io.gridlearn.report.ReportCharts.summaryVector(m, "testScores");
        }
    }
}
