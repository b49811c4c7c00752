package io.gridlearn.examples;

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
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.LivePredictor;
import io.gridlearn.model.ModelDocument;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rows stream into a grid while a live linear model follows them: each batch is appended as new blocks,
 * the model is re-solved from the maintained statistics of the new rows alone, and a client-side predictor
 * picks the new version up; the example prints version, rows seen and the error on a fixed test set.
 */
public final class LiveRegression {
    private static final int P = 5;
    private static final double[] BETA = {2.0, -1.0, 0.5, 0.0, 3.0};

    private LiveRegression() {
    }

    /**
     * Runs the example on three members.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(3, System.out);
    }

    /**
     * Runs the example on an embedded grid of {@code memberCount} members, printing to {@code out}.
     *
     * @param memberCount the members of the embedded grid
     * @param out where the versions and predictions are printed
     */
    public static void run(int memberCount, PrintStream out) {
        Random rnd = new Random(7);
        try (EmbeddedGrid grid = EmbeddedGrid.start("live-example-" + ProcessHandle.current().pid(), memberCount,
                0, 1, 5701)) {
            HazelcastInstance hz = grid.first();
            DatasetCatalog catalog = new DatasetCatalog(hz);
            BlockWriter w = catalog.newWriter("stream", 500);
            w.write(batch(0, 200, rnd));
            List<ColumnSpec> cols = new ArrayList<>();
            for (int j = 0; j < P; j++) {
                cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, List.of()));
            }
            cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
            w.publish(cols, "stream");
            ModelDocument m = LiveModels.register(hz, "stream-live",
                    new LinearJob("stream", "y", null, LinearOptions.ols().withSolver("cholesky")));
            double[][] testX = new double[1000][];
            double[] testY = new double[1000];
            for (int i = 0; i < testX.length; i++) {
                testX[i] = row(rnd);
                testY[i] = truth(testX[i]) + rnd.nextGaussian();
            }
            try (LivePredictor predictor = new LivePredictor(hz, "stream-live", 5)) {
                out.printf("%8s %10s %12s %14s%n", "version", "rows seen", "test RMSE", "publish ms");
                report(out, m.version(), (long) ((Number) m.summary().get("n")).longValue(), predictor, testX, testY, 0);
                for (int b = 0; b < 8; b++) {
                    int rows = 200 * (b + 2); // arriving faster and faster
                    long t0 = System.nanoTime();
                    DatasetAppender.Appended a = DatasetAppender.appendBlocks(catalog, catalog.get("stream"),
                            List.of(batch(0, Math.min(rows, 500), rnd)), "batch " + b);
                    ModelDocument v = LiveModels.onAppend(hz, a).get(0);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    while (predictor.version() != v.version()) {
                        Thread.sleep(1);
                    }
                    report(out, v.version(), a.after().rows(), predictor, testX, testY, ms);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void report(PrintStream out, long version, long rows, LivePredictor p, double[][] x, double[] y,
                               double ms) {
        double se = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - p.predict(x[i]);
            se += r * r;
        }
        out.printf("%8d %10d %12.5f %14.1f%n", version, rows, Math.sqrt(se / x.length), ms);
    }

    private static double[] row(Random rnd) {
        double[] x = new double[P];
        for (int j = 0; j < P; j++) {
            x[j] = rnd.nextGaussian();
        }
        return x;
    }

    private static double truth(double[] x) {
        double y = 1.0;
        for (int j = 0; j < P; j++) {
            y += BETA[j] * x[j];
        }
        return y;
    }

    private static RowBlock batch(int id, int rows, Random rnd) {
        double[] v = new double[rows * (P + 1)];
        for (int r = 0; r < rows; r++) {
            double[] x = row(rnd);
            for (int j = 0; j < P; j++) {
                v[j * rows + r] = x[j];
            }
            v[P * rows + r] = truth(x) + rnd.nextGaussian();
        }
        return new RowBlock(id, rows, P + 1, v);
    }
}
