package io.gridlearn.bench;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.model.ModelDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The scaling suite (issue 6, BENCHMARKS.md "Scaling"), on the linear suite's regression data written block by
 * block (no CSV): {@code fit-linear-cholesky} (the whole {@code LinearTrainer.train}: fit pass, solve, metrics
 * pass) and its fit pass alone, each next to the all-core plain Gram loop + Cholesky over the same rows in one
 * {@code double[]}, measured (a) on 1, 2, … {@code members} members at {@code rows} rows, one fresh grid per
 * member count, and (b) on the {@code members}-member grid at every row count of {@code scalingRows}, with
 * seconds per million rows and the least-squares line time = a + b·n ({@link ScalingSummary}). A row count the
 * heap cannot hold ({@link HeapCheck#scalingShortfall}) stops the curve with a note. Each dataset is dropped and
 * each array released as soon as it has been measured; coefficients are checked against the loop's.
 */
final class ScalingJobs {
    private final BenchmarkSettings settings;
    private final BenchReport report;
    private final ExecutorService pool;
    private final List<Map<String, Object>> byMembers = new ArrayList<>();
    private final List<Map<String, Object>> byRows = new ArrayList<>();
    private final List<Integer> skippedRows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** @param pool a pool with at least {@code availableProcessors()} threads, for the plain loops */
    ScalingJobs(BenchmarkSettings settings, BenchReport report, ExecutorService pool) {
        this.settings = settings;
        this.report = report;
        this.pool = pool;
    }

    /** Runs both parts, then hands the results to the report under {@code scaling}. */
    void run() throws Exception {
        int maxMembers = settings.members();
        double[] data = generate(settings.rows());
        for (int m = 1; m <= maxMembers; m++) {
            try (EmbeddedGrid grid = BenchGrid.start(m, "-scaling-" + m, report)) {
                byMembers.add(ScalingSummary.memberEntry(measure(grid.first(), m, data, settings.rows()), byMembers));
                if (m == maxMembers) {
                    data = null; // the curve builds its own arrays
                    curve(grid.first(), m);
                }
            }
        }
        report.scaling(ScalingSummary.document(settings, byMembers, byRows, skippedRows, notes));
    }

    /** Part (b): every row count that fits, in ascending order, on the same grid. */
    private void curve(HazelcastInstance hz, int members) throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        List<Integer> sizes = settings.scalingRows();
        for (int i = 0; i < sizes.size(); i++) {
            int n = sizes.get(i);
            String why = HeapCheck.scalingShortfall(n, settings.q(), members, maxHeap);
            if (why != null) {
                skippedRows.addAll(sizes.subList(i, sizes.size()));
                note(String.format(Locale.ROOT, "curve stopped at %,d rows (skipped: %s): %s", n,
                        sizes.subList(i, sizes.size()), why));
                return;
            }
            double[] data = generate(n);
            byRows.add(ScalingSummary.rowsEntry(measure(hz, members, data, n)));
        }
    }

    private double[] generate(int n) {
        long t0 = System.nanoTime();
        double[] data = SyntheticData.regression(n, settings.features());
        report.log("scaling data: %,d rows × %d features + y (the linear suite's values, seed %d), generated in %.1f s",
                n, settings.features(), SyntheticData.SEED, Timing.secondsSince(t0));
        return data;
    }

    /** Writes the first {@code n} rows into the grid, times the fit, its pass and the loop, and drops the dataset. */
    private ScalingPoint measure(HazelcastInstance hz, int members, double[] data, int n) throws Exception {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        long t0 = System.nanoTime();
        DatasetSchema schema = SyntheticData.writeBlocks(catalog, "scaling-" + members + "-" + n, data, n,
                settings.features(), settings.blockSize());
        report.log("scaling: %,d rows written into %d member(s) in %.1f s", n, members, Timing.secondsSince(t0));
        try {
            LinearJob job = new LinearJob(schema.name(), "y", null, LinearOptions.ols().withSolver("cholesky"));
            ModelDocument[] model = new ModelDocument[1];
            Timing train = Timing.measure(() -> model[0] = LinearTrainer.train(hz, job));
            Timing pass = Timing.measure(() -> {
                LinearPassAggregator agg = catalog.blocks(schema).aggregate(LinearPasses.fit(schema, false));
                if (agg.rows() != n) {
                    throw new IllegalStateException("fit pass saw " + agg.rows() + " rows, expected " + n);
                }
            });
            PlainLoops loops = new PlainLoops(n, settings.features(), pool);
            double[][] coef = new double[1][];
            Timing loop = Timing.measure(() -> coef[0] = loops.fit(data));
            double[] beta = new double[settings.q()];
            beta[0] = model[0].intercept();
            System.arraycopy(model[0].coefficients(), 0, beta, 1, settings.features());
            report.check(String.format(Locale.ROOT, "scaling fit-linear-cholesky on %d member(s), %d rows coefficients "
                    + "(max |grid - loop| / max |loop|)", members, n), Diffs.maxScaled(beta, coef[0]));
            report.log("scaling: %d member(s), %,d rows: fit %.3f s (pass alone %.3f s), loop %.3f s, loop/fit %.2f",
                    members, n, train.seconds(), pass.seconds(), loop.seconds(), loop.seconds() / train.seconds());
            return new ScalingPoint(members, n, train, pass, loop, Diffs.maxAbs(beta, 0, coef[0]));
        } finally {
            catalog.drop(schema.name());
        }
    }

    private void note(String note) {
        notes.add(note);
        report.log("note: %s", note);
    }
}
