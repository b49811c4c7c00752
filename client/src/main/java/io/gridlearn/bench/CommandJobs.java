package io.gridlearn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The commands suite: {@code gridlearn --cluster HOST:PORT benchmark} measures what a user of a running grid
 * waits for — whole commands, each a new client process ({@link CliProcess}) against the user's members — on
 * {@link ClusteredData} (eight separated clusters, a regression and a binary target). Every command runs once
 * after the data is loaded ({@code first}: the first such fit on these data, as fresh as the members are) and
 * then {@link Timing#REPEATS} times (the median is {@code warm}), in rounds with its plain-Java loop in this
 * process (the whole fit: Cholesky, Newton, greedy k-means++ and Lloyd) and, with {@code --sklearn PYTHON},
 * scikit-learn's fit of the same data in a Python process that stays up ({@link SklearnPeer}), the order
 * rotated each round so that a busy spell slows every side. The time a command takes to start and connect
 * (the {@code datasets} command, measured the same way) is reported, and the ratios use the command's time
 * minus it, as a user comparing with a library already loaded in a notebook would.
 *
 * <p>Checks: the linear fits' coefficients equal the loop's (relative 1e-6 of the largest), the logistic fit's
 * objective the loop's Newton optimum (relative 1e-8), the k-means fit reaches the optimum (the generating
 * partition's inertia, relative 1e-9). The generating partition is the optimum when the clusters do not overlap
 * (at many features); where two centres lie close (few features) Lloyd may lower it slightly, so the check is an
 * upper bound: a wrong clustering (two clusters merged, one split) is far above it.
 */
final class CommandJobs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** λ of the logistic fits (the benchmark problem). */
    static final double LAMBDA = 1e-4;

    private final BenchmarkSettings settings;
    private final BenchReport report;
    private final List<String> global;
    private final String python;
    private final ExecutorService pool;
    private final String tag = "bench-commands-" + ProcessHandle.current().pid();

    /**
     * @param global the global options that reach the grid: --cluster, --cluster-name, --timeout
     * @param python the Python interpreter for scikit-learn's side, or null for none
     */
    CommandJobs(BenchmarkSettings settings, BenchReport report, List<String> global, String python, ExecutorService pool) {
        this.settings = settings;
        this.report = report;
        this.global = global;
        this.python = python;
        this.pool = pool;
    }

    /** One side of a round: runs once and says how long the part that counts took. */
    private interface Side {
        double seconds() throws Exception;
    }

    /** A side's first run and the median of the next {@link Timing#REPEATS}. */
    private record Times(double first, double median) {
    }

    /**
     * Every side once (the first run), then {@link Timing#REPEATS} rounds running every side once, the order
     * rotated each round; a null side is skipped.
     */
    private static Times[] rounds(Side... sides) throws Exception {
        int n = sides.length;
        double[] first = new double[n];
        double[][] runs = new double[n][Timing.REPEATS];
        for (int k = 0; k < n; k++) {
            if (sides[k] != null) {
                System.gc();
                first[k] = sides[k].seconds();
            }
        }
        for (int i = 0; i < Timing.REPEATS; i++) {
            for (int s = 0; s < n; s++) {
                int k = (i + s) % n;
                if (sides[k] != null) {
                    System.gc();
                    runs[k][i] = sides[k].seconds();
                }
            }
        }
        Times[] out = new Times[n];
        for (int k = 0; k < n; k++) {
            Arrays.sort(runs[k]);
            out[k] = sides[k] == null ? null : new Times(first[k], runs[k][Timing.REPEATS / 2]);
        }
        return out;
    }

    private static Side timed(Timing.Job job) {
        return () -> {
            long t0 = System.nanoTime();
            job.run();
            return Timing.secondsSince(t0);
        };
    }

    /** Generates the data, runs every command and removes the datasets it made. */
    void run(Path dir) throws Exception {
        int rows = settings.rows();
        int d = settings.features();
        Path csv = dir.resolve("clustered.csv");
        long t0 = System.nanoTime();
        ClusteredData data = ClusteredData.write(csv, rows, d);
        double mb = Files.size(csv) / 1e6;
        report.log("commands data: %,d rows × %d features + y + c, %d clusters (centres N(0, %.0f²)), seed %d, %.0f MB "
                        + "CSV, written in %.1f s; optimum inertia %.6e", rows, d, ClusteredData.CLUSTERS,
                ClusteredData.CENTRE_SD, ClusteredData.SEED, mb, Timing.secondsSince(t0), data.optimumInertia);
        CliProcess cli = new CliProcess(global, dir);
        report.detail("commandsLauncher", cli.describeLauncher());
        report.detail("commandsOptimumInertia", data.optimumInertia);
        PlainLoops loops = new PlainLoops(rows, d, pool);
        PlainLoops csvLoop = new PlainLoops(rows, d + 1, pool);
        String features = String.join(",", columnNames(d));
        String ds = tag;
        String predictions = tag + "-predictions";
        try (SklearnPeer sk = python == null ? null : new SklearnPeer(python, csv, dir)) {
            if (sk != null) {
                report.detail("sklearn", Map.of("version", sk.loaded.get("sklearn").asText(),
                        "numpy", sk.loaded.get("numpy").asText(), "loadtxtSeconds", sk.loaded.get("seconds").asDouble()));
                report.log("scikit-learn %s: numpy.loadtxt read the CSV in %.1f s", sk.loaded.get("sklearn").asText(),
                        sk.loaded.get("seconds").asDouble());
            }
            Times start = rounds(() -> cli.run(List.of("datasets")))[0];
            report.log("start: a command that only asks the grid (datasets) takes %.2f s (first %.2f s)",
                    start.median(), start.first());
            report.detail("commandStartSeconds", start.median());
            double startSeconds = start.median();

            boolean[] loaded = {false};
            Times[] load = rounds(() -> {
                if (loaded[0]) {
                    cli.run(List.of("drop", ds));
                }
                double s = cli.run(List.of("load", csv.toString(), "--name", ds));
                loaded[0] = true;
                return s;
            }, timed(() -> csvLoop.load(csv)));
            add("load", "load CSV --name D", load[0], startSeconds, load[1], null,
                    Map.of("csvMB", mb, "commandMBps", mb / (load[0].median() - startSeconds),
                            "loopMBps", mb / load[1].median()));

            Times describe = rounds(() -> cli.run(List.of("describe", ds)))[0];
            add("describe", "describe D", describe, startSeconds, null, null, Map.of());

            double[][] loopResult = new double[1][];
            Side linearLoop = timed(() -> loopResult[0] = loops.fit(data.regression));
            for (String solver : List.of("qr", "cholesky")) {
                Path out = dir.resolve("linear-" + solver + ".json");
                List<String> args = List.of("fit", "linear", "--data", ds, "--target", "y", "--features", features,
                        "--solver", solver, "--name", tag + "-linear-" + solver, "--out", out.toString());
                JsonNode[] skResult = new JsonNode[1];
                Times[] t = rounds(() -> cli.run(args), linearLoop, sk == null ? null : () -> {
                    skResult[0] = sk.fit("linear");
                    return skResult[0].get("seconds").asDouble();
                });
                JsonNode model = JSON.readTree(out.toFile());
                double diff = coefficientDiff(model.get("intercept").asDouble(), model.get("coefficients"), loopResult[0]);
                report.check("commands fit linear --solver " + solver + " coefficients vs the loop's (max |diff| / max "
                        + "|coef|)", diff <= 1e-6, String.format(java.util.Locale.ROOT, "%.1e (required <= 1e-6)", diff));
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("relCoefficientDiffVsLoop", diff);
                if (skResult[0] != null) {
                    extra.put("relCoefficientDiffVsSklearn", coefficientDiff(model.get("intercept").asDouble(),
                            model.get("coefficients"), interceptFirst(skResult[0])));
                }
                add("fit-linear-" + solver, "fit linear --solver " + solver, t[0], startSeconds, t[1], t[2], extra);
            }

            Path logisticOut = dir.resolve("logistic.json");
            List<String> logisticArgs = List.of("fit", "logistic", "--data", ds, "--target", "c", "--features", features,
                    "--lambda", Double.toString(LAMBDA), "--name", tag + "-logistic", "--out", logisticOut.toString());
            double[][] newton = new double[1][];
            JsonNode[] skLogistic = new JsonNode[1];
            Times[] logistic = rounds(() -> cli.run(logisticArgs),
                    timed(() -> newton[0] = loops.newtonFit(data.labelled, LAMBDA, 1e-10)),
                    sk == null ? null : () -> {
                        skLogistic[0] = sk.fit("logistic " + LAMBDA);
                        return skLogistic[0].get("seconds").asDouble();
                    });
            JsonNode lm = JSON.readTree(logisticOut.toFile());
            double objective = lm.get("summary").get("objective").asDouble();
            double relObjective = Math.abs(objective - newton[0][0]) / Math.abs(newton[0][0]);
            report.check("commands fit logistic objective vs the loop's Newton optimum (relative)", relObjective <= 1e-8,
                    String.format(java.util.Locale.ROOT, "%.1e (required <= 1e-8)", relObjective));
            Map<String, Object> logisticExtra = new LinkedHashMap<>();
            logisticExtra.put("iterations", lm.get("summary").get("iteration").asInt());
            logisticExtra.put("loopIterations", (int) newton[0][1]);
            logisticExtra.put("relObjectiveDiffVsLoop", relObjective);
            logisticExtra.put("relCoefficientDiffVsLoop", coefficientDiff(lm.get("intercept").asDouble(),
                    lm.get("coefficients"), Arrays.copyOfRange(newton[0], 2, newton[0].length)));
            if (skLogistic[0] != null) {
                logisticExtra.put("sklearnIterations", skLogistic[0].get("iterations").asInt());
                logisticExtra.put("relCoefficientDiffVsSklearn", coefficientDiff(lm.get("intercept").asDouble(),
                        lm.get("coefficients"), interceptFirst(skLogistic[0])));
            }
            add("fit-logistic", "fit logistic --lambda " + LAMBDA, logistic[0], startSeconds, logistic[1], logistic[2],
                    logisticExtra);

            Path kmeansOut = dir.resolve("kmeans.json");
            int k = ClusteredData.CLUSTERS;
            List<String> kmeansArgs = List.of("fit", "kmeans", "--data", ds, "--features", features, "--k",
                    Integer.toString(k), "--name", tag + "-kmeans", "--out", kmeansOut.toString());
            double[][] lloyd = new double[1][];
            JsonNode[] skKmeans = new JsonNode[1];
            Times[] kmeans = rounds(() -> cli.run(kmeansArgs),
                    timed(() -> lloyd[0] = loops.kmeansFit(data.labelled, k, 1, 1e-4, 300)),
                    sk == null ? null : () -> {
                        skKmeans[0] = sk.fit("kmeans " + k + " 1");
                        return skKmeans[0].get("seconds").asDouble();
                    });
            JsonNode km = JSON.readTree(kmeansOut.toFile());
            double inertia = km.get("metrics").get("train").get("inertia").asDouble();
            double excess = (inertia - data.optimumInertia) / data.optimumInertia;
            report.check("commands fit kmeans reaches the optimum (inertia / optimum − 1)", excess <= 1e-9,
                    String.format(java.util.Locale.ROOT, "%.1e (required <= 1e-9)", excess));
            Map<String, Object> kmeansExtra = new LinkedHashMap<>();
            kmeansExtra.put("inertiaOverOptimum", inertia / data.optimumInertia);
            kmeansExtra.put("iterations", km.get("summary").get("iteration").asInt());
            kmeansExtra.put("loopInertiaOverOptimum", lloyd[0][0] / data.optimumInertia);
            kmeansExtra.put("loopIterations", (int) lloyd[0][1]);
            if (skKmeans[0] != null) {
                kmeansExtra.put("sklearnInertiaOverOptimum", skKmeans[0].get("inertia").asDouble() / data.optimumInertia);
                kmeansExtra.put("sklearnIterations", skKmeans[0].get("iterations").asInt());
            }
            add("fit-kmeans", "fit kmeans --k " + k, kmeans[0], startSeconds, kmeans[1], kmeans[2], kmeansExtra);

            JsonNode chol = JSON.readTree(dir.resolve("linear-cholesky.json").toFile());
            double b0 = chol.get("intercept").asDouble();
            double[] b = new double[d];
            for (int j = 0; j < d; j++) {
                b[j] = chol.get("coefficients").get(j).asDouble();
            }
            boolean[] predicted = {false};
            Times[] predict = rounds(() -> {
                if (predicted[0]) {
                    cli.run(List.of("drop", predictions));
                }
                double s = cli.run(List.of("predict", "--model", tag + "-linear-cholesky", "--data", ds,
                        "--into", predictions));
                predicted[0] = true;
                return s;
            }, timed(() -> loops.predict(data.regression, b0, b)));
            add("predict-into", "predict --model M --data D --into D2", predict[0], startSeconds, predict[1], null,
                    Map.of());
        } finally {
            for (String name : List.of(predictions, ds)) {
                try {
                    cli.run(List.of("drop", name));
                } catch (IOException e) {
                    // not made (an earlier job failed): nothing to drop
                }
            }
        }
        report.note("commands suite: the models " + tag + "-* stay in the model store (the CLI removes no model)");
    }

    private void add(String name, String command, Times grid, double start, Times loop, Times sklearn,
                     Map<String, Object> extra) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("command", command);
        c.put("firstSeconds", grid.first());
        c.put("seconds", grid.median());
        c.put("secondsMinusStart", grid.median() - start);
        c.put("firstSecondsMinusStart", grid.first() - start);
        if (loop != null) {
            c.put("loopSeconds", loop.median());
            c.put("loopOverCommand", loop.median() / (grid.median() - start));
        }
        if (sklearn != null) {
            c.put("sklearnSeconds", sklearn.median());
            c.put("sklearnOverCommand", sklearn.median() / (grid.median() - start));
        }
        c.putAll(extra);
        report.addCommand(c);
    }

    static List<String> columnNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    /** [intercept, coefficients…] of a scikit-learn answer. */
    private static double[] interceptFirst(JsonNode answer) {
        JsonNode coef = answer.get("coefficients");
        double[] out = new double[coef.size() + 1];
        out[0] = answer.get("intercept").asDouble();
        for (int j = 0; j < coef.size(); j++) {
            out[j + 1] = coef.get(j).asDouble();
        }
        return out;
    }

    /** max |model − reference| / max |reference| over [intercept, coefficients…]. */
    static double coefficientDiff(double intercept, JsonNode coefficients, double[] reference) {
        double largest = 0;
        double diff = Math.abs(intercept - reference[0]);
        for (double r : reference) {
            largest = Math.max(largest, Math.abs(r));
        }
        for (int j = 0; j < coefficients.size(); j++) {
            diff = Math.max(diff, Math.abs(coefficients.get(j).asDouble() - reference[j + 1]));
        }
        return diff / largest;
    }
}
