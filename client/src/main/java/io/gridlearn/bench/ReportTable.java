package io.gridlearn.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readable form of a {@link BenchReport}: the jobs' table, whole fits, memory and bytes per pass, and the
 * scaling suite's tables ({@link ScalingTable}).
 */
public final class ReportTable {
    private ReportTable() {
    }

    /**
     * Prints the tables of a report.
     *
     * @param report the measurements
     * @param out    the stream to print to (the command's standard output)
     */
    public static void print(BenchReport report, PrintStream out) {
        out.println();
        if (!report.jobs().isEmpty()) {
            jobs(report, out);
        }
        if (!report.commands().isEmpty()) {
            commands(report, out);
        }
        if (report.scaling() != null) {
            ScalingTable.print(report.scaling(), out);
        }
        if (!report.fits().isEmpty()) {
            out.printf(Locale.ROOT, "%-20s %6s %11s %9s %9s %11s %10s  %s%n", "whole fit", "passes",
                    "iterations", "grid s", "cpu s", "s / pass", "first s", "note");
            for (Map<String, Object> f : report.fits()) {
                out.printf(Locale.ROOT, "%-20s %6d %11d %9.3f %9.2f %11.3f %10.3f  %s%n", f.get("name"),
                        f.get("passes"), f.get("iterations"), f.get("gridSeconds"), f.get("gridCpuSeconds"),
                        f.get("secondsPerPass"), f.get("gridFirstRunSeconds"), f.get("what"));
            }
            out.println();
        }
        Map<String, Object> details = report.details();
        if (details.containsKey("bytesPerValue")) {
            memoryAndBytes(details, out);
        }
        for (String n : report.notes()) {
            out.println("note: " + n);
        }
        List<String> failed = report.failedChecks();
        out.println(failed.isEmpty() ? "every grid result agreed with its plain loop (see the check lines on standard error)"
                : "CORRECTNESS CHECKS FAILED: " + String.join("; ", failed));
    }

    private static void jobs(BenchReport report, PrintStream out) {
        BenchmarkSettings s = report.settings();
        out.printf(Locale.ROOT, "gridlearn end-to-end: %,d rows × %d features + y, %d members in one JVM, blocks of "
                        + "%d, backup-count 1; each job run once to warm up, then %d times: the median reported%n",
                s.rows(), s.features(), s.members(), s.blockSize(), Timing.REPEATS);
        out.printf(Locale.ROOT, "%-26s %9s %9s %10s %10s %10s  %s%n", "job", "grid s", "loop s", "loop/grid",
                "grid cpu s", "loop cpu s", "note");
        for (Map<String, Object> j : report.jobs()) {
            out.printf(Locale.ROOT, "%-26s %9.3f %9.3f %10.2f %10.2f %10.2f  %s%n", j.get("name"), j.get("gridSeconds"),
                    j.get("loopSeconds"), j.get("ratio"), j.get("gridCpuSeconds"), j.get("loopCpuSeconds"), note(j));
        }
        out.println("loop = plain Java over one row-major double[] on "
                + Runtime.getRuntime().availableProcessors() + " threads (one row range each, partial sums added at "
                + "the end), except load (BufferedReader.readLine + split + Double.parseDouble, 1 thread); linear fits "
                + "= naive triple-loop Gram of [x, y] + textbook Cholesky; predict = b0 + x·b per row by fma into a "
                + "new double[]; iterations = the kernel's arithmetic without finiteness checks. cpu s = process CPU "
                + "time of the whole JVM (members included) during the run");
        out.println();
    }

