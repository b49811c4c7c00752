package io.gridlearn.tree;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.PredictionType;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same bins and the same trees on 1, 2 and 3 members as in one JVM, on seeded data that exercises every
 * binning branch (a feature past the exact cap, one with more distinct values than bins, one with a few values
 * and missing ones) and missing values in the fit; in-grid prediction is the local predictor's bits.
 */
class GbtGridTest {
    static final int ROWS = 6000;
    static final int BLOCK = 256;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /**
     * Seeded rows: x0 continuous (6000 distinct values, past the 4096 exact cap), x1 with 300 levels (more than
     * 256 bins), x2 with 5 levels and about 20% missing, x3 continuous with about 10% missing; y depends on all
     * four, and on x2 being missing.
     */
    Path synthetic(boolean logistic) throws IOException {
        Random rnd = new Random(20261205);
        List<String> lines = new ArrayList<>();
        lines.add("x0,x1,x2,x3,y");
        for (int i = 0; i < ROWS; i++) {
            double x0 = rnd.nextGaussian() * 3 + 1;
            int x1 = rnd.nextInt(300);
            boolean m2 = rnd.nextDouble() < 0.2;
            int x2 = rnd.nextInt(5);
            boolean m3 = rnd.nextDouble() < 0.1;
            double x3 = rnd.nextDouble() * 10;
            double f = Math.sin(x0) + x1 / 100.0 + (m2 ? 2 : x2 * 0.3) + (m3 ? -1 : x3 / 5) + rnd.nextGaussian() * 0.3;
            String y = logistic ? (f > 2.5 ? "1" : "0") : Double.toString(f);
            lines.add(x0 + "," + x1 + "," + (m2 ? "" : Integer.toString(x2)) + "," + (m3 ? "NA" : Double.toString(x3))
                    + "," + y);
        }
        Path p = tmp.resolve(logistic ? "syn-logistic.csv" : "syn-regression.csv");
        Files.write(p, lines);
        return p;
    }

    static GbtTestData.Local local(Path csv) {
        List<RowBlock> blocks = new ArrayList<>();
        List<String> names = io.gridlearn.data.csv.CsvIngest.ingest(csv, CsvOptions.defaults().withBlockSize(BLOCK)
                .withThreads(1), blocks::add, null).names();
        return new GbtTestData.Local(names, blocks, BLOCK);
    }

