package io.gridlearn.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.LivePredictor;
import io.gridlearn.model.ModelDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Issue 7's figures in one run: appending 1,000 rows to an n × d dataset with a live linear model (time
 * until the new version is published) against a full refit of the same model, and single-row predictions
 * per second through the client-side {@link LivePredictor} on one thread. Fixed seeds.
 *
 * <p>Run: {@code java -Xmx12g -cp benchmarks/target/gridlearn-benchmarks.jar io.gridlearn.benchmarks.LiveBench
 * [rows] [cols] [members]} (defaults 1,000,000 × 50, 3 members).
 */
public final class LiveBench {
    private LiveBench() {
    }

    /**
     * Runs the measurement and prints its figures.
     *
     * @param args rows, columns and members (defaults 1,000,000, 50 and 3)
     * @throws Exception when the grid fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int blockSize = 4096;
        Random rnd = new Random(42);
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            beta[j] = rnd.nextGaussian();
        }
        try (EmbeddedGrid grid = EmbeddedGrid.start("live-bench-" + ProcessHandle.current().pid(), members, 0, 1, 5701)) {
            HazelcastInstance hz = grid.first();
            DatasetCatalog catalog = new DatasetCatalog(hz);
            BlockWriter w = catalog.newWriter("bench", blockSize);
            for (int b = 0, done = 0; done < n; b++) {
                int rows = Math.min(blockSize, n - done);
                w.write(block(b, rows, d, beta, rnd));
                done += rows;
            }
            List<ColumnSpec> cols = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, List.of()));
            }
            cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
            w.publish(cols, "generated");
            LinearJob job = new LinearJob("bench", "y", null, LinearOptions.ols().withSolver("cholesky"));
            LiveModels.register(hz, "bench-live", job);

            double appendMs = 0;
            double refitMs = 0;
            int repeats = 20;
            double[] each = new double[repeats];
            ModelDocument live = null;
            for (int i = 0; i < repeats + 1; i++) { // the first round warms up and is not counted
                RowBlock rows = block(0, 1000, d, beta, rnd); // generated before the clock starts
                long t0 = System.nanoTime();
                DatasetAppender.Appended a = DatasetAppender.appendBlocks(catalog, catalog.get("bench"),
                        List.of(rows), "append " + i);
                live = LiveModels.onAppend(hz, a).get(0);
                long t1 = System.nanoTime();
                ModelDocument refit = LinearTrainer.train(hz, job);
                long t2 = System.nanoTime();
                if (!java.util.Arrays.equals(refit.coefficients(), live.coefficients())) {
                    throw new IllegalStateException("live model differs from the full refit");
                }
                if (i > 0) {
                    each[i - 1] = (t1 - t0) / 1e6;
                    appendMs += (t1 - t0) / 1e6 / repeats;
                    refitMs += (t2 - t1) / 1e6 / repeats;
                }
            }
            System.out.printf("rows %d, features %d, members %d%n", n, d, members);
            System.out.printf("append 1000 rows -> live version published: %8.1f ms (mean of %d)%n", appendMs, repeats);
            double[] sorted = each.clone();
            java.util.Arrays.sort(sorted);
            System.out.printf("  median %.1f ms, 90th percentile %.1f ms, slowest %.1f ms, %d of %d within 50 ms%n",
                    sorted[repeats / 2], sorted[(int) Math.ceil(0.9 * repeats) - 1], sorted[repeats - 1],
                    java.util.Arrays.stream(each).filter(x -> x <= 50).count(), repeats);
            System.out.printf("full refit (cholesky, 2 passes):         %8.1f ms (mean of %d)%n", refitMs, repeats);
            System.out.printf("ratio refit / live update:               %8.1f%n", refitMs / appendMs);
            System.out.println("live coefficients equal the full refit's, bit for bit: yes (checked every round)");

            try (LivePredictor p = new LivePredictor(hz, "bench-live", 100)) {
                double[][] xs = new double[1024][d];
                for (double[] x : xs) {
                    for (int j = 0; j < d; j++) {
                        x[j] = rnd.nextGaussian();
                    }
                }
                double sink = 0;
                for (int i = 0; i < 5_000_000; i++) {
                    sink += p.predict(xs[i & 1023]);
                }
                int calls = 20_000_000;
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sink += p.predict(xs[i & 1023]);
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("live predictor, one thread, d=%d:       %8.2f million predictions/s (checksum %.3g)%n",
                        d, calls / secs / 1e6, sink);
            }
        }
    }

    private static RowBlock block(int id, int rows, int d, double[] beta, Random rnd) {
        double[] v = new double[rows * (d + 1)];
        for (int r = 0; r < rows; r++) {
            double y = 1;
            for (int j = 0; j < d; j++) {
                double x = rnd.nextGaussian();
                v[j * rows + r] = x;
                y += beta[j] * x;
            }
            v[d * rows + r] = y + rnd.nextGaussian();
        }
        return new RowBlock(id, rows, d + 1, v);
    }
}
