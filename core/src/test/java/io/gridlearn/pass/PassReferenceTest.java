package io.gridlearn.pass;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.BlockCountAggregator;
import io.gridlearn.data.BlockPartitions;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.RegressionMetricsAggregator;
import io.gridlearn.linear.FeatureMeansAggregator;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.linear.RefinementKernel;
import io.gridlearn.model.ModelJson;
import io.gridlearn.stats.ColumnStatsAggregator;
import io.gridlearn.stats.DatasetStatistics;
import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.testing.Oracles;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every aggregation pass that is not a kernel pass — block counts, {@code describe}'s column statistics, the
 * feature means of {@code --missing mean}, the linear moments, the QR pass's R factors, the refinement pass and
 * the regression metrics — gives in the grid, on 1, 2 and 3 members, the bits of its single-JVM reference
 * ({@link LocalPassRunner#aggregate}: one instance over the blocks in ascending block id); and so does the whole
 * exact linear fit ({@link LinearTrainer#train(PassRunner, DatasetSchema, LinearJob)}) run on either runner.
 *
 * <p>What holds for the QR pass, precisely: its R factor is a function of the blocks and of the block → partition
 * map, which depends on the partition count only (23 in these grids), not on the members. So for one partition
 * count the R factor has the same bits on 1, 2 and 3 members, and equals the reference run with that map; a grid
 * with another partition count may give other bits (the merge tree differs), which this test does not claim.
 * Every other pass here is a function of the blocks alone.
 *
 * <p>Values are compared as raw IEEE bits (hex) or, for the exact moments, as exact decimals (trailing zeros
 * stripped: the scale of an exact sum depends on how it was assembled, its value does not).
 */
class PassReferenceTest {
    private static final int BLOCK = 16; // 506 rows: 32 blocks over 23 partitions, so some partitions hold several
    private static final RowGrouping SPLIT = new RowGrouping(0.25, 1, 11);
    private static final RowGrouping FOLDS = new RowGrouping(0.2, 5, 7);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** Boston with holes in some feature cells (never the target). */
    private Path holedBoston() throws IOException {
        return holed(Oracles.resource("boston.csv"), 1);
    }

    /** A CSV with holes in some cells of its first columns (all but the last {@code keep}). */
    private Path holed(Path csv, int keep) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            for (int j = 0; j < cells.length - keep; j++) {
                if ((i * 7 + j * 3) % 29 == 0) {
                    cells[j] = "";
                }
            }
            out.add(String.join(",", cells));
        }
        Path p = tmp.resolve("holed-" + csv.getFileName());
        Files.write(p, out);
        return p;
    }

    /**
     * Loads {@code csv} on 1, 2 and 3 members, runs {@code pass} with the grid runner on each and with the local
     * runner (the grid's blocks in ascending id, the grid's partition map) once; all four must be equal.
     */
    private void sameAsReference(Path csv, String what, Function<Setup, String> pass) {
        String reference = null;
        IntUnaryOperator firstMap = null;
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            DatasetSchema schema = CsvLoader.load(catalog, csv, "d", CsvOptions.defaults().withBlockSize(BLOCK), null);
            IntUnaryOperator live = BlockPartitions.of(grid[0]);
            Map<Integer, Integer> map = new TreeMap<>();
            for (int id : schema.layout().toArray()) {
                map.put(id, live.applyAsInt(id));
            }
            IntUnaryOperator partitions = map::get;
            if (firstMap == null) {
                firstMap = partitions;
                List<RowBlock> blocks = new ArrayList<>(new TreeMap<>(catalog.blocks(schema)).values());
                reference = pass.apply(new Setup(new LocalPassRunner(blocks, schema.blockSize(), partitions), schema));
                assertTrue(reference.length() > 0);
            } else {
                for (int id : schema.layout().toArray()) {
                    assertEquals(firstMap.applyAsInt(id), partitions.applyAsInt(id), "the partition map of block " + id);
                }
            }
            String inGrid = pass.apply(new Setup(new GridPassRunner(catalog, schema), schema));
            assertEquals(reference, inGrid, what + " on " + members + " members vs the single-JVM reference");
            factory.terminateAll();
        }
    }

    record Setup(PassRunner runner, DatasetSchema schema) {
        int[] features() {
            int[] f = new int[schema.columns().size() - 1];
            for (int j = 0; j < f.length; j++) {
                f[j] = j;
            }
            return f;
        }

        int target() {
            return schema.columnIndex("medv");
        }

        int[] z() {
            int[] z = Arrays.copyOf(features(), features().length + 1);
            z[z.length - 1] = target();
            return z;
        }

        /** Feature means of the training rows of {@link #SPLIT}: the fill values of the passes below. */
        double[] fill() {
            FeatureMeansAggregator m = runner.aggregate(() -> new FeatureMeansAggregator(features(), target(), SPLIT,
                    schema.blockSize()));
            double[] f = new double[features().length];
            for (int j = 0; j < f.length; j++) {
                f[j] = m.mean(j);
            }
            return f;
        }
    }

    private static String bits(double... v) {
        StringBuilder s = new StringBuilder();
        for (double x : v) {
            s.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(' ');
        }
        return s.toString();
    }

    private static String exact(MomentMatrix m) {
        StringBuilder s = new StringBuilder("n=" + m.count());
        for (int j = 0; j < m.dimension(); j++) {
            s.append(" S").append(j).append('=').append(m.sumExact(j).stripTrailingZeros().toPlainString());
            for (int k = 0; k <= j; k++) {
                s.append(" A").append(j).append(k).append('=').append(m.crossExact(j, k).stripTrailingZeros().toPlainString());
                s.append(" C=").append(bits(m.centred(j, k)));
            }
        }
        return s.toString();
    }

    @Test
    void blockCounts() throws IOException {
        sameAsReference(holedBoston(), "block counts", s -> {
            BlockCountAggregator c = s.runner().aggregate(BlockCountAggregator::new);
            assertTrue(c.covers(s.schema()));
            return c.blocks() + "/" + c.rows();
        });
    }

    /** The one coverage check: a pass that missed a block is refused, naming what was lost. */
    @Test
    void aPassThatMissedABlockIsRefused() throws IOException {
        HazelcastInstance[] grid = TestGrids.start(factory, 1);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        DatasetSchema schema = CsvLoader.load(catalog, holedBoston(), "d", CsvOptions.defaults().withBlockSize(BLOCK),
                null);
        List<RowBlock> blocks = new ArrayList<>(new TreeMap<>(catalog.blocks(schema)).values());
        RowBlock lost = blocks.remove(5);
        ColumnStatsAggregator partial = new LocalPassRunner(blocks, BLOCK).aggregate(ColumnStatsAggregator::new);
        assertEquals(schema.blocks() - 1, partial.blocks());
        assertEquals(schema.rows() - lost.rows(), partial.rows());
        assertFalse(partial.covers(schema));
        GridlearnException e = assertThrows(GridlearnException.class, () -> partial.checkComplete(schema));
        assertTrue(e.getMessage().contains("saw " + (schema.blocks() - 1) + " of " + schema.blocks() + " blocks"),
                e.getMessage());
        assertTrue(e.getMessage().contains("1 blocks were lost"), e.getMessage());
        ColumnStatsAggregator whole = new GridPassRunner(catalog, schema).aggregate(ColumnStatsAggregator::new);
        assertTrue(whole.covers(schema));
        whole.checkComplete(schema);
    }

    @Test
    void describeColumnStatistics() throws IOException {
        sameAsReference(holedBoston(), "describe", s -> {
            DatasetStatistics.Description d = DatasetStatistics.of(s.schema(),
                    s.runner().aggregate(ColumnStatsAggregator::new));
            StringBuilder out = new StringBuilder();
            d.columns().forEach(c -> out.append(c.name()).append(' ').append(c.count()).append(' ').append(c.missing())
                    .append(' ').append(bits(c.mean(), c.variance(), c.min(), c.max())).append('\n'));
            return out.toString();
        });
    }

    @Test
    void featureMeans() throws IOException {
        sameAsReference(holedBoston(), "feature means", s -> {
            FeatureMeansAggregator m = s.runner().aggregate(() -> new FeatureMeansAggregator(s.features(), s.target(),
                    SPLIT, s.schema().blockSize()));
            StringBuilder out = new StringBuilder(m.missingTargetRows() + " " + m.trainingRows() + " "
                    + m.incompleteTrainingRows() + "\n");
            for (int j = 0; j < s.features().length; j++) {
                out.append(m.finiteCount(j)).append(' ').append(bits(m.mean(j))).append('\n');
            }
            return out.toString();
        });
    }

    @Test
    void linearMomentsPerFold() throws IOException {
        sameAsReference(holedBoston(), "linear moments", s -> {
            LinearPassAggregator p = s.runner().aggregate(() -> new LinearPassAggregator(s.z(), FOLDS,
                    s.schema().blockSize(), false, true, null, s.schema().layout()));
            StringBuilder out = new StringBuilder("bad=" + p.badRows() + "\n");
            for (int g = 0; g < FOLDS.groups(); g++) {
                out.append(exact(p.moments(g))).append('\n');
            }
            return out.toString();
        });
    }

    @Test
    void qrPassRFactor() throws IOException {
        sameAsReference(holedBoston(), "R factor", s -> {
            double[] fill = s.fill();
            LinearPassAggregator p = s.runner().aggregate(() -> new LinearPassAggregator(s.z(), SPLIT,
                    s.schema().blockSize(), true, true, fill, s.schema().layout()));
            return bits(p.rFactor()) + "\n" + exact(p.sum(0, SPLIT.trainGroups())) + "\nbad=" + p.badRows();
        });
    }

    @Test
    void refinementMoments() throws IOException {
        sameAsReference(holedBoston(), "refinement", s -> {
            double[] fill = s.fill();
            double[] beta = new double[s.features().length + 1];
            for (int j = 0; j < beta.length; j++) {
                beta[j] = (j % 3 - 1) * 0.37 + j * 1e-3;
            }
            StringBuilder out = new StringBuilder();
            for (boolean gram : new boolean[] {true, false}) {
                RefinementKernel k = new RefinementKernel(s.z(), SPLIT, s.schema().blockSize(), true, beta, fill, gram);
                out.append(bits(k.moments(s.runner().exactSum(k)).toDoubles())).append('\n');
            }
            return out.toString();
        });
    }

    @Test
    void regressionMetrics() throws IOException {
        sameAsReference(holedBoston(), "regression metrics", s -> {
            double[] coefficients = new double[s.features().length];
            for (int j = 0; j < coefficients.length; j++) {
                coefficients[j] = 0.01 * (j - 6);
            }
            StringBuilder out = new StringBuilder();
            for (double[] fill : new double[][] {null, s.fill()}) {
                RegressionMetricsAggregator m = s.runner().aggregate(() -> new RegressionMetricsAggregator(
                        s.features(), s.target(), 22.5, coefficients, fill, FOLDS, s.schema().blockSize()));
                out.append("bad=").append(m.badRows()).append('\n');
                for (int g = 0; g < FOLDS.groups(); g++) {
                    for (Map.Entry<String, Double> e : m.metrics(g).toMap().entrySet()) {
                        out.append(e.getKey()).append('=').append(bits(e.getValue()));
                    }
                    out.append('\n');
                }
            }
            return out.toString();
        });
    }

    /** The whole exact linear fit, every pass on one runner: model JSONs equal but for the creation time. */
    @Test
    void wholeLinearFits() throws IOException {
        LinearOptions ols = LinearOptions.ols();
        List<LinearOptions> fits = List.of(
                new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "qr", SPLIT, "mean", 100_000, 1e-12,
                        0, "exact"),
                new LinearOptions("ridge", 0.5, Double.NaN, true, true, "cholesky", FOLDS, "skip", 100_000, 1e-12,
                        5, "exact"),
                new LinearOptions("elastic-net", 0.1, 0.5, true, true, "qr", FOLDS, "skip", 100_000, 1e-12, 0,
                        "exact"),
                ols.withGrouping(FOLDS).withSolver("qr"));
        Path csv = holedBoston();
        sameAsReference(csv, "linear fits", s -> {
            StringBuilder out = new StringBuilder();
            for (LinearOptions o : fits) {
                LinearOptions used = o.missing().equals("error") ? new LinearOptions(o.algorithm(), o.lambda(),
                        o.alpha(), o.standardize(), o.intercept(), o.solver(), o.grouping(), "skip", o.maxIter(),
                        o.tol(), o.pathLength(), o.method()) : o;
                String json = ModelJson.write(LinearTrainer.train(s.runner(), s.schema(),
                        new LinearJob("d", "medv", null, used)));
                out.append(json.replaceAll("\"createdAt\"\\s*:\\s*\"[^\"]*\"", "\"createdAt\":\"-\"")).append('\n');
            }
            return out.toString();
        });
    }

    /**
     * Frequency-weighted linear fits (Boston with the seeded weights of oracles/weights, holes in feature cells),
     * every pass on one runner: the same model JSON in the grid on 1, 2 and 3 members as the single-JVM reference.
     */
    @Test
    void wholeWeightedLinearFits() throws IOException {
        List<LinearOptions> fits = List.of(
                new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "qr", SPLIT, "mean", 100_000, 1e-12,
                        0, "exact"),
                new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "cholesky", FOLDS, "skip", 100_000,
                        1e-12, 0, "exact"),
                new LinearOptions("ridge", 0.5, Double.NaN, true, true, "qr", FOLDS, "skip", 100_000, 1e-12, 5,
                        "exact"),
                new LinearOptions("elastic-net", 0.1, 0.5, true, true, "qr", SPLIT, "skip", 100_000, 1e-12, 0,
                        "exact"));
        Path csv = holed(io.gridlearn.testing.WeightsData.boston(), 2);
        sameAsReference(csv, "weighted linear fits", s -> {
            StringBuilder out = new StringBuilder();
            for (LinearOptions o : fits) {
                String json = ModelJson.write(LinearTrainer.train(s.runner(), s.schema(),
                        new LinearJob("d", "medv", null, "w", o)));
                assertTrue(json.contains("\"weights\" : \"w\""), json);
                out.append(json.replaceAll("\"createdAt\"\\s*:\\s*\"[^\"]*\"", "\"createdAt\":\"-\"")).append('\n');
            }
            return out.toString();
        });
    }
}
