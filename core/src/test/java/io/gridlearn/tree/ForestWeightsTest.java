package io.gridlearn.tree;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
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
 * Random-forest instance weights: a row of weight 0 has no influence at all (its values can be anything), a
 * constant weight of 2 gives the same trees with twice the cover, bad weights are refused naming the row, and a
 * weighted forest is the same bytes on 1, 2 and 3 members.
 */
class ForestWeightsTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    static ModelDocument fit(GbtTestData.Local d, List<String> features, ForestOptions o, boolean weighted) {
        ForestTrainer t = new ForestTrainer(d.runner(), d.cols(features), d.col("target"), GbtWeightsTest.BLOCK,
                features, "target", o, 42);
        if (weighted) {
            t.weighted(d.col("w"), "w");
        }
        return t.fit();
    }

    @Test
    void aZeroWeightRowHasNoInfluenceAndWeightsChangeTheForest() throws Exception {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<String> names = GbtWeightsTest.names(features);
        int w = features.size() + 1;
        for (ForestObjective obj : ForestObjective.values()) {
            ForestOptions o = ForestOptions.of(obj).withTrees(12);
            List<double[]> rows = GbtWeightsTest.weightedRows(bc, features, 5);
            List<double[]> garbage = new ArrayList<>();
            Random rnd = new Random(3);
            for (double[] r : rows) {
                double[] g = r.clone();
                if (r[w] == 0) {
                    for (int j = 0; j < w; j++) {
                        g[j] = j == w - 1 ? rnd.nextInt(2) : rnd.nextGaussian() * 1e3;
                    }
                }
                garbage.add(g);
            }
            ModelDocument a = fit(GbtWeightsTest.blocks(names, rows), features, o, true);
            ModelDocument b = fit(GbtWeightsTest.blocks(names, garbage), features, o, true);
            assertEquals(GbtWeightsTest.trees(a), GbtWeightsTest.trees(b), obj + ": rows of weight 0 count nowhere");
            assertEquals("w", a.extension("weights"));
            assertNotEquals(GbtWeightsTest.trees(fit(GbtWeightsTest.blocks(names, rows), features, o, false)),
                    GbtWeightsTest.trees(a), obj + ": the weights change the forest");
        }
    }

    @Test
    void aConstantWeightOfTwoGivesTheSameTreesWithTwiceTheCover() {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<String> names = GbtWeightsTest.names(features);
        int w = features.size() + 1;
        List<double[]> rows = GbtWeightsTest.weightedRows(bc, features, 5);
        rows.forEach(r -> r[w] = 2);
        for (ForestObjective obj : ForestObjective.values()) {
            ForestOptions o = ForestOptions.of(obj).withTrees(8);
            List<Tree> a = ForestModel.trees(fit(GbtWeightsTest.blocks(names, rows), features, o, false),
                    features.size());
            List<Tree> b = ForestModel.trees(fit(GbtWeightsTest.blocks(names, rows), features, o, true),
                    features.size());
            for (int t = 0; t < a.size(); t++) {
                Tree x = a.get(t);
                Tree y = b.get(t);
                assertEquals(x.size, y.size, obj + " tree " + t);
                for (int i = 0; i < x.size; i++) {
                    assertEquals(x.feature[i], y.feature[i], obj + " tree " + t + " node " + i);
                    assertEquals(x.value[i], y.value[i], 1e-12 * Math.max(1, Math.abs(x.value[i])));
                    assertEquals(2 * x.cover[i], y.cover[i], 0.0, "cover: Σ weight × bootstrap count");
                }
            }
        }
    }

    @Test
    void badWeightsAreRefusedNamingTheRow() {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<double[]> rows = GbtWeightsTest.weightedRows(bc, features, 1);
        rows.get(300)[features.size() + 1] = -2;
        BadInputException e = assertThrows(BadInputException.class, () -> fit(GbtWeightsTest.blocks(
                GbtWeightsTest.names(features), rows), features, ForestOptions.of(ForestObjective.GINI), true));
        assertTrue(e.getMessage().contains("row 300, column 'w': weight -2.0"), e.getMessage());
    }

    @Test
    void weightedForestsAreTheSameOnOneTwoAndThreeMembers() throws Exception {
        GbtTestData.Local bc = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        List<String> features = bc.featuresBut("target");
        List<double[]> rows = GbtWeightsTest.weightedRows(bc, features, 3);
        int w = features.size() + 1;
        rows.forEach(r -> r[w] = r[w] * 0.75);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", GbtWeightsTest.names(features)));
        for (double[] r : rows) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < r.length; j++) {
                s.append(j == 0 ? "" : ",").append(Double.isNaN(r[j]) ? "" : Double.toString(r[j]));
            }
            lines.add(s.toString());
        }
        Path csv = tmp.resolve("weighted.csv");
        Files.write(csv, lines);
        for (ForestObjective obj : ForestObjective.values()) {
            ForestOptions o = ForestOptions.of(obj).withTrees(10);
            String want = GbtOracleTest.json(fit(GbtWeightsTest.localCsv(csv), features, o, true));
            for (int members = 1; members <= 3; members++) {
                HazelcastInstance[] grid = TestGrids.start(factory, members);
                DatasetCatalog catalog = new DatasetCatalog(grid[0]);
                CsvLoader.load(catalog, csv, "weighted", CsvOptions.defaults().withBlockSize(GbtWeightsTest.BLOCK),
                        null);
                ModelDocument m = FitDriver.fit(grid[0], "weighted", "rf-weighted",
                        new ForestSpec("target", null, o, 42, "w"), FitControl.quiet());
                assertEquals(features, m.features());
                assertEquals(want, GbtOracleTest.json(m), obj + " on " + members + " members");
                factory.terminateAll();
            }
        }
    }
}
