package io.gridlearn.bench;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.model.ModelDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The linear suite (BENCHMARKS.md tables 2-4) on a synthetic regression CSV: {@code load} (the grid's parallel
 * CSV loader against a one-thread readLine/split/parseDouble loop) with the heap it costs, {@code fit linear}
 * with both solvers (whole {@code LinearTrainer.train}, and its fit pass alone) against an all-core Gram loop
 * with a textbook Cholesky, in-grid {@code predict --into} against an all-core prediction loop, and the bytes a
 * linear pass sends. The coefficients and predictions are checked against the loops'.
 */
final class LinearJobs {
    /** Backups of every block, as the command line's embedded grid keeps them. */
    static final int BACKUPS = 1;

    private final BenchmarkSettings settings;
    private final BenchReport report;
    private final PlainLoops loops;
    private final Supplier<List<HazelcastInstance>> grid;

    /** @param grid starts the grid (after the plain load has been timed, so it does not compete) and returns its members */
    LinearJobs(BenchmarkSettings settings, BenchReport report, PlainLoops loops, Supplier<List<HazelcastInstance>> grid) {
        this.settings = settings;
        this.report = report;
        this.loops = loops;
        this.grid = grid;
    }

    /** Generates {@code csv}, runs every job, and leaves the grid without the suite's datasets and the CSV deleted. */
    void run(Path csv) throws Exception {
        long t0 = System.nanoTime();
        double[] beta = SyntheticData.regressionCsv(csv, settings.rows(), settings.features());
        double mb = Files.size(csv) / 1e6;
        report.log("generated %s: %,d rows × %d columns (%d features + y), %.1f MB, seed %d, in %.1f s", csv,
                settings.rows(), settings.q(), settings.features(), mb, SyntheticData.SEED, Timing.secondsSince(t0));

        // the plain load first: it also builds the double[] every other loop reads
        double[][] holder = new double[1][];
        Timing loopLoad = Timing.measure(() -> holder[0] = loops.load(csv));
        double[] data = holder[0];

        List<HazelcastInstance> members = grid.get();
        HazelcastInstance hz = members.get(0);
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = load(members, catalog, csv, mb, loopLoad);

        double[][] coef = new double[1][];
        Timing loopFit = Timing.measure(() -> coef[0] = loops.fit(data));
        double[] loopCoef = coef[0];
        report.detail("loopCoefficientMaxAbsErrorVsTrueBeta", Diffs.maxAbs(loopCoef, 0, beta));
        ModelDocument cholesky = fit(hz, catalog, schema, "cholesky", loopFit, loopCoef);
        fit(hz, catalog, schema, "qr", loopFit, loopCoef);
        predict(hz, catalog, schema, cholesky, data);

        new PassBytes(settings, report).measure(members, catalog, schema, data, loopCoef);
        catalog.drop(schema.name());
        Files.deleteIfExists(csv);
    }

