package io.gridlearn.examples;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;

import java.nio.file.Path;

/**
 * The seed's flow done right, on an embedded grid of three members: load the Boston housing data in
 * blocks of 64 rows, hold out a deterministic 20% of rows, fit the exact least-squares model in one pass,
 * and beside it the seed's approach (one fit per block, averaged), with the test MSE of each.
 *
 * <p>Run: {@code java -cp examples/target/gridlearn-examples.jar:... io.gridlearn.examples.BostonRegression [boston.csv]}
 * or, from the repository root, {@code ./gridlearn example} (see README).
 */
public final class BostonRegression {
    private BostonRegression() {
    }

    /**
     * Runs the example on three members.
     *
     * @param args the Boston CSV's path, {@code examples/data/boston.csv} when absent
     */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "examples/data/boston.csv"), 3, System.out);
    }

    /**
     * Runs the example on an embedded grid of {@code memberCount} members, printing to {@code out}.
     *
     * @param csv the Boston housing CSV
     * @param memberCount the members of the embedded grid
     * @param out where the results are printed
     */
    public static void run(Path csv, int memberCount, java.io.PrintStream out) {
        try (EmbeddedGrid grid = EmbeddedGrid.start("boston-example-" + ProcessHandle.current().pid(), memberCount,
                0, 1, 5701)) {
            HazelcastInstance first = grid.first();
            DatasetCatalog catalog = new DatasetCatalog(first);
            CsvLoader.load(catalog, csv, "boston", CsvOptions.defaults().withBlockSize(64), null);

            RowGrouping split = new RowGrouping(0.2, 0, 42);
            LinearOptions exact = LinearOptions.ols().withGrouping(split);
            LinearOptions averaged = new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "qr", split,
                    "error", 1, 1e-12, 0, "average");
            ModelStore store = ModelStore.forInstance(first);
            ModelDocument e = store.publish("boston-ols", 0, LinearTrainer.train(first, new LinearJob("boston", "medv", null, exact)));
            ModelDocument a = store.publish("boston-averaged", 0, LinearTrainer.train(first, new LinearJob("boston", "medv", null, averaged)));

            out.printf("Boston housing, %d members, blocks of 64 rows, 80/20 split (seed 42)%n", memberCount);
            out.printf("%-34s %12s %12s%n", "", "train MSE", "test MSE");
            out.printf("%-34s %12.4f %12.4f%n", "exact least squares (one pass)",
                    e.metrics().get("train").get("mse"), e.metrics().get("test").get("mse"));
            out.printf("%-34s %12.4f %12.4f%n", "per-block fits, averaged (seed's)",
                    a.metrics().get("train").get("mse"), a.metrics().get("test").get("mse"));
            out.printf("exact intercept %.6f, averaged intercept %.6f (%s blocks averaged; %s blocks could not "
                    + "be fit on their own: a column is constant or collinear within the block)%n",
                    e.intercept(), a.intercept(), a.summary().get("blocksAveraged"), a.summary().get("blocksSkipped"));
        }
    }
}
