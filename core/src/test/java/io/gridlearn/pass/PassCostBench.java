package io.gridlearn.pass;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.stats.ColumnStatsAggregator;
import io.gridlearn.stats.DatasetStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Wall-clock cost of {@code describe}, a Gram pass and the two linear solvers' whole fits on an in-process grid,
 * with the passes each one issues (issue 16). Plain timing, interleaved rounds, medians: not a unit test.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp ... io.gridlearn.pass.PassCostBench [rows] [cols]
 * [members] [rounds]}.
 */
public final class PassCostBench {
    private PassCostBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int blockSize = 4096;
        HazelcastInstance[] grid = new HazelcastInstance[members];
        // real loopback members, as the command line's embedded grid starts them
        String cluster = "bench-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            addresses.add("127.0.0.1:" + (5961 + i));
        }
        for (int i = 0; i < members; i++) {
            Config c = io.gridlearn.grid.GridConfigs.memberConfig(new io.gridlearn.grid.GridSettings(cluster,
                    "127.0.0.1", 5961 + i, false, addresses, 0, 1));
            grid[i] = Hazelcast.newHazelcastInstance(c);
        }
        try {
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            DatasetSchema schema = load(catalog, rows, features, blockSize);
            System.out.printf("%,d rows x %d features + y, %d member(s), block %d, lanes %s%n", rows, features, members,
                    blockSize, io.gridlearn.simd.Simd.lanes().name());
            GridPassRunner grunner = new GridPassRunner(catalog, schema);
            int[] z = new int[features + 1];
            for (int j = 0; j < z.length; j++) {
                z[j] = j;
            }
            Map<String, Runnable> jobs = new LinkedHashMap<>();
            jobs.put("gram pass", () -> grunner.aggregate(() -> new LinearPassAggregator(z, RowGrouping.NONE, blockSize,
                    false, true, null, schema.layout())));
            jobs.put("qr fit pass", () -> grunner.aggregate(() -> new LinearPassAggregator(z, RowGrouping.NONE,
                    blockSize, true, true, null, schema.layout())));
            jobs.put("describe", () -> DatasetStatistics.describe(catalog, schema.name()));
            LinearOptions chol = LinearOptions.ols().withSolver("cholesky");
            LinearOptions qr = LinearOptions.ols();
            jobs.put("fit cholesky", () -> LinearTrainer.train(grid[0], new LinearJob(schema.name(), "y", null, chol)));
            jobs.put("fit qr", () -> LinearTrainer.train(grid[0], new LinearJob(schema.name(), "y", null, qr)));
            String cold = System.getProperty("cold");
            if (cold != null) {
                // the first run of one job in this JVM (fresh members: nothing compiled yet), then two more
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    jobs.get(cold).run();
                    System.out.printf("cold run %d %-14s %.3f s%n", i + 1, cold, (System.nanoTime() - t0) / 1e9);
                }
                return;
            }
            // passes issued
            for (Map.Entry<String, Supplier<Object>> e : Map.<String, Supplier<Object>>of(
                    "describe", () -> DatasetStatistics.of(schema, counting(grunner).aggregate(ColumnStatsAggregator::new)))
                    .entrySet()) {
                e.getValue().get();
            }
            Counting cc = counting(grunner);
            LinearTrainer.train(cc, schema, new LinearJob(schema.name(), "y", null, chol));
            System.out.printf("passes: fit cholesky %d%n", cc.passes);
            Counting cq = counting(grunner);
            LinearTrainer.train(cq, schema, new LinearJob(schema.name(), "y", null, qr));
            System.out.printf("passes: fit qr %d%n", cq.passes);
            // warm-up round, then timed rounds interleaved
            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, Runnable> e : jobs.entrySet()) {
                    long t0 = System.nanoTime();
                    e.getValue().run();
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (round > 0) {
                        times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s);
                    }
                    System.out.printf("round %d %-14s %.3f s%n", round, e.getKey(), s);
                }
            }
            double gram = median(times.get("gram pass"));
            double cholT = median(times.get("fit cholesky"));
            for (Map.Entry<String, List<Double>> e : times.entrySet()) {
                double m = median(e.getValue());
                System.out.printf("median %-14s %.3f s  = %5.2f gram passes  = %5.2f cholesky fits%n", e.getKey(), m,
                        m / gram, m / cholT);
            }
        } finally {
            for (HazelcastInstance h : grid) {
                h.getLifecycleService().terminate();
            }
        }
    }

    static final class Counting implements PassRunner {
        final PassRunner inner;
        int passes;

        Counting(PassRunner inner) {
            this.inner = inner;
        }

        @Override
        public <A extends io.gridlearn.data.BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
            passes++;
            return inner.aggregate(fresh);
        }

        @Override
        public double[] sum(BlockKernel kernel) {
            passes++;
            return inner.sum(kernel);
        }

        @Override
        public io.gridlearn.stats.ExactSum[] exactSum(BlockKernel kernel) {
            passes++;
            return inner.exactSum(kernel);
        }

        @Override
        public java.util.SortedMap<Long, double[]> sample(BlockSampler sampler) {
            passes++;
            return inner.sample(sampler);
        }

        @Override
        public long rows() {
            return inner.rows();
        }
    }

    static Counting counting(PassRunner r) {
        return new Counting(r);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** x_j ~ N(0, 1) + 3 j, y = 1 + Σ (j + 1)/10 x_j + N(0, 1): seeded. */
    static DatasetSchema load(DatasetCatalog catalog, int rows, int features, int blockSize) {
        Random rnd = new Random(42);
        int q = features + 1;
        BlockWriter w = catalog.newWriter("bench", blockSize);
        int blocks = (rows + blockSize - 1) / blockSize;
        for (int b = 0; b < blocks; b++) {
            int m = Math.min(blockSize, rows - b * blockSize);
            double[] v = new double[m * q];
            for (int r = 0; r < m; r++) {
                double y = 1;
                for (int j = 0; j < features; j++) {
                    double x = rnd.nextGaussian() + 3 * j;
                    v[j * m + r] = x;
                    y += (j + 1) / 10.0 * x;
                }
                v[features * m + r] = y + rnd.nextGaussian();
            }
            w.write(new RowBlock(b, m, q, v));
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, List.of()));
        }
        cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
        w.publish(cols, "generated");
        return catalog.get("bench");
    }
}
