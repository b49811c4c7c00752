package io.gridlearn.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON entries of the measured points and the line through the curve. */
final class ScalingSummary {
    private ScalingSummary() {
    }

    static Map<String, Object> memberEntry(ScalingPoint p, List<Map<String, Object>> earlier) {
        Map<String, Object> e = common(p);
        e.put("passRatio", p.loop().seconds() / p.pass().seconds());
        if (!earlier.isEmpty()) {
            e.put("gridSpeedupVsOneMember", (double) earlier.get(0).get("gridSeconds") / p.train().seconds());
        }
        return e;
    }

    static Map<String, Object> rowsEntry(ScalingPoint p) {
        Map<String, Object> e = common(p);
        double millions = p.rows() / 1e6;
        e.put("secondsPerMillionRows", p.train().seconds() / millions);
        e.put("passSecondsPerMillionRows", p.pass().seconds() / millions);
        e.put("loopSecondsPerMillionRows", p.loop().seconds() / millions);
        return e;
    }

    private static Map<String, Object> common(ScalingPoint p) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("members", p.members());
        e.put("rows", p.rows());
        e.put("gridSeconds", p.train().seconds());
        e.put("loopSeconds", p.loop().seconds());
        e.put("ratio", p.loop().seconds() / p.train().seconds());
        e.put("passSeconds", p.pass().seconds());
        e.put("gridCpuSeconds", p.train().cpuSeconds());
        e.put("passCpuSeconds", p.pass().cpuSeconds());
        e.put("loopCpuSeconds", p.loop().cpuSeconds());
        e.put("gridFirstRunSeconds", p.train().firstSeconds());
        e.put("maxAbsCoefficientDiffVsLoop", p.coefDiff());
        return e;
    }

    static Map<String, Object> document(BenchmarkSettings s, List<Map<String, Object>> byMembers,
                                        List<Map<String, Object>> byRows, List<Integer> skipped, List<String> notes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job", "fit-linear-cholesky: LinearTrainer.train (fit pass, solve, metrics pass); passSeconds = "
                + "its fit pass alone; loop = naive all-core Gram of [x, y] + textbook Cholesky over one double[]");
        doc.put("rows", s.rows());
        doc.put("cols", s.features());
        doc.put("blockSize", s.blockSize());
        doc.put("curveMembers", s.members());
        doc.put("byMembers", byMembers);
        doc.put("byRows", byRows);
        doc.put("requestedRows", s.scalingRows());
        doc.put("skippedRows", skipped);
        Map<String, Object> fits = new LinkedHashMap<>();
        if (byRows.size() >= 2) {
            fits.put("gridSeconds", line(byRows, "gridSeconds"));
            fits.put("passSeconds", line(byRows, "passSeconds"));
            fits.put("loopSeconds", line(byRows, "loopSeconds"));
            if (byRows.size() == 2) {
                notes.add("two row counts: the line passes through both, so R² is 1 by construction");
            }
        } else {
            notes.add("fewer than two row counts measured: no line fitted");
        }
        doc.put("linearFit", fits);
        doc.put("notes", notes);
        return doc;
    }

    /** time = a + b·n by least squares over the curve, with R² and time(largest n) / time(smallest n). */
    private static Map<String, Object> line(List<Map<String, Object>> points, String key) {
        double[] n = new double[points.size()];
        double[] t = new double[points.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = ((Number) points.get(i).get("rows")).doubleValue();
            t[i] = (double) points.get(i).get(key);
        }
        LineFit f = LineFit.of(n, t);
        int last = n.length - 1;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interceptSeconds", f.a());
        m.put("secondsPerMillionRows", f.b() * 1e6);
        m.put("r2", f.r2());
        m.put("smallestRows", (long) n[0]);
        m.put("largestRows", (long) n[last]);
        m.put("timeRatioLargestToSmallest", t[last] / t[0]);
        m.put("rowsRatioLargestToSmallest", n[last] / n[0]);
        return m;
    }
}
