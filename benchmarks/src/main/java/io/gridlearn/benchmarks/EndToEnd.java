package io.gridlearn.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.BuildInfoProvider;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.kmeans.KMeansOptions;
import io.gridlearn.kmeans.KMeansTrainer;
import io.gridlearn.kmeans.LloydKernel;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.linear.RefinementAggregator;
import io.gridlearn.logistic.BinaryKernel;
import io.gridlearn.logistic.LogisticOptions;
import io.gridlearn.logistic.LogisticTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.PassRunner;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * End-to-end figures on an embedded grid of real members on loopback, each next to a plain-Java baseline
 * over the same data held in one {@code double[]}, in the same run (so the ratios mean something on a shared
 * machine whose absolute speed varies).
 *
 * <p>Usage: {@code java -Xmx12g -jar gridlearn-benchmarks.jar end-to-end [--rows N] [--cols D] [--members M]
 * [--block-size B] [--bytes-rows n1,n2] [--json]} (see {@link Main}; BENCHMARKS.md has the measured figures). Defaults: 1,000,000
 * rows, 50 features (plus the target y: D + 1 stored columns), 3 members, blocks of 4096 rows, bytes per pass
 * at 250,000 and N rows.
 *
 * <p>Every timed job runs once to warm up the JIT and the members, then three times; the median is reported. With {@code --json} the last line of stdout is one JSON document.
 */
public final class EndToEnd {
    private static final long SEED = 42L;
    /** Kept so the level sticks (JUL holds loggers weakly). */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    private final int rows;
    private final int features;
    private final int q;
    private final int memberCount;
    private final int blockSize;
    private final long[] bytesRows;
    private final boolean json;
    private final boolean linearSuite;
    private final boolean iterativeSuite;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<Map<String, Object>> jobs = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Map<String, Object>> fits = new ArrayList<>();
    private boolean checksFailed;

