package io.gridlearn.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.stats.ExactSum;
import io.gridlearn.tree.GbtLearner;
import io.gridlearn.tree.GbtOptions;
import io.gridlearn.tree.GbtTrainer;
import io.gridlearn.tree.HistogramAggregator;
import io.gridlearn.tree.Objective;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The {@code gbt} job: gridlearn's gradient-boosted trees on an embedded grid of one member against XGBoost's
 * {@code hist} (xgboost4j {@value #XGBOOST_VERSION}, the XGBoost of Debian's {@code python3-xgboost} that made the
 * accuracy oracles) in the same JVM and run, on a synthetic binary problem.
 *
 * <p>Data: row i (its id) is drawn from {@code SplittableRandom(seed ⊕ i·φ)} alone, so a row is the same whatever
 * the row count: 50 features, even ones N(0, 1), odd ones U(−2, 2), each rounded to a {@code float} (XGBoost's
 * input type; the grid stores those same values as doubles); the label is Bernoulli(σ(f)) with the nonlinear
 * f = 1.5 sin(2x₀) + x₁x₂ + sign(x₃)·x₄ + 0.8|x₅| − 0.6 + 0.5(x₆² − 1) + 0.3(x₇ + … + x₁₁), interactions and
 * thresholds that a linear model cannot fit and trees can. The training rows are ids 0 … n−1, the held-out rows the
 * next {@code testRows} ids: a fixed split, the same rows for both.
 *
 * <p>Timed (median of {@code repeats}, the two interleaved: XGBoost, gridlearn, XGBoost, gridlearn, …): XGBoost
 * from the float arrays to a trained booster (the {@code DMatrix}, its quantile sketch and 100 rounds, {@code
 * tree_method=hist}, {@code max_bin}, {@code nthread}); gridlearn from the dataset in the grid to a trained model
 * ({@link GbtTrainer} over the grid's pass runner: the bin-edges passes and one histogram pass per tree level). Not
 * timed: log loss on the training and held-out rows (each side's own predictor), and the traffic per tree level,
 * measured by serializing each histogram pass's merged result with the member's serialization service during one
 * extra one-tree fit (the histogram itself is the result minus the aggregator's settings: {@code slots × Σⱼ(bins
 * of j + 2) × 3} longs, independent of n).
 *
 * <p>Run: {@code java -Xmx6g -jar benchmarks/target/gridlearn-benchmarks.jar gbt [--rows N] [--test-rows N]
 * [--trees T] [--repeats R] [--threads K]}; defaults are the 1,000,000 × 50, 100 trees, 3 repeats, 2
 * threads.
 */
public final class GbtBench {
    /** The xgboost4j artifact this module depends on. */
    public static final String XGBOOST_VERSION = "1.7.4";
    /** Features of the synthetic data. */
    public static final int FEATURES = 50;
    /** Rows per block in the grid (the CSV loader's default). */
    public static final int BLOCK = 4096;

    private GbtBench() {
    }

    /**
     * What to run.
     *
     * @param rows     training rows
     * @param testRows held-out rows
     * @param trees    boosting rounds
     * @param depth    max depth
     * @param eta      learning rate
     * @param bins     max bins
     * @param lambda   L2 penalty
     * @param repeats  timed runs of each side
     * @param threads  XGBoost's nthread (the grid's member uses this JVM's cores)
     * @param seed     the data's seed
     */
    public record Settings(int rows, int testRows, int trees, int depth, double eta, int bins, double lambda,
                           int repeats, int threads, long seed) {
        /**
         * The settings.
         *
         * @return 1,000,000 training and 200,000 held-out rows, 100 trees of depth 6, eta 0.3, 256 bins, lambda 1,
         *         3 repeats, 2 threads
         */
        public static Settings defaults() {
            return new Settings(1_000_000, 200_000, 100, 6, 0.3, 256, 1.0, 3, 2, 20261206L);
        }

        /**
         * Parses {@code --rows N --test-rows N --trees T --repeats R --threads K --seed S}.
         *
         * @param args the options
         * @return the settings
         * @throws BadInputException for an unknown option or a value out of range
         */
        public static Settings parse(List<String> args) {
            Settings s = defaults();
            int rows = s.rows;
            int testRows = s.testRows;
            int trees = s.trees;
            int repeats = s.repeats;
            int threads = s.threads;
            long seed = s.seed;
            try {
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i);
                    switch (a) {
                        case "--rows" -> rows = count(args.get(++i));
                        case "--test-rows" -> testRows = count(args.get(++i));
                        case "--trees" -> trees = count(args.get(++i));
                        case "--repeats" -> repeats = count(args.get(++i));
                        case "--threads" -> threads = count(args.get(++i));
                        case "--seed" -> seed = Long.parseLong(args.get(++i));
                        default -> throw new BadInputException("gbt: unknown argument " + a
                                + " (use --rows, --test-rows, --trees, --repeats, --threads, --seed)");
                    }
                }
            } catch (IndexOutOfBoundsException e) {
                throw new BadInputException("gbt: " + args.get(args.size() - 1) + " needs a value");
            } catch (NumberFormatException e) {
                throw new BadInputException("gbt: not a number: " + e.getMessage());
            }
            if (rows < 100 || testRows < 1 || trees < 1 || repeats < 1 || threads < 1) {
                throw new BadInputException("gbt: --rows must be >= 100 and --test-rows, --trees, --repeats,"
                        + " --threads >= 1");
            }
            return new Settings(rows, testRows, trees, s.depth, s.eta, s.bins, s.lambda, repeats, threads, seed);
        }

        private static int count(String v) {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        }
    }

    /** Runs the job from the command line ({@link Settings#parse}); exit status 2 on a bad option. */
    static int main(List<String> args, PrintStream out, PrintStream log) throws Exception {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (BadInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Map<String, Object> report = run(s, log);
        print(report, out);
        return 0;
    }

    /**
     * The synthetic rows {@code first … first+n−1}: features row-major as floats, labels 0/1.
     *
     * @param first the first row id
     * @param n     rows
     * @param seed  the data's seed
     * @param x     out: {@code n × FEATURES} values, row-major
     * @param y     out: {@code n} labels
     */
    static void rows(long first, int n, long seed, float[] x, float[] y) {
        for (int i = 0; i < n; i++) {
            SplittableRandom r = new SplittableRandom(seed ^ ((first + i) * 0x9E3779B97F4A7C15L));
            int o = i * FEATURES;
            for (int j = 0; j < FEATURES; j++) {
                x[o + j] = (float) (j % 2 == 0 ? r.nextGaussian() : r.nextDouble(-2, 2));
            }
            double f = 1.5 * Math.sin(2 * x[o]) + x[o + 1] * x[o + 2] + Math.signum(x[o + 3]) * x[o + 4]
                    + 0.8 * Math.abs(x[o + 5]) - 0.6 + 0.5 * (x[o + 6] * x[o + 6] - 1)
                    + 0.3 * (x[o + 7] + x[o + 8] + x[o + 9] + x[o + 10] + x[o + 11]);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-f)) ? 1f : 0f;
        }
    }

    /** Writes the rows as a dataset x0 … x49, y of {@link #BLOCK}-row column-major blocks. */
    static DatasetSchema load(DatasetCatalog catalog, String name, float[] x, float[] y, int n) {
        int q = FEATURES + 1;
        BlockWriter w = catalog.newWriter(name, BLOCK);
        for (int b = 0, first = 0; first < n; b++, first += BLOCK) {
            int m = Math.min(BLOCK, n - first);
            double[] v = new double[m * q];
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < FEATURES; c++) {
                    v[c * m + r] = x[(first + r) * FEATURES + c];
                }
                v[FEATURES * m + r] = y[first + r];
            }
            w.write(new RowBlock(b, m, q, v));
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, List.of()));
        }
        cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
        return w.publish(cols, "gbt benchmark, " + n + " rows");
    }

    /** XGBoost's parameters for the settings. */
    static Map<String, Object> xgbParams(Settings s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("max_depth", s.depth);
        p.put("eta", s.eta);
        p.put("lambda", s.lambda);
        p.put("max_bin", s.bins);
        p.put("nthread", s.threads);
        p.put("base_score", 0.5);
        p.put("verbosity", 0);
        p.put("seed", 0);
        return p;
    }

    /** The float arrays to a trained booster: DMatrix, quantile sketch, rounds. */
    static Booster xgbFit(Settings s, float[] x, float[] y) throws XGBoostError {
        DMatrix d = new DMatrix(x, s.rows, FEATURES, Float.NaN);
        try {
            d.setLabel(y);
            return XGBoost.train(d, xgbParams(s), s.trees, new HashMap<>(), null, null);
        } finally {
            d.dispose();
        }
    }

    static GbtOptions glOptions(Settings s) {
        return GbtOptions.of(Objective.LOGISTIC).withTrees(s.trees).withMaxDepth(s.depth).withEta(s.eta)
                .withLambda(s.lambda).withMaxBins(s.bins);
    }

    /** The dataset in the grid to a trained model: bin edges, then the trees. */
    static ModelDocument glFit(Settings s, PassRunner runner) {
        int[] cols = new int[FEATURES];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            cols[j] = j;
            names.add("x" + j);
        }
        return new GbtTrainer(runner, cols, FEATURES, BLOCK, names, "y", glOptions(s), 42).fit(null, null);
    }

    /** Mean log loss of probabilities p against labels y, p clipped to [1e−15, 1 − 1e−15] as scikit-learn. */
    static double logLoss(double[] p, float[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
            s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return s / p.length;
    }

    static double[] xgbProbabilities(Booster b, float[] x, int n) throws XGBoostError {
        DMatrix d = new DMatrix(x, n, FEATURES, Float.NaN);
        try {
            float[][] p = b.predict(d);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = p[i][0];
            }
            return out;
        } finally {
            d.dispose();
        }
    }

    static double[] glProbabilities(ModelDocument m, float[] x, int n) {
        RowPredictor p = new GbtLearner().predictor(m, PredictionType.LINK);
        double[] row = new double[FEATURES];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = x[i * FEATURES + j];
            }
            out[i] = 1 / (1 + Math.exp(-p.predict(row)));
        }
        return out;
    }

    /**
     * Runs the job.
     *
     * @param s   the settings
     * @param log progress
     * @return the report's fields, in print order
     * @throws Exception when the grid or XGBoost fails
     */
    public static Map<String, Object> run(Settings s, PrintStream log) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("job", "gbt");
        r.put("loadAverageAtStart", loadAverage());
        r.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        r.put("xgboost4j", XGBOOST_VERSION);
        r.put("rows", s.rows);
        r.put("testRows", s.testRows);
        r.put("features", FEATURES);
        r.put("settings", "binary:logistic, " + s.trees + " trees, max_depth " + s.depth + ", eta " + s.eta
                + ", max_bin " + s.bins + ", lambda " + s.lambda + "; XGBoost tree_method=hist nthread=" + s.threads
                + "; gridlearn 1 embedded member, block " + BLOCK + " rows");
        float[] x = new float[s.rows * FEATURES];
        float[] y = new float[s.rows];
        rows(0, s.rows, s.seed, x, y);
        float[] tx = new float[s.testRows * FEATURES];
        float[] ty = new float[s.testRows];
        rows(s.rows, s.testRows, s.seed, tx, ty);
        double pos = 0;
        for (float v : y) {
            pos += v;
        }
        r.put("positiveShare", pos / s.rows);
        try (EmbeddedGrid grid = EmbeddedGrid.start("gridlearn-gbt-bench-" + ProcessHandle.current().pid(), 1, 0, 0,
                GridSettings.DEFAULT_PORT)) {
            HazelcastInstance hz = grid.first();
            DatasetCatalog catalog = new DatasetCatalog(hz);
            DatasetSchema schema = load(catalog, "gbt-bench", x, y, s.rows);
            GridPassRunner runner = new GridPassRunner(catalog, schema);
            double[] xgbSec = new double[s.repeats];
            double[] glSec = new double[s.repeats];
            Booster booster = null;
            ModelDocument model = null;
            for (int k = 0; k < s.repeats; k++) {
                if (booster != null) {
                    booster.dispose();
                }
                System.gc();
                long t0 = System.nanoTime();
                booster = xgbFit(s, x, y);
                xgbSec[k] = (System.nanoTime() - t0) / 1e9;
                log.printf("[gbt] run %d: XGBoost hist %.2f s%n", k + 1, xgbSec[k]);
                model = null;
                System.gc();
                t0 = System.nanoTime();
                model = glFit(s, runner);
                glSec[k] = (System.nanoTime() - t0) / 1e9;
                log.printf("[gbt] run %d: gridlearn %.2f s%n", k + 1, glSec[k]);
            }
            double xm = median(xgbSec);
            double gm = median(glSec);
            r.put("xgboostSeconds", xgbSec);
            r.put("gridlearnSeconds", glSec);
            r.put("xgboostMedianSeconds", xm);
            r.put("gridlearnMedianSeconds", gm);
            r.put("ratio", xm / gm);
            r.put("xgboostTrainLogLoss", logLoss(xgbProbabilities(booster, x, s.rows), y));
            r.put("gridlearnTrainLogLoss", logLoss(glProbabilities(model, x, s.rows), y));
            r.put("xgboostTestLogLoss", logLoss(xgbProbabilities(booster, tx, s.testRows), ty));
            r.put("gridlearnTestLogLoss", logLoss(glProbabilities(model, tx, s.testRows), ty));
            r.put("loadAverageAtEnd", loadAverage());
            booster.dispose();
            r.put("trafficPerLevel", traffic(s, hz, runner, log));
        }
        return r;
    }

    /**
     * One extra fit of one tree, recording every histogram pass's merged result serialized (what a member's
     * partial weighs on the wire; with one member the merge is that one partial): per level, the nodes whose
     * histograms were built, the bytes of the histogram alone and of the whole result (the histogram and the
     * aggregator's settings: the edges and the trees so far, whole in a tree's first pass and by reference in its
     * later ones).
     */
    static List<Map<String, Object>> traffic(Settings s, HazelcastInstance hz, PassRunner runner, PrintStream log) {
        SerializationService ss = ((SerializationServiceSupport) hz).getSerializationService();
        List<long[]> passes = new ArrayList<>();
        PassRunner recording = new PassRunner() {
            @Override
            public <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
                // the settings are measured on the very aggregator the pass starts from: the trainer's first one of
                // a pass may send the edges and trees by reference, a later one (a retry) sends them whole
                A first = fresh.get();
                long settings = ss.toData(first).totalSize(); // no statistic: an empty array's length
                boolean[] used = {false};
                A result = runner.aggregate(() -> {
                    if (used[0]) {
                        return fresh.get();
                    }
                    used[0] = true;
                    return first;
                });
                if (result instanceof HistogramAggregator) {
                    long whole = ss.toData(result).totalSize();
                    passes.add(new long[] {whole, whole - settings});
                }
                return result;
            }

            @Override
            public double[] sum(BlockKernel kernel) {
                return runner.sum(kernel);
            }

            @Override
            public ExactSum[] exactSum(BlockKernel kernel) {
                return runner.exactSum(kernel);
            }

            @Override
            public SortedMap<Long, double[]> sample(BlockSampler sampler) {
                return runner.sample(sampler);
            }

            @Override
            public long rows() {
                return runner.rows();
            }
        };
        glFit(new Settings(s.rows, s.testRows, 1, s.depth, s.eta, s.bins, s.lambda, 1, s.threads, s.seed), recording);
        List<Map<String, Object>> out = new ArrayList<>();
        long rootLongs = passes.isEmpty() ? 0 : passes.get(0)[1] / 8; // one node: Σⱼ(bins + 2) × 3 longs
        for (int level = 0; level < passes.size(); level++) {
            long[] p = passes.get(level);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", level);
            m.put("histogramsBuilt", rootLongs == 0 ? 0 : p[1] / 8 / rootLongs);
            m.put("histogramBytes", p[1]);
            m.put("resultBytes", p[0]);
            out.add(m);
            log.printf("[gbt] level %d: %d histograms built, %,d bytes of histogram, %,d bytes serialized%n", level,
                    m.get("histogramsBuilt"), p[1], p[0]);
        }
        return out;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Prints the report: one {@code key: value} line per field, arrays and the traffic table spelled out. */
    static void print(Map<String, Object> r, PrintStream out) {
        for (Map.Entry<String, Object> e : r.entrySet()) {
            Object v = e.getValue();
            if (v instanceof double[] a) {
                StringBuilder b = new StringBuilder();
                for (double d : a) {
                    b.append(b.length() == 0 ? "" : ", ").append(String.format("%.2f", d));
                }
                out.println(e.getKey() + ": [" + b + "]");
            } else if (v instanceof Double d) {
                out.println(e.getKey() + ": " + (e.getKey().contains("LogLoss") ? String.format("%.6f", d)
                        : String.format("%.3f", d)));
            } else if (v instanceof List<?> l) {
                out.println(e.getKey() + ":");
                for (Object row : l) {
                    out.println("  " + row);
                }
            } else {
                out.println(e.getKey() + ": " + v);
            }
        }
    }
}