    /**
     * {@code load}: one warm-up load (dropped), then the measured load between two heap readings. One measured
     * run, not the median of several: the heap is read around it, and the first load is dropped just before.
     */
    private DatasetSchema load(List<HazelcastInstance> members, DatasetCatalog catalog, Path csv, double mb,
                               Timing loopLoad) throws Exception {
        CsvOptions csvOptions = CsvOptions.defaults().withBlockSize(settings.blockSize());
        long t0 = System.nanoTime();
        CsvLoader.load(catalog, csv, "warmup", csvOptions, null);
        double firstLoad = Timing.secondsSince(t0);
        catalog.drop("warmup");
        long heapBefore = HeapMeasure.usedHeapAfterGc();
        long c0 = Timing.cpuNanos();
        t0 = System.nanoTime();
        DatasetSchema schema = CsvLoader.load(catalog, csv, "bench", csvOptions, null);
        Timing gridLoad = new Timing(Timing.secondsSince(t0), (Timing.cpuNanos() - c0) / 1e9, firstLoad);
        long heapAfter = HeapMeasure.usedHeapAfterGc();
        if (schema.rows() != settings.rows() || schema.columns().size() != settings.q()) {
            throw new IllegalStateException("loaded " + schema.rows() + " rows × " + schema.columns().size());
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("fileMB", mb);
        extra.put("gridMBps", mb / gridLoad.seconds());
        extra.put("loopMBps", mb / loopLoad.seconds());
        extra.put("gridParseThreads", csvOptions.threads());
        extra.put("loopThreads", 1);
        report.addJob("load", gridLoad, loopLoad, extra);
        report.detail("loadMBps", mb / gridLoad.seconds());
        HeapMeasure.record(report, members, schema, BACKUPS, heapBefore, heapAfter);
        return schema;
    }

    /**
     * {@code fit-linear-SOLVER} (the whole {@code LinearTrainer.train}) and {@code fit-linear-SOLVER-pass} (its fit
     * pass alone), both against the same loop; the coefficients must agree with the loop's. Returns the model.
     */
    private ModelDocument fit(HazelcastInstance hz, DatasetCatalog catalog, DatasetSchema schema, String solver,
                              Timing loop, double[] loopCoef) throws Exception {
        LinearJob job = new LinearJob(schema.name(), "y", null, LinearOptions.ols().withSolver(solver));
        boolean qr = solver.equals("qr");
        ModelDocument[] model = new ModelDocument[1];
        Timing train = Timing.measure(() -> model[0] = LinearTrainer.train(hz, job));
        Timing pass = Timing.measure(() -> {
            LinearPassAggregator agg = catalog.blocks(schema).aggregate(LinearPasses.fit(schema, qr));
            if (agg.rows() != schema.rows()) {
                throw new IllegalStateException("fit pass saw " + agg.rows() + " rows");
            }
        });
        Timing metrics = Timing.measure(() -> GridScoring.metricsPass(catalog, schema, model[0], RowGrouping.NONE));
        double[] beta = designBeta(model[0]);
        Object solverUsed = model[0].summary().get("solver");
        boolean fullRefinement = "qr+refinement".equals(solverUsed);
        Timing refinement = qr && !"qr".equals(solverUsed)
                ? Timing.measure(() -> catalog.blocks(schema).aggregate(LinearPasses.refinement(schema, beta, fullRefinement)))
                : null;
        report.check("fit-linear-" + solver + " coefficients (max |grid - loop| / max |loop|)",
                Diffs.maxScaled(beta, loopCoef));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("passes", refinement != null ? 3 : 2);
        extra.put("what", "LinearTrainer.train: fit pass" + (qr ? " (Gram + per-block R factors), solve" : " (Gram), solve")
                + (refinement != null ? ", refinement pass" : "") + ", metrics pass");
        extra.put("metricsPassSeconds", metrics.seconds());
        extra.put("solverUsed", solverUsed);
        extra.put("scaledConditionNumber", model[0].summary().get("scaledConditionNumber"));
        if (refinement != null) {
            extra.put("refinementPassSeconds", refinement.seconds());
        }
        extra.put("maxAbsCoefficientDiffVsLoop", Diffs.maxAbs(beta, 0, loopCoef));
        report.addJob("fit-linear-" + solver, train, loop, extra);
        Map<String, Object> extraPass = new LinkedHashMap<>();
        extraPass.put("passes", 1);
        extraPass.put("what", "catalog.blocks(schema).aggregate(new LinearPassAggregator(..., qr=" + qr + ", ...)) alone");
        report.addJob("fit-linear-" + solver + "-pass", pass, loop, extraPass);
        return model[0];
    }

    /** Intercept first, then the coefficients: the design order of the QR solver and of the loop's solution. */
    private double[] designBeta(ModelDocument model) {
        double[] beta = new double[settings.q()];
        beta[0] = model.intercept();
        System.arraycopy(model.coefficients(), 0, beta, 1, settings.features());
        return beta;
    }

    /**
     * {@code predict-into}: {@code GridScoring.predictInto} (the command line's {@code predict --data D --into
     * D2}) with the Cholesky model, against the loop computing b0 + x·b per row into a new array. Every timed run
     * writes a new dataset (dropped after timing); the last one's predictions are compared with the loop's.
     */
    private void predict(HazelcastInstance hz, DatasetCatalog catalog, DatasetSchema schema, ModelDocument model,
                         double[] data) throws Exception {
        List<String> written = new ArrayList<>();
        DatasetSchema[] scored = new DatasetSchema[1];
        Timing grid = Timing.measure(() -> {
            String into = schema.name() + "-scored-" + written.size();
            written.add(into);
            scored[0] = GridScoring.predictInto(hz, model, schema.name(), into);
        });
        double[][] out = new double[1][];
        Timing loop = Timing.measure(() -> out[0] = loops.predict(data, model.intercept(), model.coefficients()));
        double[] gridPredictions = predictions(catalog, scored[0]);
        for (String name : written) {
            catalog.drop(name);
        }
        int identical = 0;
        for (int r = 0; r < gridPredictions.length; r++) {
            if (Double.compare(gridPredictions[r], out[0][r]) == 0) {
                identical++;
            }
        }
        report.check("predict-into predictions (max relative difference grid vs loop)",
                Diffs.maxRel(gridPredictions, out[0], 0, gridPredictions.length));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("passes", 1);
        extra.put("what", "GridScoring.predictInto(hz, the fit-linear-cholesky model, dataset, into): an entry "
                + "processor per block, the prediction blocks written as a new dataset; loop: b0 + x·b by fma per "
                + "row into a new double[]");
        extra.put("rows", gridPredictions.length);
        extra.put("identicalPredictions", identical);
        report.addJob("predict-into", grid, loop, extra);
    }

    /** The prediction column of a scored dataset, in row order (row id = block × block size + row in block). */
    private double[] predictions(DatasetCatalog catalog, DatasetSchema scored) {
        double[] p = new double[Math.toIntExact(scored.rows())];
        var blocks = catalog.blocks(scored);
        for (int b = 0; b < scored.blocks(); b++) {
            RowBlock block = blocks.get(b);
            for (int r = 0; r < block.rows(); r++) {
                p[b * scored.blockSize() + r] = block.get(r, 0);
            }
        }
        return p;
    }
}