    static String edges(BinEdges.Result r) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < r.edges().features(); j++) {
            s.append(j).append(": ").append(Arrays.toString(r.edges().edges(j))).append(" missing ")
                    .append(r.summary().missing(j)).append('\n');
        }
        return s.toString();
    }

    @Test
    void binsAreTheSameOnOneTwoAndThreeMembersAsInOneJvm() throws Exception {
        Path csv = synthetic(false);
        GbtTestData.Local data = local(csv);
        int[] cols = data.cols(List.of("x0", "x1", "x2", "x3"));
        BinEdges.Result ref = BinEdges.compute(data.runner(), cols, data.col("y"), 256);
        assertTrue(ref.summary().overflowed(0), "x0 is past the exact cap: the range pass ran");
        assertFalse(ref.summary().overflowed(1));
        assertEquals(300, ref.summary().distinct(1).length);
        // about 20 rows per level and 6000/256 ≈ 23.4 per bin: some rank targets fall on the same level
        assertTrue(ref.edges().bins(1) > 200 && ref.edges().bins(1) <= 256, "x1 bins " + ref.edges().bins(1));
        assertEquals(5, ref.edges().bins(2), "x2: one bin per level");
        assertTrue(ref.edges().bins(0) > 200 && ref.edges().bins(0) <= 256, "x0 bins " + ref.edges().bins(0));
        assertTrue(ref.summary().missing(2) > 1000 && ref.summary().missing(3) > 400);
        assertEquals(0, ref.summary().missing(0));
        String want = edges(ref);
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            DatasetSchema s = CsvLoader.load(catalog, csv, "syn", CsvOptions.defaults().withBlockSize(BLOCK), null);
            BinEdges.Result got = BinEdges.compute(new GridPassRunner(catalog, s), cols, data.col("y"), 256);
            assertEquals(want, edges(got), "bins on " + members + " members");
            factory.terminateAll();
        }
    }

    @Test
    void binnedRoutingAgreesWithTheThresholdTest() {
        Random rnd = new Random(7);
        double[] values = new double[2000];
        long[] counts = new long[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5 - 300;
            counts[i] = 1 + rnd.nextInt(5);
        }
        double[] e = BinEdges.fromDistinct(values, counts, 64);
        assertEquals(63, e.length);
        BinEdges edges = new BinEdges(new double[][] {e});
        for (int t = 0; t < 10_000; t++) {
            double x = rnd.nextInt(4) == 0 ? e[rnd.nextInt(e.length)] : rnd.nextDouble() * 1200 - 400;
            int b = edges.bin(0, x);
            for (int s = 0; s < e.length; s++) {
                assertEquals(x < e[s], b <= s, "x " + x + " split bin " + s);
            }
        }
        assertEquals(64, edges.bin(0, Double.NaN), "missing values have the bin after the last");
        assertEquals(0, edges.bin(0, Double.NEGATIVE_INFINITY));
        assertEquals(63, edges.bin(0, Double.POSITIVE_INFINITY));
        assertEquals(edges.bin(0, 0.0), edges.bin(0, -0.0));
        // quantile bins: each holds about n/64 of the counted values
        long n = Arrays.stream(counts).sum();
        long[] per = new long[64];
        for (int i = 0; i < values.length; i++) {
            per[edges.bin(0, values[i])] += counts[i];
        }
        for (long c : per) {
            assertTrue(Math.abs(c - n / 64.0) <= 6, "bin count " + c + " for " + n / 64.0);
        }
        assertArrayEquals(new double[] {2, 3}, BinEdges.fromDistinct(new double[] {1, 2, 3}, new long[] {4, 1, 9}, 256),
                "few distinct values: one bin each");
    }

    @Test
    void modelsWithMissingValuesAreTheSameOnOneTwoAndThreeMembersAndPredictTheSameBits() throws Exception {
        for (boolean logistic : new boolean[] {false, true}) {
            Path csv = synthetic(logistic);
            GbtTestData.Local data = local(csv);
            List<String> features = List.of("x0", "x1", "x2", "x3");
            GbtOptions o = GbtOptions.of(logistic ? Objective.LOGISTIC : Objective.SQUARED_ERROR).withTrees(12);
            ModelDocument ref = new GbtTrainer(data.runner(), data.cols(features), data.col("y"), features, "y", o)
                    .fit(null, null);
            String want = GbtOracleTest.json(ref);
            boolean missingLeft = want.contains("true");
            assertTrue(missingLeft, "some split sends missing values left");
            RowPredictor local = new GbtLearner().predictor(ref, PredictionType.LINK);
            for (int members = 1; members <= 3; members++) {
                HazelcastInstance[] grid = TestGrids.start(factory, members);
                DatasetCatalog catalog = new DatasetCatalog(grid[0]);
                CsvLoader.load(catalog, csv, "syn", CsvOptions.defaults().withBlockSize(BLOCK), null);
                ModelDocument m = FitDriver.fit(grid[0], "syn", "gbt-syn", new GbtSpec("y", features, o, 42),
                        FitControl.quiet());
                assertEquals(want, GbtOracleTest.json(m), (logistic ? "logistic" : "squared error") + " on "
                        + members + " members");
                DatasetSchema scored = GridScoring.predictInto(grid[0], m, "syn", "syn-margin", PredictionType.LINK);
                int checked = 0;
                int row = 0;
                for (RowBlock b : new TreeMap<>(catalog.blocks(scored)).values()) {
                    for (int r = 0; r < b.rows(); r++, row++) {
                        double[] x = new double[4];
                        boolean finite = true;
                        for (int j = 0; j < 4; j++) {
                            x[j] = data.blocks().get(row / BLOCK).get(r, data.col(features.get(j)));
                            finite &= Double.isFinite(x[j]);
                        }
                        if (finite) {
                            assertEquals(Double.doubleToRawLongBits(local.predict(x)),
                                    Double.doubleToRawLongBits(b.get(r, 0)), "row " + row + ": the local bits");
                            checked++;
                        }
                    }
                }
                assertTrue(checked > ROWS / 2, "rows compared: " + checked);
                factory.terminateAll();
            }
        }
    }

    /**
     * y is high where x is missing or above 0.5 (then where x is below 0.5): a stump must send missing values
     * right (then left), and predict them as the high group.
     */
    @Test
    void missingValuesLearnTheirDirection() {
        for (boolean highAbove : new boolean[] {true, false}) {
            Random rnd = new Random(11);
            int n = 1000;
            double[] v = new double[2 * n];
            for (int i = 0; i < n; i++) {
                boolean missing = i % 4 == 0;
                double x = rnd.nextDouble();
                v[i] = missing ? Double.NaN : x;
                v[n + i] = missing || (x > 0.5) == highAbove ? 10 : 0;
            }
            GbtTestData.Local data = new GbtTestData.Local(List.of("x", "y"), List.of(new RowBlock(0, n, 2, v)), n);
            ModelDocument m = new GbtTrainer(data.runner(), new int[] {0}, 1, List.of("x"), "y",
                    GbtOptions.of(Objective.SQUARED_ERROR).withTrees(1).withMaxDepth(1)).fit(null, null);
            Tree t = GbtModel.trees(m, 1).get(0);
            assertEquals(3, t.size, "one split");
            assertEquals(!highAbove, t.defaultLeft[0], "missing values go with the high rows");
            RowPredictor p = new GbtLearner().predictor(m);
            double high = p.predict(new double[] {highAbove ? 0.9 : 0.1});
            assertEquals(high, p.predict(new double[] {Double.NaN}), 0.0);
            assertTrue(high > p.predict(new double[] {highAbove ? 0.1 : 0.9}));
        }
    }
}