    private EndToEnd(int rows, int features, int memberCount, int blockSize, long[] bytesRows, boolean json,
                     String suite) {
        this.rows = rows;
        this.features = features;
        this.q = features + 1;
        this.memberCount = memberCount;
        this.blockSize = blockSize;
        this.bytesRows = bytesRows;
        this.json = json;
        this.linearSuite = suite.equals("all") || suite.equals("linear");
        this.iterativeSuite = suite.equals("all") || suite.equals("iterative");
        if (!linearSuite && !iterativeSuite) {
            throw new IllegalArgumentException("--suite must be all, linear or iterative, was " + suite);
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int cols = 50;
        int m = 3;
        int block = CsvOptions.DEFAULT_BLOCK_SIZE;
        long[] bytesRows = null;
        boolean json = false;
        String suite = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--cols" -> cols = Integer.parseInt(args[++i]);
                case "--members" -> m = Integer.parseInt(args[++i]);
                case "--block-size" -> block = Integer.parseInt(args[++i]);
                case "--bytes-rows" -> bytesRows = Stream.of(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
                case "--json" -> json = true;
                case "--suite" -> suite = args[++i];
                case "-h", "--help" -> {
                    System.out.println("EndToEnd [--rows N] [--cols D] [--members M] [--block-size B] "
                            + "[--bytes-rows n1,n2] [--suite all|linear|iterative] [--json]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if ((long) rows * (cols + 1) > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("rows × (cols + 1) must fit one Java array for the baseline");
        }
        if (bytesRows == null) {
            bytesRows = rows > 250_000 ? new long[] {250_000, rows} : new long[] {rows};
        }
        for (long n : bytesRows) {
            if (n < 1 || n > rows) {
                throw new IllegalArgumentException("--bytes-rows values must be between 1 and --rows");
            }
        }
        HAZELCAST_LOG.setLevel(Level.WARNING);
        new EndToEnd(rows, cols, m, block, bytesRows, json, suite).run();
    }

    private void run() throws Exception {
        Map<String, Object> machine = machine();
        log("machine: %s", machine);
        Path dir = Files.createTempDirectory("gridlearn-e2e");
        Path csv = dir.resolve("synthetic.csv");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            if (linearSuite) {
                linearJobs(csv, pool);
            } else {
                startGrid();
            }
            if (iterativeSuite) {
                iterativeJobs(members.get(0), pool);
            }
        } finally {
            for (HazelcastInstance h : members) {
                h.getLifecycleService().terminate();
            }
            pool.shutdownNow();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        details.put("notes", notes);
        details.put("iterativeFits", fits);
        printTable();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("jobs", jobs);
            doc.put("bytesPerValue", details.get("bytesPerValue"));
            doc.put("loadMBps", details.get("loadMBps"));
            doc.put("machine", machine);
            doc.put("details", details);
            ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
            System.out.println(mapper.writeValueAsString(doc));
        }
        if (checksFailed) {
            System.err.println("[e2e] CORRECTNESS CHECK FAILED (see 'check' lines above)");
            System.exit(2);
        }
    }

    /** Load, memory, linear fits and bytes per pass on the CSV data (tables 2-4 of BENCHMARKS.md). */
    private void linearJobs(Path csv, ExecutorService pool) throws Exception {
        {
            long t0 = System.nanoTime();
            double[] beta = generate(csv);
            double mb = Files.size(csv) / 1e6;
            log("generated %s: %,d rows × %d columns (%d features + y), %.1f MB, seed %d, in %.1f s", csv, rows, q,
                    features, mb, SEED, secondsSince(t0));

            // ---- load: baseline first (it also builds the double[] every other baseline uses)
            double[][] holder = new double[1][];
            Timing loopLoad = Timing.measure(() -> holder[0] = plainLoad(csv));
            double[] data = holder[0];

            startGrid();
            HazelcastInstance hz = members.get(0);
            DatasetCatalog catalog = new DatasetCatalog(hz);
            CsvOptions csvOptions = CsvOptions.defaults().withBlockSize(blockSize);
            t0 = System.nanoTime();
            CsvLoader.load(catalog, csv, "warmup", csvOptions, null);
            double firstLoad = secondsSince(t0);
            catalog.drop("warmup");
            long heapBefore = usedHeapAfterGc();
            long c0 = Timing.cpuNanos();
            t0 = System.nanoTime();
            DatasetSchema schema = CsvLoader.load(catalog, csv, "bench", csvOptions, null);
            Timing gridLoad = new Timing(secondsSince(t0), (Timing.cpuNanos() - c0) / 1e9, firstLoad);
            long heapAfter = usedHeapAfterGc();
            if (schema.rows() != rows || schema.columns().size() != q) {
                throw new IllegalStateException("loaded " + schema.rows() + " rows × " + schema.columns().size());
            }
            Map<String, Object> loadExtra = new LinkedHashMap<>();
            loadExtra.put("fileMB", mb);
            loadExtra.put("gridMBps", mb / gridLoad.seconds);
            loadExtra.put("loopMBps", mb / loopLoad.seconds);
            loadExtra.put("gridParseThreads", csvOptions.threads());
            loadExtra.put("loopThreads", 1);
            addJob("load", gridLoad, loopLoad, loadExtra);
            memory(schema, heapBefore, heapAfter);

            // ---- fits
            double[][] coef = new double[1][];
            Timing loopGram = Timing.measure(() -> coef[0] = loopFit(data, pool));
            double[] loopCoef = coef[0];
            details.put("loopCoefficientMaxAbsErrorVsTrueBeta", maxAbsDiff(loopCoef, 0, beta));
            for (String solver : List.of("cholesky", "qr")) {
                fitJob(hz, catalog, schema, solver, loopGram, loopCoef);
            }

            // ---- bytes sent per pass
            bytesPerPass(hz, catalog, schema, data, loopCoef);
            catalog.drop(schema.name());
            Files.deleteIfExists(csv);
        }
    }

    // ------------------------------------------------------------------------------------------ grid

    private void startGrid() {
        GridSettings s = new GridSettings("gridlearn-bench-" + ProcessHandle.current().pid(), "127.0.0.1", 5701,
                true, List.of(), 0, 1);
        HazelcastInstance first = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(s));
        members.add(first);
        int port = first.getCluster().getLocalMember().getAddress().getPort();
        for (int i = 1; i < memberCount; i++) {
            members.add(Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                    s.withMembers(List.of("127.0.0.1:" + port), 0).withPort(port + 1, true))));
        }
        if (first.getCluster().getMembers().size() != memberCount) {
            throw new IllegalStateException("cluster has " + first.getCluster().getMembers().size() + " members");
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!first.getPartitionService().isClusterSafe() && System.nanoTime() < deadline) {
            sleep(100);
        }
        log("grid: %d members on loopback, backup-count 1, OBJECT format", memberCount);
    }

    private void memory(DatasetSchema schema, long heapBefore, long heapAfter) {
        int backups = 1;
        long copies = 1 + backups;
        double values = (double) schema.rows() * schema.columns().size() * copies;
        double perValue = (heapAfter - heapBefore) / values;
        long owned = 0;
        long backup = 0;
        long heapCost = 0;
        for (HazelcastInstance h : members) {
            LocalMapStats st = h.getMap(schema.mapName()).getLocalMapStats();
            owned += st.getOwnedEntryMemoryCost();
            backup += st.getBackupEntryMemoryCost();
            heapCost += st.getHeapCost();
        }
        details.put("bytesPerValue", perValue);
        details.put("bytesPerValueMeasure", "MemoryMXBean used heap after System.gc(), after minus before the "
                + "measured CsvLoader.load, divided by rows × stored columns × (1 + backupCount); all members are "
                + "in this JVM");
        details.put("heapGrowthBytes", heapAfter - heapBefore);
        details.put("storedValuesAllCopies", values);
        details.put("ownedEntryMemoryCost", owned);
        details.put("backupEntryMemoryCost", backup);
        details.put("mapHeapCost", heapCost);
        if (owned + backup > 0) {
            details.put("bytesPerValueFromMapStats", (owned + backup) / values);
        } else {
            notes.add("Hazelcast reports ownedEntryMemoryCost = backupEntryMemoryCost = 0 for the OBJECT in-memory "
                    + "format (heapCost " + heapCost + "), so bytes per value come from the heap measure only");
        }
    }

    // ------------------------------------------------------------------------------------------ fits

    private void fitJob(HazelcastInstance hz, DatasetCatalog catalog, DatasetSchema schema, String solver,
                        Timing loop, double[] loopCoef) throws Exception {
        LinearOptions o = LinearOptions.ols().withSolver(solver);
        LinearJob job = new LinearJob(schema.name(), "y", null, o);
        boolean qr = solver.equals("qr");
        ModelDocument[] model = new ModelDocument[1];
        Timing train = Timing.measure(() -> model[0] = LinearTrainer.train(hz, job));
        Timing pass = Timing.measure(() -> {
            LinearPassAggregator agg = catalog.blocks(schema).aggregate(passAggregator(schema, qr));
            if (agg.rows() != schema.rows()) {
                throw new IllegalStateException("fit pass saw " + agg.rows() + " rows");
            }
        });
        Timing metrics = Timing.measure(() -> GridScoring.metricsPass(catalog, schema, model[0], RowGrouping.NONE));
        double[] beta = designBeta(model[0]);
        Object solverUsed = model[0].summary().get("solver");
        boolean fullRefinement = "qr+refinement".equals(solverUsed);
        Timing refinement = qr && !"qr".equals(solverUsed)
                ? Timing.measure(() -> catalog.blocks(schema).aggregate(refinementAggregator(schema, beta, fullRefinement)))
                : null;
        double diff = maxAbsDiff(beta, 0, loopCoef);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("passes", qr ? 3 : 2);
        extra.put("what", "LinearTrainer.train: fit pass"
                + (qr ? " (Gram + per-block R factors), solve, refinement pass" : " (Gram), solve") + ", metrics pass");
        extra.put("metricsPassSeconds", metrics.seconds);
        extra.put("solverUsed", solverUsed);
        extra.put("scaledConditionNumber", model[0].summary().get("scaledConditionNumber"));
        if (refinement != null) {
            extra.put("refinementPassSeconds", refinement.seconds);
        }
        extra.put("maxAbsCoefficientDiffVsLoop", diff);
        addJob("fit-linear-" + solver, train, loop, extra);
        Map<String, Object> extraPass = new LinkedHashMap<>();
        extraPass.put("passes", 1);
        extraPass.put("what", "catalog.blocks(schema).aggregate(new LinearPassAggregator(..., qr=" + qr + ", ...)) alone");
        addJob("fit-linear-" + solver + "-pass", pass, loop, extraPass);
    }

    /** Intercept first, then the coefficients: the design order of the QR solver and of the loop's solution. */
    private double[] designBeta(ModelDocument model) {
        double[] beta = new double[q];
        beta[0] = model.intercept();
        System.arraycopy(model.coefficients(), 0, beta, 1, features);
        return beta;
    }

    private RefinementAggregator refinementAggregator(DatasetSchema schema, double[] beta, boolean withGram) {
        return new RefinementAggregator(zColumns(), RowGrouping.NONE, schema.blockSize(), true, beta, null, withGram);
    }

    private int[] zColumns() {
        int[] z = new int[q];
        for (int j = 0; j < q; j++) {
            z[j] = j; // x0 … x{d-1}, then y: the file's column order
        }
        return z;
    }

    private LinearPassAggregator passAggregator(DatasetSchema schema, boolean qr) {
        return new LinearPassAggregator(zColumns(), RowGrouping.NONE, schema.blockSize(), qr, true);
    }

    /**
     * The plain baseline: Z'Z and Σz of z = [x, y] with the naive triple loop, over one row-major
     * {@code double[]} split into one contiguous row range per core, then the normal equations with an
     * intercept solved by a textbook Cholesky. Returns [b0, b1 … bd].
     */
    private double[] loopFit(double[] data, ExecutorService pool) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        int tri = q * (q + 1) / 2;
        List<Future<double[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) rows * t / threads);
            int to = (int) ((long) rows * (t + 1) / threads);
            parts.add(pool.submit(() -> {
                double[] g = new double[tri + q];
                for (int r = from; r < to; r++) {
                    int base = r * q;
                    for (int j = 0; j < q; j++) {
                        double xj = data[base + j];
                        int row = j * (j + 1) / 2;
                        for (int k = 0; k <= j; k++) {
                            g[row + k] += xj * data[base + k];
                        }
                        g[tri + j] += xj;
                    }
                }
                return g;
            }));
        }
        double[] g = new double[tri + q];
        for (Future<double[]> f : parts) {
            double[] p = f.get();
            for (int i = 0; i < g.length; i++) {
                g[i] += p[i];
            }
        }
        // normal equations for [1, x]: A = [[n, Σx'], [Σx, X'X]], rhs = [Σy, X'y]
        int p = features + 1;
        double[] a = new double[p * p];
        double[] rhs = new double[p];
        a[0] = rows;
        rhs[0] = g[tri + features];
        for (int j = 0; j < features; j++) {
            a[(j + 1) * p] = g[tri + j];
            a[j + 1] = g[tri + j];
            for (int k = 0; k <= j; k++) {
                double v = g[j * (j + 1) / 2 + k];
                a[(j + 1) * p + k + 1] = v;
                a[(k + 1) * p + j + 1] = v;
            }
            rhs[j + 1] = g[features * (features + 1) / 2 + j];
        }
        return choleskySolve(a, rhs, p);
    }

    static double[] choleskySolve(double[] a, double[] b, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("matrix is not positive definite");
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    // ------------------------------------------------------------------------------------------ iterations

    /** Clusters of the iterative suite's synthetic data (the k of {@code kmeans-iteration} too). */
    private static final int CLUSTERS = 8;

    /**
     * Issue 4 and 6's jobs: one Newton iteration of logistic regression ({@link BinaryKernel}, gradient and
     * packed Hessian) and one Lloyd iteration ({@link LloydKernel}, k = 8), each as one {@code GridPassRunner.sum}
     * pass next to a plain all-core loop doing the same arithmetic over one row-major {@code double[]}; the
     * results are compared (max relative difference, 1e-9 required). Then whole {@code LogisticTrainer.fit}
     * and {@code KMeansTrainer.fit} runs, for context.
     *
     * <p>Data (seed 43, written block by block, no CSV): x is a mixture of 8 Gaussians, x = μ_c + N(0, I),
     * μ_c uniform in (-3, 3)^d; y ∈ {0, 1} ~ Bernoulli(1 / (1 + e^{-η})), η = -0.25 + Σ b_j x_j,
     * b_j = ((37 j mod 11) - 5) / 40.
     */
    private void iterativeJobs(HazelcastInstance hz, ExecutorService pool) throws Exception {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        long t0 = System.nanoTime();
        double[] data = generateIterative();
        DatasetSchema schema = writeBlocks(catalog, "iter", data, rows);
        log("iterative data: %,d rows × %d features + binary y, %d-cluster mixture, seed %d, written in %.1f s",
                rows, features, CLUSTERS, SEED + 1, secondsSince(t0));
        PassRunner runner = new GridPassRunner(catalog, schema);
        int[] cols = new int[features];
        for (int j = 0; j < features; j++) {
            cols[j] = j;
        }
        int target = features;

        // ---- logistic: one Newton iteration at a fixed θ, in the working scale z = (1, (x - c)/s)
        double[] center = new double[features];
        double[] scale = new double[features];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                center[j] += data[r * q + j];
            }
        }
        for (int j = 0; j < features; j++) {
            center[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                double t = data[r * q + j] - center[j];
                scale[j] += t * t;
            }
        }
        for (int j = 0; j < features; j++) {
            scale[j] = Math.sqrt(scale[j] / (rows - 1));
        }
        SplittableRandom thetaRandom = new SplittableRandom(SEED + 2);
        double[] theta = new double[features + 1];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = 0.2 * thetaRandom.nextGaussian();
        }
        double[][] out = new double[2][];
        Timing gridNewton = Timing.measure(() -> out[0] = runner.sum(
                new BinaryKernel(cols, target, center, scale, theta, true)));
        Timing loopNewton = Timing.measure(() -> out[1] = loopNewton(data, center, scale, theta, pool));
        int w = features + 1;
        int head = 5; // BinaryKernel's [rows, non-finite, bad targets, sure rows, log L]
        double gradRel = maxRelDiff(out[0], out[1], head, head + w);
        double hessRel = maxRelDiff(out[0], out[1], head + w, out[0].length);
        double llRel = maxRelDiff(out[0], out[1], 4, 5);
        boolean countsOk = out[0][0] == rows && out[1][0] == rows && out[0][1] == 0 && out[0][2] == 0;
        check("logistic-newton-iteration gradient", gradRel);
        check("logistic-newton-iteration Hessian", hessRel);
        check("logistic-newton-iteration log-likelihood", llRel);
        if (!countsOk) {
            checksFailed = true;
            log("check logistic-newton-iteration rows: grid %.0f (non-finite %.0f, bad targets %.0f), loop %.0f: FAIL",
                    out[0][0], out[0][1], out[0][2], out[1][0]);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("passes", 1);
        extra.put("what", "GridPassRunner.sum(new BinaryKernel(x0..x" + (features - 1) + ", y, center, scale, θ, "
                + "hessian = true)) vs the same log L, X'(y - p) and packed X'WX on a plain all-core loop");
        extra.put("maxRelDiffGradient", gradRel);
        extra.put("maxRelDiffHessian", hessRel);
        extra.put("relDiffLogLikelihood", llRel);
        extra.put("rowsAgree", countsOk);
        extra.put("target", "issue 4: ratio >= 0.5; issue 6: ratio >= 1.0");
        addJob("logistic-newton-iteration", gridNewton, loopNewton, extra);

        // ---- k-means: one Lloyd iteration at fixed centres (k seeded rows of the data)
        int k = CLUSTERS;
        SplittableRandom pick = new SplittableRandom(SEED + 3);
        double[] centres = new double[k * features];
        long[] picked = new long[k];
        for (int c = 0; c < k; c++) {
            int r = pick.nextInt(rows);
            picked[c] = r;
            System.arraycopy(data, r * q, centres, c * features, features);
        }
        Timing gridLloyd = Timing.measure(() -> out[0] = runner.sum(new LloydKernel(cols, centres, k)));
        Timing loopLloyd = Timing.measure(() -> out[1] = loopLloyd(data, centres, k, pool));
        int kp = k * features;
        double sumsRel = maxRelDiff(out[0], out[1], 0, kp);
        double inertiaRel = maxRelDiff(out[0], out[1], kp + k, kp + k + 1);
        boolean countsEqual = true;
        for (int c = 0; c < k; c++) {
            countsEqual &= out[0][kp + c] == out[1][kp + c];
        }
        check("kmeans-iteration cluster sums", sumsRel);
        check("kmeans-iteration inertia", inertiaRel);
        if (!countsEqual || out[0][kp + k + 1] != 0) {
            checksFailed = true;
            log("check kmeans-iteration counts: not equal (or non-finite rows %.0f): FAIL", out[0][kp + k + 1]);
        }
        List<Long> sizes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            sizes.add((long) out[0][kp + c]);
        }
        Map<String, Object> extraK = new LinkedHashMap<>();
        extraK.put("passes", 1);
        extraK.put("k", k);
        extraK.put("what", "GridPassRunner.sum(new LloydKernel(x0..x" + (features - 1) + ", centres, " + k
                + ")) vs the same assignment (fma distances, ties to the lowest index), per-cluster sums, counts and "
                + "inertia on a plain all-core loop");
        extraK.put("centreRows", picked);
        extraK.put("clusterSizes", sizes);
        extraK.put("maxRelDiffClusterSums", sumsRel);
        extraK.put("relDiffInertia", inertiaRel);
        extraK.put("countsEqual", countsEqual);
        extraK.put("target", "issue 4: ratio >= 0.5; issue 6: ratio >= 1.0");
        addJob("kmeans-iteration", gridLloyd, loopLloyd, extraK);

        // ---- whole fits, for context
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        CountingRunner logisticRunner = new CountingRunner(runner);
        int[] iterations = new int[1];
        ModelDocument[] model = new ModelDocument[1];
        Timing logisticFit = Timing.measure(() -> {
            logisticRunner.reset();
            iterations[0] = 0;
            model[0] = LogisticTrainer.fit(logisticRunner, cols, target, names, "y", LogisticOptions.defaults(),
                    cp -> iterations[0]++, null);
        });
        addFit("logistic-fit", logisticFit, logisticRunner, iterations[0],
                "LogisticTrainer.fit, defaults (Newton, standardized, tol 1e-10): prep + iterations + metrics passes; "
                        + "log L " + model[0].summary().get("logLikelihood"));
        CountingRunner kmeansRunner = new CountingRunner(runner);
        // k-means|| init, tol 0, but at most 100 Lloyd passes so the run stays short
        KMeansOptions kmeansOptions = new KMeansOptions(k, 100, 0, "kmeans-parallel", SEED);
        Timing kmeansFit = Timing.measure(() -> {
            kmeansRunner.reset();
            iterations[0] = 0;
            model[0] = KMeansTrainer.fit(kmeansRunner, cols, names, kmeansOptions, cp -> iterations[0]++,
                    null);
        });
        addFit("kmeans-fit", kmeansFit, kmeansRunner, iterations[0],
                "KMeansTrainer.fit, new KMeansOptions(" + k + ", 100, 0, kmeans-parallel, " + SEED + "): init "
                        + "passes + Lloyd passes; converged " + model[0].summary().get("converged") + ", inertia " + model[0].summary().get("objective"));
        catalog.drop(schema.name());
    }

    private void addFit(String name, Timing t, CountingRunner runner, int iterations, String what) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("iterations", iterations);
        f.put("passes", runner.sums + runner.samples);
        f.put("sumPasses", runner.sums);
        f.put("samplePasses", runner.samples);
        f.put("gridSeconds", t.seconds);
        f.put("gridCpuSeconds", t.cpuSeconds);
        f.put("gridFirstRunSeconds", t.firstSeconds);
        f.put("secondsPerIteration", t.seconds / Math.max(1, iterations));
        f.put("secondsPerPass", t.seconds / Math.max(1, runner.sums + runner.samples));
        f.put("what", what);
        fits.add(f);
        log("%s: %d iterations, %d passes (%d sum, %d sample), %.3f s (cpu %.2f s, first run %.3f s), %.3f s per "
                        + "iteration, %.3f s per pass", name, iterations, runner.sums + runner.samples, runner.sums,
                runner.samples, t.seconds, t.cpuSeconds, t.firstSeconds, t.seconds / Math.max(1, iterations),
                t.seconds / Math.max(1, runner.sums + runner.samples));
    }

    /** Counts the passes a trainer makes. */
    private static final class CountingRunner implements PassRunner {
        private final PassRunner inner;
        int sums;
        int samples;

        CountingRunner(PassRunner inner) {
            this.inner = inner;
        }

        void reset() {
            sums = 0;
            samples = 0;
        }

        @Override
        public double[] sum(BlockKernel kernel) {
            sums++;
            return inner.sum(kernel);
        }

        @Override
        public SortedMap<Long, double[]> sample(BlockSampler sampler) {
            samples++;
            return inner.sample(sampler);
        }

        @Override
        public long rows() {
            return inner.rows();
        }
    }

    private void check(String what, double rel) {
        boolean ok = rel <= 1e-9;
        if (!ok) {
            checksFailed = true;
        }
        log("check %s: max relative difference grid vs loop %.2e (required <= 1e-9): %s", what, rel, ok ? "ok" : "FAIL");
    }

    /** max |a_i - b_i| / |b_i| over [from, to) (0 where both are 0). */
    private static double maxRelDiff(double[] a, double[] b, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (d > 0) {
                m = Math.max(m, d / Math.abs(b[i]));
            }
        }
        return m;
    }

    /** Row-major [x0 … x{d-1}, y] of the iterative suite (see {@link #iterativeJobs}). */
    private double[] generateIterative() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        double[] mu = new double[CLUSTERS * features];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = random.nextDouble() * 6 - 3;
        }
        double[] b = new double[features];
        for (int j = 0; j < features; j++) {
            b[j] = (((j + 1) * 37) % 11 - 5) / 40.0;
        }
        double[] data = new double[rows * q];
        for (int r = 0; r < rows; r++) {
            int c = random.nextInt(CLUSTERS);
            int base = r * q;
            double eta = -0.25;
            for (int j = 0; j < features; j++) {
                double x = mu[c * features + j] + random.nextGaussian();
                data[base + j] = x;
                eta += b[j] * x;
            }
            data[base + features] = random.nextDouble() < 1.0 / (1.0 + Math.exp(-eta)) ? 1.0 : 0.0;
        }
        return data;
    }

    /** The first n rows of row-major {@code data} as a dataset written block by block, x0 … x{d-1}, y. */
    private DatasetSchema writeBlocks(DatasetCatalog catalog, String name, double[] data, int n) {
        BlockWriter w = catalog.newWriter(name, blockSize);
        for (int b = 0, first = 0; first < n; b++, first += blockSize) {
            int m = Math.min(blockSize, n - first);
            double[] v = new double[m * q];
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < q; c++) {
                    v[c * m + r] = data[(first + r) * q + c];
                }
            }
            w.write(new RowBlock(b, m, q, v));
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, List.of()));
        }
        cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
        return w.publish(cols, "synthetic, " + n + " rows");
    }

    /** Runs {@code body(from, to, acc)} on one contiguous row range per core and adds the partial vectors. */
    private double[] allCores(int width, ExecutorService pool, RangeBody body) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Future<double[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) rows * t / threads);
            int to = (int) ((long) rows * (t + 1) / threads);
            parts.add(pool.submit(() -> {
                double[] acc = new double[width];
                body.run(from, to, acc);
                return acc;
            }));
        }
        double[] total = new double[width];
        for (Future<double[]> f : parts) {
            double[] p = f.get();
            for (int i = 0; i < width; i++) {
                total[i] += p[i];
            }
        }
        return total;
    }

    interface RangeBody {
        void run(int from, int to, double[] acc);
    }

    /**
     * The plain loop of one Newton iteration, laid out like {@link BinaryKernel}'s result: [rows, 0, 0, sure
     * rows, log L, X'(y - p) (d + 1), X'WX packed lower (row by row, = the upper triangle by columns)].
     */
    private double[] loopNewton(double[] data, double[] center, double[] scale, double[] theta, ExecutorService pool)
            throws Exception {
        int w = features + 1;
        int h0 = 5 + w;
        return allCores(h0 + w * (w + 1) / 2, pool, (from, to, acc) -> {
            double[] z = new double[w];
            z[0] = 1.0;
            for (int r = from; r < to; r++) {
                int base = r * q;
                for (int j = 0; j < features; j++) {
                    z[j + 1] = (data[base + j] - center[j]) / scale[j];
                }
                int y = (int) data[base + features];
                double eta = 0.0;
                for (int j = 0; j < w; j++) {
                    eta += theta[j] * z[j];
                }
                double e = Math.exp(-Math.abs(eta));
                double p1 = eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                double p0 = eta >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
                acc[0]++;
                acc[4] += y * eta - Math.max(eta, 0.0) - Math.log1p(e);
                if ((y == 1 ? p0 : p1) <= 1e-10) {
                    acc[3]++;
                }
                double resid = y == 1 ? p0 : -p1;
                for (int j = 0; j < w; j++) {
                    acc[5 + j] += resid * z[j];
                }
                double wt = p1 * p0;
                for (int i = 0; i < w; i++) {
                    double wi = wt * z[i];
                    int row = h0 + i * (i + 1) / 2;
                    for (int j = 0; j <= i; j++) {
                        acc[row + j] += wi * z[j];
                    }
                }
            }
        });
    }

    /** The plain loop of one Lloyd iteration, laid out like {@link LloydKernel}'s result. */
    private double[] loopLloyd(double[] data, double[] centres, int k, ExecutorService pool) throws Exception {
        int p = features;
        int kp = k * p;
        return allCores(kp + k + 2, pool, (from, to, acc) -> {
            for (int r = from; r < to; r++) {
                int base = r * q;
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = 0;
                    int cb = c * p;
                    for (int j = 0; j < p; j++) {
                        double t = data[base + j] - centres[cb + j];
                        d = Math.fma(t, t, d);
                    }
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                int sb = best * p;
                for (int j = 0; j < p; j++) {
                    acc[sb + j] += data[base + j];
                }
                acc[kp + best]++;
                acc[kp + k] += bestD;
            }
        });
    }

    // ------------------------------------------------------------------------------------------ bytes

    /**
     * Bytes one pass sends back to the caller. The aggregation runs once per member and each member returns
     * one partial aggregator, serialized; so besides the estimate asked for (the merged result's size times
     * the number of members) this also serializes each member's actual partial (the member's own blocks,
     * accumulated here from {@code localKeySet()}) and sums them. The caller's own partial does not cross the
     * network, so the sum is an upper bound on what travels.
     */
    private void bytesPerPass(HazelcastInstance hz, DatasetCatalog catalog, DatasetSchema full, double[] data,
                              double[] beta) {
        SerializationService ss = ((SerializationServiceSupport) hz).getSerializationService();
        List<Map<String, Object>> out = new ArrayList<>();
        for (long n : bytesRows) {
            DatasetSchema schema = n == full.rows() ? full : subset(catalog, data, (int) n);
            for (String kind : List.of("cholesky", "qr", "qr-light-refinement", "qr-refinement")) {
                Supplier<Aggregator<Map.Entry<Integer, RowBlock>, ?>> fresh = switch (kind) {
                    case "cholesky" -> () -> passAggregator(schema, false);
                    case "qr" -> () -> passAggregator(schema, true);
                    case "qr-light-refinement" -> () -> refinementAggregator(schema, beta, false);
                    default -> () -> refinementAggregator(schema, beta, true);
                };
                Object merged = catalog.blocks(schema).aggregate(fresh.get());
                long mergedBytes = ss.toData(merged).totalSize();
                long perMemberSum = 0;
                List<Long> perMember = new ArrayList<>();
                List<Integer> localBlocks = new ArrayList<>();
                for (HazelcastInstance h : members) {
                    IMap<Integer, RowBlock> local = h.getMap(schema.mapName());
                    Aggregator<Map.Entry<Integer, RowBlock>, ?> partial = fresh.get();
                    int count = 0;
                    for (Integer key : local.localKeySet()) {
                        partial.accumulate(Map.entry(key, local.get(key)));
                        count++;
                    }
                    long size = ss.toData(partial.aggregate()).totalSize();
                    perMember.add(size);
                    localBlocks.add(count);
                    perMemberSum += size;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rows", n);
                row.put("blocks", schema.blocks());
                row.put("pass", kind);
                row.put("mergedResultBytes", mergedBytes);
                row.put("estimateMergedTimesMembers", mergedBytes * memberCount);
                row.put("perMemberPartialBytes", perMember);
                row.put("perMemberOwnedBlocks", localBlocks);
                row.put("sumOfPerMemberPartials", perMemberSum);
                out.add(row);
            }
            if (schema != full) {
                catalog.drop(schema.name());
            }
        }
        details.put("bytesPerPass", out);
    }

    /** The first n rows of the data as a dataset written block by block (no CSV): same blocks as a load. */
    private DatasetSchema subset(DatasetCatalog catalog, double[] data, int n) {
        return writeBlocks(catalog, "bench-" + n, data, n);
    }

    // ------------------------------------------------------------------------------------------ data

    /**
     * Writes {@code x0 … x{d-1}, y} with x uniform in (-5, 5) and y = 1.5 + Σ β_j x_j + N(0, 1), every value
     * printed with 7 decimals (like exported feature matrices). Returns [b0, β].
     */
    private double[] generate(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] beta = new double[q];
        beta[0] = 1.5;
        for (int j = 1; j < q; j++) {
            beta[j] = ((j * 37) % 11 - 5) / 4.0;
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < features; j++) {
                header.append('x').append(j).append(',');
            }
            out.write(header.append("y\n").toString().getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[q * 24];
            for (int r = 0; r < rows; r++) {
                int pos = 0;
                double y = beta[0];
                for (int j = 0; j < features; j++) {
                    long scaled = (long) Math.floor((random.nextDouble() * 10 - 5) * 1e7 + 0.5);
                    y += beta[j + 1] * (scaled / 1e7);
                    pos = fixed7(scaled, line, pos);
                    line[pos++] = ',';
                }
                y += random.nextGaussian();
                pos = fixed7((long) Math.floor(y * 1e7 + 0.5), line, pos);
                line[pos++] = '\n';
                out.write(line, 0, pos);
            }
        }
        return beta;
    }

    /** Writes scaled / 1e7 with exactly 7 decimals. */
    private static int fixed7(long scaled, byte[] b, int pos) {
        if (scaled < 0) {
            b[pos++] = '-';
            scaled = -scaled;
        }
        long whole = scaled / 10_000_000L;
        long frac = scaled % 10_000_000L;
        String w = Long.toString(whole);
        for (int i = 0; i < w.length(); i++) {
            b[pos++] = (byte) w.charAt(i);
        }
        b[pos++] = '.';
        for (int i = 6; i >= 0; i--) {
            b[pos + i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        return pos + 7;
    }

    /** The plain loop: readLine, split, parseDouble, into one row-major array. */
    private double[] plainLoad(Path file) throws IOException {
        double[] data = new double[rows * q];
        int r = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                int base = r * q;
                for (int c = 0; c < q; c++) {
                    data[base + c] = Double.parseDouble(f[c]);
                }
                r++;
            }
        }
        if (r != rows) {
            throw new IllegalStateException("read " + r + " rows");
        }
        return data;
    }

    // ------------------------------------------------------------------------------------------ output

    private void addJob(String name, Timing grid, Timing loop, Map<String, Object> extra) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", name);
        j.put("gridSeconds", grid.seconds);
        j.put("loopSeconds", loop.seconds);
        j.put("ratio", loop.seconds / grid.seconds);
        j.put("gridCpuSeconds", grid.cpuSeconds);
        j.put("loopCpuSeconds", loop.cpuSeconds);
        j.put("gridFirstRunSeconds", grid.firstSeconds);
        j.put("loopFirstRunSeconds", loop.firstSeconds);
        j.putAll(extra);
        jobs.add(j);
        if (name.equals("load")) {
            details.put("loadMBps", extra.get("gridMBps"));
        }
        log("%s: grid %.3f s (cpu %.2f s, first run %.3f s), loop %.3f s (cpu %.2f s, first run %.3f s), loop/grid %.2f",
                name, grid.seconds, grid.cpuSeconds, grid.firstSeconds, loop.seconds, loop.cpuSeconds, loop.firstSeconds,
                loop.seconds / grid.seconds);
    }

    /** Wall and process CPU seconds of the second of two runs; the first run warms up JIT and grid. */
    record Timing(double seconds, double cpuSeconds, double firstSeconds) {
        interface Job {
            void run() throws Exception;
        }

        /** Runs measured after the warm-up run; the median is reported (odd, so the median is one run). */
        static final int REPEATS = 3;

        /**
         * One warm-up run (reported as {@code firstSeconds}), then {@link #REPEATS} runs: the median wall time,
         * and the mean process CPU time per run. The median of several runs keeps a late JIT compilation or a
         * neighbour's build on the shared machine from deciding a figure.
         */
        static Timing measure(Job job) throws Exception {
            long t0 = System.nanoTime();
            job.run();
            double first = (System.nanoTime() - t0) / 1e9;
            double[] wall = new double[REPEATS];
            long c0 = cpuNanos();
            for (int i = 0; i < REPEATS; i++) {
                t0 = System.nanoTime();
                job.run();
                wall[i] = (System.nanoTime() - t0) / 1e9;
            }
            double cpu = (cpuNanos() - c0) / 1e9 / REPEATS;
            java.util.Arrays.sort(wall);
            return new Timing(wall[REPEATS / 2], cpu, first);
        }

        static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private void printTable() {
        System.out.println();
        System.out.printf(Locale.ROOT, "gridlearn end-to-end: %,d rows × %d features + y, %d members in one JVM, blocks of "
                + "%d, backup-count 1; each job run once to warm up, then 3 times: the median reported%n", rows, features, memberCount,
                blockSize);
        System.out.printf(Locale.ROOT, "%-26s %9s %9s %10s %10s %10s  %s%n", "job", "grid s", "loop s", "loop/grid",
                "grid cpu s", "loop cpu s", "note");
        for (Map<String, Object> j : jobs) {
            String name = (String) j.get("name");
            String note = switch (name) {
                case "load" -> String.format(Locale.ROOT, "grid %.1f MB/s (%s parse threads) vs loop %.1f MB/s (1 thread)",
                        j.get("gridMBps"), j.get("gridParseThreads"), j.get("loopMBps"));
                case "fit-linear-cholesky" -> String.format(Locale.ROOT,
                        "LinearTrainer.train, 2 passes: fit + metrics (metrics pass alone %.3f s); max |coef diff| vs loop %.1e",
                        j.get("metricsPassSeconds"), j.get("maxAbsCoefficientDiffVsLoop"));
                case "fit-linear-qr" -> String.format(Locale.ROOT,
                        "LinearTrainer.train, 3 passes: fit + refinement (alone %.3f s) + metrics (alone %.3f s); "
                                + "max |coef diff| vs loop %.1e", j.get("refinementPassSeconds"),
                        j.get("metricsPassSeconds"), j.get("maxAbsCoefficientDiffVsLoop"));
                case "logistic-newton-iteration" -> String.format(Locale.ROOT,
                        "one runner.sum(BinaryKernel, Hessian on) pass at a fixed θ; max rel diff vs loop: gradient "
                                + "%.1e, Hessian %.1e, log L %.1e", j.get("maxRelDiffGradient"),
                        j.get("maxRelDiffHessian"), j.get("relDiffLogLikelihood"));
                case "kmeans-iteration" -> String.format(Locale.ROOT,
                        "one runner.sum(LloydKernel, k = %s) pass at fixed centres; max rel diff vs loop: cluster sums "
                                + "%.1e, inertia %.1e, counts equal %s", j.get("k"), j.get("maxRelDiffClusterSums"),
                        j.get("relDiffInertia"), j.get("countsEqual"));
                default -> "the fit aggregation pass alone";
            };
            System.out.printf(Locale.ROOT, "%-26s %9.3f %9.3f %10.2f %10.2f %10.2f  %s%n", name, j.get("gridSeconds"),
                    j.get("loopSeconds"), j.get("ratio"), j.get("gridCpuSeconds"), j.get("loopCpuSeconds"), note);
        }
        System.out.println("loop = plain Java over one row-major double[] on "
                + Runtime.getRuntime().availableProcessors() + " threads (one row range each, partial sums added at "
                + "the end), except load (BufferedReader.readLine + split + Double.parseDouble, 1 thread); linear fits "
                + "= naive triple-loop Gram of [x, y] + textbook Cholesky; iterations = the kernel's arithmetic "
                + "without finiteness checks. cpu s = process CPU time of the whole JVM (members included) during "
                + "the run");
        System.out.println();
        if (!fits.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-20s %6s %11s %9s %9s %11s %10s  %s%n", "whole fit", "passes",
                    "iterations", "grid s", "cpu s", "s / pass", "first s", "note");
            for (Map<String, Object> f : fits) {
                System.out.printf(Locale.ROOT, "%-20s %6d %11d %9.3f %9.2f %11.3f %10.3f  %s%n", f.get("name"),
                        f.get("passes"), f.get("iterations"), f.get("gridSeconds"), f.get("gridCpuSeconds"),
                        f.get("secondsPerPass"), f.get("gridFirstRunSeconds"), f.get("what"));
            }
            System.out.println();
        }
        if (!details.containsKey("bytesPerValue")) {
            for (String n : notes) {
                System.out.println("note: " + n);
            }
            return;
        }
        System.out.printf(Locale.ROOT, "heap: %.2f bytes per stored value per copy (%s)%n",
                details.get("bytesPerValue"), details.get("bytesPerValueMeasure"));
        System.out.printf(Locale.ROOT, "      map stats: ownedEntryMemoryCost %,d + backupEntryMemoryCost %,d bytes, heapCost %,d%s%n",
                details.get("ownedEntryMemoryCost"), details.get("backupEntryMemoryCost"), details.get("mapHeapCost"),
                details.containsKey("bytesPerValueFromMapStats")
                        ? String.format(Locale.ROOT, " = %.2f bytes per value", details.get("bytesPerValueFromMapStats"))
                        : " (0: not reported for OBJECT format)");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-10s %7s %-14s %14s %18s %22s  %s%n", "rows", "blocks", "pass", "merged bytes",
                "merged × members", "Σ per-member partials", "blocks per member");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bytes = (List<Map<String, Object>>) details.get("bytesPerPass");
        for (Map<String, Object> b : bytes) {
            System.out.printf(Locale.ROOT, "%,10d %7d %-14s %,14d %,18d %,22d  %s%n", b.get("rows"), b.get("blocks"),
                    b.get("pass"), b.get("mergedResultBytes"), b.get("estimateMergedTimesMembers"),
                    b.get("sumOfPerMemberPartials"), b.get("perMemberOwnedBlocks"));
        }
        for (String n : notes) {
            System.out.println("note: " + n);
        }
    }

    private Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("hazelcast", BuildInfoProvider.getBuildInfo().getVersion());
        m.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        m.put("loadAverageAtStart", read("/proc/loadavg", () -> "n/a").trim());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String read(String file, Supplier<String> fallback) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return fallback.get();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double maxAbsDiff(double[] a, int offset, double[] b) {
        double d = 0;
        for (int i = offset; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[e2e] " + format + "%n", args);
    }
}