    private static void commands(BenchReport report, PrintStream out) {
        BenchmarkSettings s = report.settings();
        Map<String, Object> d = report.details();
        out.printf(Locale.ROOT, "gridlearn commands through a thin client: %,d rows × %d features + y + c (%d separated "
                        + "clusters); each command a new process (%s), run once (first) then %d times (median), in "
                        + "rounds with its loop%s%n", s.rows(), s.features(), ClusteredData.CLUSTERS,
                d.get("commandsLauncher"), Timing.REPEATS, d.containsKey("sklearn") ? " and scikit-learn" : "");
        out.printf(Locale.ROOT, "a command that only asks the grid (datasets) takes %.3f s: \"−start\" subtracts it%n",
                d.get("commandStartSeconds"));
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s %10s %10s %12s%n", "command", "first s", "median s",
                "−start s", "loop s", "loop/cmd", "sklearn s", "sklearn/cmd");
        for (Map<String, Object> c : report.commands()) {
            out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %9s %10s %10s %12s%n", c.get("name"), c.get("firstSeconds"),
                    c.get("seconds"), c.get("secondsMinusStart"), opt(c, "loopSeconds", "%.3f"),
                    opt(c, "loopOverCommand", "%.2f"), opt(c, "sklearnSeconds", "%.3f"),
                    opt(c, "sklearnOverCommand", "%.2f"));
        }
        out.println("loop = the whole job in plain Java in the benchmark's process: load = readLine + split + "
                + "parseDouble (1 thread); linear = naive Gram + Cholesky; logistic = Newton to max |g| <= 1e-10; "
                + "kmeans = greedy k-means++ and Lloyd (tol 1e-4); predict = b0 + x·b per row. Ratios above 1: "
                + "the command (minus start) is faster");
        out.println();
    }

    private static String opt(Map<String, Object> m, String key, String format) {
        return m.containsKey(key) ? String.format(Locale.ROOT, format, m.get(key)) : "—";
    }

    private static String note(Map<String, Object> j) {
        return switch ((String) j.get("name")) {
            case "load" -> String.format(Locale.ROOT, "grid %.1f MB/s (%s parse threads) vs loop %.1f MB/s (1 thread)",
                    j.get("gridMBps"), j.get("gridParseThreads"), j.get("loopMBps"));
            case "fit-linear-cholesky", "fit-linear-qr" -> String.format(Locale.ROOT,
                    "LinearTrainer.train (solver %s), %s passes: fit%s + metrics (alone %.3f s); max |coef diff| vs loop %.1e",
                    j.get("solverUsed"), j.get("passes"), j.containsKey("refinementPassSeconds")
                            ? String.format(Locale.ROOT, " + refinement (alone %.3f s)", j.get("refinementPassSeconds")) : "",
                    j.get("metricsPassSeconds"), j.get("maxAbsCoefficientDiffVsLoop"));
            case "predict-into" -> String.format(Locale.ROOT,
                    "GridScoring.predictInto (predict --into) with the cholesky model; %s of %s predictions identical to the loop's",
                    j.get("identicalPredictions"), j.get("rows"));
            case "logistic-newton-iteration" -> String.format(Locale.ROOT,
                    "one runner.sum(BinaryKernel, Hessian on) pass at a fixed θ; max rel diff vs loop: gradient "
                            + "%.1e, Hessian %.1e, log L %.1e", j.get("maxRelDiffGradient"),
                    j.get("maxRelDiffHessian"), j.get("relDiffLogLikelihood"));
            case "glm-irls-iteration" -> String.format(Locale.ROOT,
                    "one runner.sum(GlmKernel, Poisson/log) pass at a fixed θ; Newton/IRLS %.2f in the same rounds; "
                            + "max rel diff vs loop: X'Wz %.1e, X'WX %.1e, deviance %.1e", j.get("newtonOverIrls"),
                    j.get("maxRelDiffXWz"), j.get("maxRelDiffXWX"), j.get("relDiffDeviance"));
            case "kmeans-iteration" -> String.format(Locale.ROOT,
                    "one runner.sum(LloydKernel, k = %s) pass at fixed centres; max rel diff vs loop: cluster sums "
                            + "%.1e, inertia %.1e, counts equal %s", j.get("k"), j.get("maxRelDiffClusterSums"),
                    j.get("relDiffInertia"), j.get("countsEqual"));
            default -> "the fit aggregation pass alone";
        };
    }

    private static void memoryAndBytes(Map<String, Object> details, PrintStream out) {
        out.printf(Locale.ROOT, "heap: %.2f bytes per stored value per copy (%s)%n",
                details.get("bytesPerValue"), details.get("bytesPerValueMeasure"));
        out.printf(Locale.ROOT, "      map stats: ownedEntryMemoryCost %,d + backupEntryMemoryCost %,d bytes, heapCost %,d%s%n",
                details.get("ownedEntryMemoryCost"), details.get("backupEntryMemoryCost"), details.get("mapHeapCost"),
                details.containsKey("bytesPerValueFromMapStats")
                        ? String.format(Locale.ROOT, " = %.2f bytes per value", details.get("bytesPerValueFromMapStats"))
                        : " (0: not reported for OBJECT format)");
        out.println();
        out.printf(Locale.ROOT, "%-10s %7s %-20s %14s %18s %22s  %s%n", "rows", "blocks", "pass", "merged bytes",
                "merged × members", "Σ per-member partials", "blocks per member");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bytes = (List<Map<String, Object>>) details.get("bytesPerPass");
        for (Map<String, Object> b : bytes) {
            out.printf(Locale.ROOT, "%,10d %7d %-20s %,14d %,18d %,22d  %s%n", b.get("rows"), b.get("blocks"),
                    b.get("pass"), b.get("mergedResultBytes"), b.get("estimateMergedTimesMembers"),
                    b.get("sumOfPerMemberPartials"), b.get("perMemberOwnedBlocks"));
        }
        out.println();
    }
}
