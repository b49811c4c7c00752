package io.gridlearn.pass;

import io.gridlearn.BadInputException;
import io.gridlearn.bayes.NaiveBayesOptions;
import io.gridlearn.bayes.NaiveBayesTrainer;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvHeader;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.kmeans.HashSampler;
import io.gridlearn.kmeans.KMeansOptions;
import io.gridlearn.kmeans.KMeansTrainer;
import io.gridlearn.kmeans.ParallelSampler;
import io.gridlearn.logistic.LogisticOptions;
import io.gridlearn.logistic.LogisticTrainer;
import io.gridlearn.logistic.SoftmaxTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.pca.PcaOptions;
import io.gridlearn.pca.PcaTrainer;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --missing skip} for the iterative learners: a fit of data with rows whose features hold NaN or ±∞ equals
 * the fit of the same data with those rows physically removed. Blocks are laid out so that removal does not
 * change which clean rows share a block (a block's partial is a floating sum in row order): then the row-path
 * kernels give the same bits. The logistic kernel's clean blocks take a column path (lane order), so it is
 * compared bit for bit with the dirty rows in blocks of their own, and to rounding with them interleaved.
 */
class SkipMissingTest {
    private static final int BLOCK = 40; // the runner's block size: ids are blockId × 40 + row
    private static final int PER = 20;   // clean rows per block
    private static final List<String> IRIS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private static final List<String> MEAN10 = List.of("mean_radius", "mean_texture", "mean_perimeter", "mean_area",
            "mean_smoothness", "mean_compactness", "mean_concavity", "mean_concave_points", "mean_symmetry",
            "mean_fractal_dimension");
    private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    /** A table read through the production CSV reader, rows in file order. */
    record Table(List<String> names, List<double[]> rows) {
        static Table read(String file) {
            List<RowBlock> blocks = new ArrayList<>();
            CsvHeader h = CsvIngest.ingest(Oracles.resource(file),
                    CsvOptions.defaults().withBlockSize(1000).withThreads(1), blocks::add, null);
            List<double[]> rows = new ArrayList<>();
            for (RowBlock b : blocks) {
                for (int r = 0; r < b.rows(); r++) {
                    double[] row = new double[b.cols()];
                    for (int c = 0; c < b.cols(); c++) {
                        row[c] = b.get(r, c);
                    }
                    rows.add(row);
                }
            }
            return new Table(h.names(), rows);
        }

        int[] cols(List<String> features) {
            return features.stream().mapToInt(names::indexOf).toArray();
        }
    }

    static RowBlock block(int id, List<double[]> rows, int cols) {
        int n = rows.size();
        double[] v = new double[n * cols];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < cols; c++) {
                v[c * n + r] = rows.get(r)[c];
            }
        }
        return new RowBlock(id, n, cols, v);
    }

    /** A copy of {@code row} with one used feature made non-finite (which one and how cycles with {@code i}). */
    static double[] dirty(double[] row, int[] cols, int i) {
        double[] d = row.clone();
        d[cols[i % cols.length]] = BAD[i % BAD.length];
        return d;
    }

    /**
     * The clean layout (block i holds clean rows 20i..20i+19) and a dirty one: the same blocks with a dirty
     * row inserted after every {@code every}-th clean row. {@code idOf} maps a clean row id to its dirty id,
     * {@code dirtyIds} lists the inserted rows.
     */
    static final class Layout {
        final List<RowBlock> clean = new ArrayList<>();
        final List<RowBlock> mixed = new ArrayList<>();
        final List<RowBlock> separate = new ArrayList<>();
        final Map<Long, Long> idOf = new HashMap<>();
        final Set<Long> dirtyIds = new HashSet<>();
        int skipped;

        Layout(Table t, int[] cols, int every) {
            int width = t.names().size();
            List<double[]> rows = t.rows();
            int nb = (rows.size() + PER - 1) / PER;
            for (int b = 0; b < nb; b++) {
                List<double[]> c = rows.subList(b * PER, Math.min(rows.size(), (b + 1) * PER));
                List<double[]> m = new ArrayList<>();
                List<double[]> extra = new ArrayList<>();
                for (int r = 0; r < c.size(); r++) {
                    idOf.put((long) b * BLOCK + r, (long) b * BLOCK + m.size());
                    m.add(c.get(r));
                    int g = b * PER + r;
                    if (g % every == every - 1) {
                        dirtyIds.add((long) b * BLOCK + m.size());
                        m.add(dirty(c.get(r), cols, skipped));
                        extra.add(dirty(c.get(r), cols, skipped + 1));
                        skipped++;
                    }
                }
                clean.add(block(b, c, width));
                mixed.add(block(b, m, width));
                separate.add(block(2 * b, c, width));
                if (!extra.isEmpty()) {
                    separate.add(block(2 * b + 1, extra, width));
                }
            }
        }

        String cleanInit(long... ids) {
            return "rows:" + String.join(",", Arrays.stream(ids).mapToObj(Long::toString).toList());
        }

        String dirtyInit(long... ids) {
            return cleanInit(Arrays.stream(ids).map(idOf::get).toArray());
        }
    }

    static LocalPassRunner runner(List<RowBlock> blocks) {
        return new LocalPassRunner(blocks, BLOCK);
    }

    static long skippedRows(ModelDocument m) {
        return ((Number) m.summary().get(Missing.SKIPPED_ROWS)).longValue();
    }

    /** The model JSON with the skipped-row count (and the init row list) set aside. */
    static String comparable(ModelDocument m) {
        return ModelJson.write(m).replaceAll("\"skippedRows\"\\s*:\\s*\\d+", "\"skippedRows\":_")
                .replaceAll("\"init\"\\s*:\\s*\"rows:[0-9,]*\"", "\"init\":_");
    }

    static ModelDocument logistic(LocalPassRunner r, Table t, LogisticOptions o) {
        return LogisticTrainer.fit(r, t.cols(MEAN10), t.names().indexOf("target"), MEAN10, "target", o, null, null);
    }

    @Test
    void logisticSkipIsTheFitWithoutThoseRows() {
        Table t = Table.read("breast_cancer.csv");
        Layout l = new Layout(t, t.cols(MEAN10), 9);
        LogisticOptions skip = LogisticOptions.defaults().withMissing(Missing.SKIP);
        ModelDocument reference = logistic(runner(l.clean), t, skip);
        assertEquals(0, skippedRows(reference));
        assertEquals(t.rows().size(), ((Number) reference.summary().get("rows")).longValue());

        // dirty rows in blocks of their own: every clean block unchanged, so the same bits
        ModelDocument separate = logistic(runner(l.separate), t, skip);
        assertEquals(l.skipped, skippedRows(separate));
        assertEquals(comparable(reference), comparable(separate));

        // interleaved: those blocks take the row path, equal to rounding; counts and confusion matrix exact.
        // Not bit for bit, and no reference "without those rows" can be: a block without a non-finite value
        // always takes the column path (gradient and Hessian summed per block in the vector lanes' order, then
        // added to the running partial), while a block holding a skipped row takes the row path (each row's
        // terms added straight into the running partial), so the same clean rows are summed in another order.
        // Measured (breast_cancer, every 9th row dirty, Newton): at most 4.7e-14 relative on the coefficients,
        // 3.1e-15 on the intercept; held to 1e-12.
        ModelDocument mixed = logistic(runner(l.mixed), t, skip);
        assertEquals(l.skipped, skippedRows(mixed));
        assertEquals(reference.summary().get("rows"), mixed.summary().get("rows"));
        assertEquals(reference.summary().get("iteration"), mixed.summary().get("iteration"));
        assertEquals(reference.summary().get("confusionMatrix"), mixed.summary().get("confusionMatrix"));
        assertEquals(reference.intercept(), mixed.intercept(), 1e-12 * Math.abs(reference.intercept()));
        for (int j = 0; j < MEAN10.size(); j++) {
            double c = reference.coefficients()[j];
            assertEquals(c, mixed.coefficients()[j], 1e-12 * Math.abs(c), MEAN10.get(j));
        }
        // also with L-BFGS and without standardization (prep then has one pass)
        LogisticOptions lbfgs = skip.withSolver(LogisticOptions.LBFGS).withStandardize(false).withPenalty(1e-3, 0)
                .withLimits(500, 1e-8);
        assertEquals(comparable(logistic(runner(l.clean), t, lbfgs)), comparable(logistic(runner(l.separate), t, lbfgs)));
    }

    @Test
    void logisticErrorModeAndMissingTargets() {
        Table t = Table.read("breast_cancer.csv");
        Layout l = new Layout(t, t.cols(MEAN10), 9);
        BadInputException e = assertThrows(BadInputException.class,
                () -> logistic(runner(l.mixed), t, LogisticOptions.defaults()));
        assertTrue(e.getMessage().startsWith(l.skipped + " row(s) have a missing or non-finite value"), e.getMessage());
        assertFalse(LogisticOptions.defaults().skipMissing());

        // a missing target is refused under skip too, with the count; a missing feature in the same row counts there
        List<double[]> rows = new ArrayList<>(t.rows());
        int y = t.names().indexOf("target");
        for (int i : new int[] {3, 70, 72}) { // not copied into dirty rows (every 9th)
            double[] r = rows.get(i).clone();
            r[y] = Double.NaN;
            if (i == 72) {
                r[t.cols(MEAN10)[0]] = Double.NaN;
            }
            rows.set(i, r);
        }
        Layout bad = new Layout(new Table(t.names(), rows), t.cols(MEAN10), 9);
        e = assertThrows(BadInputException.class,
                () -> logistic(runner(bad.mixed), t, LogisticOptions.defaults().withMissing(Missing.SKIP)));
        assertTrue(e.getMessage().startsWith("3 row(s) have a missing or non-finite target target"), e.getMessage());
    }

    @Test
    void softmaxSkipIsTheFitWithoutThoseRows() {
        Table t = Table.read("iris.csv");
        Layout l = new Layout(t, t.cols(IRIS), 4);
        LogisticOptions o = LogisticOptions.defaults().withStandardize(false).withPenalty(1.0 / 150, 0)
                .withMissing(Missing.SKIP);
        ModelDocument reference = SoftmaxTrainer.fit(runner(l.clean), t.cols(IRIS), t.names().indexOf("target"), IRIS,
                "target", o, null, null);
        ModelDocument mixed = SoftmaxTrainer.fit(runner(l.mixed), t.cols(IRIS), t.names().indexOf("target"), IRIS,
                "target", o, null, null);
        assertEquals(l.skipped, skippedRows(mixed));
        assertEquals(comparable(reference), comparable(mixed));
    }

    static ModelDocument kmeans(List<RowBlock> blocks, Table t, KMeansOptions o) {
        return KMeansTrainer.fit(runner(blocks), t.cols(IRIS), IRIS, o, IterationListener.NONE, null);
    }

    /** rows: ids must be below the row count (the trainer's range check), so the chosen ids stay small. */
    @Test
    void kmeansSkipIsTheFitWithoutThoseRows() {
        Table t = Table.read("iris.csv");
        Layout l = new Layout(t, t.cols(IRIS), 5);
        ModelDocument reference = kmeans(l.clean, t,
                new KMeansOptions(3, 300, 0, l.cleanInit(0, BLOCK + 10, 3 * BLOCK + 10), 1, Missing.SKIP));
        ModelDocument mixed = kmeans(l.mixed, t,
                new KMeansOptions(3, 300, 0, l.dirtyInit(0, BLOCK + 10, 3 * BLOCK + 10), 1, Missing.SKIP));
        assertEquals(0, skippedRows(reference));
        assertEquals(l.skipped, skippedRows(mixed));
        assertEquals(comparable(reference), comparable(mixed));
        assertTrue(((Number) mixed.summary().get("iteration")).intValue() > 1);

        BadInputException e = assertThrows(BadInputException.class, () -> kmeans(l.mixed, t,
                new KMeansOptions(3, 300, 0, l.dirtyInit(0, BLOCK + 10, 3 * BLOCK + 10), 1)));
        assertTrue(e.getMessage().startsWith(l.skipped + " rows have a missing or non-finite value"), e.getMessage());
        long dirtyRow = java.util.Collections.min(l.dirtyIds);
        e = assertThrows(BadInputException.class, () -> kmeans(l.mixed, t,
                new KMeansOptions(2, 300, 0, "rows:0," + dirtyRow, 1, Missing.SKIP)));
        assertTrue(e.getMessage().contains("init row " + dirtyRow + " has a missing"), e.getMessage());
    }

    @Test
    void kmeansSamplersNeverPickARowWithANonFiniteValue() {
        Table t = Table.read("iris.csv");
        Layout l = new Layout(t, t.cols(IRIS), 2); // a third of the rows are dirty
        LocalPassRunner r = runner(l.mixed);
        SortedMap<Long, double[]> all = r.sample(new HashSampler(t.cols(IRIS), 1000, 7, -1));
        assertEquals(t.rows().size(), all.size());
        SortedMap<Long, double[]> every = r.sample(new ParallelSampler(t.cols(IRIS), new double[4], 1, 1000, 7, 1));
        assertEquals(t.rows().size(), every.size());
        for (SortedMap<Long, double[]> m : List.of(all, every)) {
            for (Map.Entry<Long, double[]> e : m.entrySet()) {
                assertFalse(l.dirtyIds.contains(e.getKey()), "sampled dirty row " + e.getKey());
                assertTrue(Arrays.stream(e.getValue()).allMatch(Double::isFinite));
            }
        }
        for (String init : List.of("random", "kmeans-parallel")) {
            for (long seed = 1; seed <= 5; seed++) {
                ModelDocument m = kmeans(l.mixed, t, new KMeansOptions(3, 300, 0, init, seed, Missing.SKIP));
                assertEquals(l.skipped, skippedRows(m));
                for (double[] c : m.centers()) {
                    assertTrue(Arrays.stream(c).allMatch(Double::isFinite), init + " seed " + seed);
                }
                @SuppressWarnings("unchecked")
                List<Number> sizes = (List<Number>) m.summary().get("clusterSizes");
                assertEquals(t.rows().size(), sizes.stream().mapToLong(Number::longValue).sum());
            }
        }
    }

    @Test
    void pcaAndNaiveBayesSkipIsTheFitWithoutThoseRows() {
        Table t = Table.read("iris.csv");
        Layout l = new Layout(t, t.cols(IRIS), 3);
        for (boolean standardize : new boolean[] {false, true}) {
            PcaOptions o = new PcaOptions(4, standardize, Missing.SKIP);
            ModelDocument reference = PcaTrainer.fit(runner(l.clean), t.cols(IRIS), IRIS, o);
            ModelDocument mixed = PcaTrainer.fit(runner(l.mixed), t.cols(IRIS), IRIS, o);
            assertEquals(l.skipped, skippedRows(mixed));
            assertEquals(comparable(reference), comparable(mixed));
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> PcaTrainer.fit(runner(l.mixed), t.cols(IRIS), IRIS, new PcaOptions(4, false)));
        assertTrue(e.getMessage().startsWith(l.skipped + " rows have a missing"), e.getMessage());

        int y = t.names().indexOf("target");
        NaiveBayesOptions o = new NaiveBayesOptions(1e-9, Missing.SKIP);
        ModelDocument reference = NaiveBayesTrainer.fit(runner(l.clean), t.cols(IRIS), y, IRIS, "target", o);
        ModelDocument mixed = NaiveBayesTrainer.fit(runner(l.mixed), t.cols(IRIS), y, IRIS, "target", o);
        assertEquals(l.skipped, skippedRows(mixed));
        assertEquals(comparable(reference), comparable(mixed));
        e = assertThrows(BadInputException.class, () -> NaiveBayesTrainer.fit(runner(l.mixed), t.cols(IRIS), y, IRIS,
                "target", new NaiveBayesOptions(1e-9)));
        assertTrue(e.getMessage().startsWith(l.skipped + " rows have a missing"), e.getMessage());

        List<double[]> rows = new ArrayList<>(t.rows());
        double[] r = rows.get(10).clone();
        r[y] = Double.NaN;
        rows.set(10, r);
        Layout bad = new Layout(new Table(t.names(), rows), t.cols(IRIS), 3);
        e = assertThrows(BadInputException.class,
                () -> NaiveBayesTrainer.fit(runner(bad.mixed), t.cols(IRIS), y, IRIS, "target", o));
        assertTrue(e.getMessage().startsWith("1 rows have a missing or non-finite target target"), e.getMessage());
    }

    @Test
    void optionsTakeErrorOrSkipOnly() {
        for (String bad : new String[] {"mean", "zero", null}) {
            List<Runnable> makers = List.of(
                    () -> LogisticOptions.defaults().withMissing(bad),
                    () -> new KMeansOptions(2, 10, 0, "random", 1, bad),
                    () -> new PcaOptions(2, false, bad),
                    () -> new NaiveBayesOptions(1e-9, bad));
            for (Runnable m : makers) {
                BadInputException e = assertThrows(BadInputException.class, m::run);
                String cli = ((io.gridlearn.OptionException) e).forCommandLine();
                assertTrue(cli.startsWith("mean".equals(bad) ? "--missing mean is supported by linear"
                        : "--missing must be error, skip or mean"), cli);
                assertTrue(e.getMessage().startsWith("mean".equals(bad) ? "missing mean is supported by linear"
                        : "missing must be error, skip or mean"), e.getMessage());
            }
        }
        assertTrue(new KMeansOptions(2, 10, 0, "random", 1, Missing.SKIP).skipMissing());
        assertEquals(Missing.ERROR, new PcaOptions(2, false).missing());
        // every learner's default is error; skip is kept as given
        assertEquals(Missing.ERROR, LogisticOptions.defaults().missing());
        assertEquals(Missing.ERROR, new KMeansOptions(2, 10, 0, "random", 1).missing());
        assertEquals(Missing.ERROR, new NaiveBayesOptions(1e-9).missing());
        assertFalse(new KMeansOptions(2, 10, 0, "random", 1).skipMissing());
        assertEquals(Missing.SKIP, LogisticOptions.defaults().withMissing(Missing.SKIP).missing());
        assertEquals(Missing.SKIP, new PcaOptions(2, false, Missing.SKIP).missing());
        assertEquals(Missing.SKIP, new NaiveBayesOptions(1e-9, Missing.SKIP).missing());
    }
}
