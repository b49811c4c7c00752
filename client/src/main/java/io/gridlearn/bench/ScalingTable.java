package io.gridlearn.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable form of the scaling suite's results ({@link ScalingSummary#document}): two tables and the line. */
final class ScalingTable {
    private ScalingTable() {
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> scaling, PrintStream out) {
        out.printf(Locale.ROOT, "gridlearn scaling: %s features + y, blocks of %s rows, backup-count 1, members in one "
                + "JVM; each figure the median of %d runs after a warm-up%n", scaling.get("cols"),
                scaling.get("blockSize"), Timing.REPEATS);
        out.println("fit = " + scaling.get("job"));
        out.println();
        out.printf(Locale.ROOT, "%7s %10s %8s %8s %8s %10s %10s %10s %11s%n", "members", "rows", "fit s", "pass s",
                "loop s", "loop/fit", "loop/pass", "fit cpu s", "vs 1 member");
        for (Map<String, Object> e : (List<Map<String, Object>>) scaling.get("byMembers")) {
            Object speedup = e.get("gridSpeedupVsOneMember");
            out.printf(Locale.ROOT, "%7d %,10d %8.3f %8.3f %8.3f %10.2f %10.2f %10.2f %11s%n", e.get("members"),
                    e.get("rows"), e.get("gridSeconds"), e.get("passSeconds"), e.get("loopSeconds"), e.get("ratio"),
                    e.get("passRatio"), e.get("gridCpuSeconds"),
                    speedup == null ? "-" : String.format(Locale.ROOT, "%.2f×", (double) speedup));
        }
        out.println();
        out.printf(Locale.ROOT, "fit time against n on %s members:%n", scaling.get("curveMembers"));
        out.printf(Locale.ROOT, "%10s %8s %10s %8s %10s %8s %10s %10s%n", "rows", "fit s", "fit s/M", "pass s",
                "pass s/M", "loop s", "loop s/M", "loop/fit");
        for (Map<String, Object> e : (List<Map<String, Object>>) scaling.get("byRows")) {
            out.printf(Locale.ROOT, "%,10d %8.3f %10.3f %8.3f %10.3f %8.3f %10.3f %10.2f%n", e.get("rows"),
                    e.get("gridSeconds"), e.get("secondsPerMillionRows"), e.get("passSeconds"),
                    e.get("passSecondsPerMillionRows"), e.get("loopSeconds"), e.get("loopSecondsPerMillionRows"),
                    e.get("ratio"));
        }
        out.println("s/M = seconds per million rows");
        Map<String, Object> fits = (Map<String, Object>) scaling.get("linearFit");
        for (Map.Entry<String, Object> f : fits.entrySet()) {
            Map<String, Object> l = (Map<String, Object>) f.getValue();
            out.printf(Locale.ROOT, "least squares %s = a + b·n: a = %.3f s, b = %.3f s per million rows, "
                            + "R² %.4f; time(%,d) / time(%,d) = %.2f for %.0f× the rows%n", f.getKey(), l.get("interceptSeconds"),
                    l.get("secondsPerMillionRows"), l.get("r2"), l.get("largestRows"), l.get("smallestRows"),
                    l.get("timeRatioLargestToSmallest"), l.get("rowsRatioLargestToSmallest"));
        }
        for (Object n : (List<Object>) scaling.get("notes")) {
            out.println("scaling note: " + n);
        }
        out.println();
    }
}
