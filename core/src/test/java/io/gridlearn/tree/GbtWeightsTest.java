package io.gridlearn.tree;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import io.gridlearn.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instance weights ({@code --weights}): g and h times w, so a row of weight 0 is exactly the fit without it, a row
 * of whole-number weight k exactly k copies of it, half the weights (λ = 0, min child weight 0) the same trees;
 * bad weights are refused naming the row; a weighted model is the same bytes on 1, 2 and 3 members.
 */
class GbtWeightsTest {
    static final int BLOCK = 64;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** Rows (features…, y, w) as blocks of {@link #BLOCK} rows, column-major. */
    static GbtTestData.Local blocks(List<String> names, List<double[]> rows) {
        int c = names.size();
        List<RowBlock> out = new ArrayList<>();
        for (int start = 0, id = 0; start < rows.size(); start += BLOCK, id++) {
            int n = Math.min(BLOCK, rows.size() - start);
            double[] v = new double[n * c];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < c; j++) {
                    v[j * n + r] = rows.get(start + r)[j];
                }
            }
            out.add(new RowBlock(id, n, c, v));
        }
        return new GbtTestData.Local(names, out, BLOCK);
    }

    /** The breast-cancer training rows with a weight column of 0 … 3 (seeded), some rows missing a feature. */
    static List<double[]> weightedRows(GbtTestData.Local bc, List<String> features, long seed) {
        double[] y = new double[bc.rows()];
        double[][] x = bc.rows(features, "target", y);
        Random rnd = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double[] r = new double[features.size() + 2];
            System.arraycopy(x[i], 0, r, 0, x[i].length);
            if (i % 17 == 0) {
                r[i % features.size()] = Double.NaN;
            }
            r[features.size()] = y[i];
            r[features.size() + 1] = rnd.nextInt(4);
            rows.add(r);
        }
        return rows;
    }

    static String trees(ModelDocument m) throws Exception {
        return Json.mapper().writeValueAsString(m.extension("trees")) + " bins "
                + Json.mapper().writeValueAsString(m.summary().get("bins"));
    }

    static ModelDocument fit(GbtTestData.Local d, List<String> features, GbtOptions o, boolean weighted) {
        GbtTrainer t = new GbtTrainer(d.runner(), d.cols(features), d.col("target"), BLOCK, features, "target", o, 42);
        if (weighted) {
            t.weighted(d.col("w"), "w");
        }
        return t.fit(null, null);
    }

    static List<String> names(List<String> features) {
        List<String> names = new ArrayList<>(features);
        names.add("target");
        names.add("w");
        return names;
    }

    @Test
    void zeroWeightsLeaveRowsOutAndWholeWeightsRepeatThem() throws Exception {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<double[]> rows = weightedRows(bc, features, 5);
        int w = features.size() + 1;
        List<double[]> kept = new ArrayList<>();
        List<double[]> repeated = new ArrayList<>();
        double sum = 0;
        for (double[] r : rows) {
            sum += r[w];
            if (r[w] > 0) {
                double[] one = r.clone();
                one[w] = 1;
                kept.add(r);
                for (int k = 0; k < r[w]; k++) {
                    repeated.add(one);
                }
            }
        }
        assertTrue(kept.size() < rows.size() && repeated.size() > kept.size(), "zeros and repeats both present");
        List<String> names = names(features);
        for (Objective obj : Objective.values()) {
            // 1024 bins: every distinct value its own bin, so the edges do not depend on how often a value occurs
            GbtOptions o = GbtOptions.of(obj).withTrees(10).withMaxBins(1024);
            ModelDocument weighted = fit(blocks(names, rows), features, o, true);
            ModelDocument withoutZeros = fit(blocks(names, kept), features, o, true);
            ModelDocument copies = fit(blocks(names, repeated), features, o, false);
            assertEquals(trees(withoutZeros), trees(weighted), obj + ": weight 0 is the row left out");
            assertEquals(trees(copies), trees(weighted), obj + ": weight k is the row k times");
            assertEquals(sum, ((Number) weighted.summary().get("weightSum")).doubleValue());
            assertEquals("w", weighted.extension("weights"));
            ModelDocument ignored = fit(blocks(names, rows), features, o, false);
            assertNotEquals(trees(ignored), trees(weighted), obj + ": the weights change the trees");
        }
        // the default bins are quantiles of the rows of positive weight, each counted once: a zero weight is still
        // exactly the row left out
        GbtOptions o = GbtOptions.of(Objective.LOGISTIC).withTrees(10).withMaxBins(16);
        assertEquals(trees(fit(blocks(names, kept), features, o, true)), trees(fit(blocks(names, rows), features, o,
                true)), "16 quantile bins: weight 0 is the row left out");
    }

    @Test
    void halfTheWeightsGiveTheSameTreesWithoutPenalties() throws Exception {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<double[]> rows = weightedRows(bc, features, 8);
        int w = features.size() + 1;
        List<double[]> half = new ArrayList<>();
        for (double[] r : rows) {
            double[] h = r.clone();
            h[w] = r[w] * 0.5 + (r[w] > 0 ? 0.25 : 0); // 0, 0.75, 1.25, 1.75: not whole numbers
            half.add(h);
            r[w] = r[w] * 2 + (r[w] > 0 ? 1 : 0); // 0, 3, 5, 7: four times those
        }
        List<String> names = names(features);
        GbtOptions o = GbtOptions.of(Objective.SQUARED_ERROR).withTrees(5).withMaxDepth(3).withLambda(0)
                .withMinChildWeight(0);
        List<Tree> a = GbtModel.trees(fit(blocks(names, rows), features, o, true), features.size());
        List<Tree> b = GbtModel.trees(fit(blocks(names, half), features, o, true), features.size());
        for (int t = 0; t < a.size(); t++) {
            Tree x = a.get(t);
            Tree y = b.get(t);
            assertEquals(x.size, y.size, "tree " + t);
            for (int i = 0; i < x.size; i++) {
                assertEquals(x.feature[i], y.feature[i], "tree " + t + " node " + i);
                assertEquals(x.value[i], y.value[i], 1e-9 * Math.max(1, Math.abs(x.value[i])), "leaf values: −G/H");
                assertEquals(x.cover[i], 4 * y.cover[i], 1e-9 * x.cover[i], "cover: Σw·h");
            }
        }
    }

    @Test
    void badWeightsAreRefusedNamingTheRow() {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<String> names = names(features);
        int w = features.size() + 1;
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            List<double[]> rows = weightedRows(bc, features, 1);
            rows.get(77)[w] = bad;
            BadInputException e = assertThrows(BadInputException.class, () -> fit(blocks(names, rows), features,
                    GbtOptions.of(Objective.LOGISTIC).withTrees(2), true));
            assertTrue(e.getMessage().contains("row 77, column 'w': weight " + bad), e.getMessage());
        }
        List<double[]> zeros = weightedRows(bc, features, 1);
        zeros.forEach(r -> r[w] = 0);
        BadInputException e = assertThrows(BadInputException.class, () -> fit(blocks(names, zeros), features,
                GbtOptions.of(Objective.LOGISTIC).withTrees(2), true));
        assertTrue(e.getMessage().contains("every row has weight 0"), e.getMessage());
    }

    @Test
    void weightedModelsAreTheSameOnOneTwoAndThreeMembers() throws Exception {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<double[]> rows = weightedRows(bc, features, 3);
        int w = features.size() + 1;
        rows.forEach(r -> r[w] = r[w] * 0.75);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", names(features)));
        for (double[] r : rows) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < r.length; j++) {
                s.append(j == 0 ? "" : ",").append(Double.isNaN(r[j]) ? "" : Double.toString(r[j]));
            }
            lines.add(s.toString());
        }
        Path csv = tmp.resolve("weighted.csv");
        Files.write(csv, lines);
        GbtOptions o = GbtOptions.of(Objective.LOGISTIC).withTrees(8).withSubsample(0.8);
        String want = GbtOracleTest.json(fit(localCsv(csv), features, o, true));
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            CsvLoader.load(catalog, csv, "weighted", CsvOptions.defaults().withBlockSize(BLOCK), null);
            ModelDocument m = FitDriver.fit(grid[0], "weighted", "gbt-weighted",
                    new GbtSpec("target", null, o, 42, "w"), FitControl.quiet());
            assertEquals(features, m.features(), "the weight column is not a default feature");
            assertEquals(want, GbtOracleTest.json(m), members + " members");
            factory.terminateAll();
        }
    }

    static GbtTestData.Local localCsv(Path csv) {
        List<RowBlock> blocks = new ArrayList<>();
        List<String> names = io.gridlearn.data.csv.CsvIngest.ingest(csv, CsvOptions.defaults().withBlockSize(BLOCK)
                .withThreads(1), blocks::add, null).names();
        return new GbtTestData.Local(names, blocks, BLOCK);
    }
}
