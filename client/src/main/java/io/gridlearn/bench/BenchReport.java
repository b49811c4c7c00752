package io.gridlearn.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one run measured, as it is measured: the jobs (each the grid's timing next to its plain loop's),
 * whole fits with no loop counterpart, details (memory, bytes per pass, coefficient errors), notes, and the
 * correctness checks. Progress lines go to the error stream as they happen; {@link #document()} is the JSON
 * document and {@link ReportTable} the readable table.
 */
public final class BenchReport {
    /** Largest difference allowed between the grid's results and the plain loop's (relative, see each check). */
    static final double CHECK_TOLERANCE = 1e-9;

    private final BenchmarkSettings settings;
    private final Map<String, Object> machine;
    private final PrintStream log;
    private final List<Map<String, Object>> jobs = new ArrayList<>();
    private final List<Map<String, Object>> fits = new ArrayList<>();
    private final List<Map<String, Object>> commands = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failedChecks = new ArrayList<>();
    private Map<String, Object> scaling;

    BenchReport(BenchmarkSettings settings, Map<String, Object> machine, PrintStream log) {
        this.settings = settings;
        this.machine = machine;
        this.log = log;
    }

    /** A job: the grid's timing next to the plain loop's; ratio = loop seconds / grid seconds (above 1: grid faster). */
    void addJob(String name, Timing grid, Timing loop, Map<String, Object> extra) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", name);
        j.put("gridSeconds", grid.seconds());
        j.put("loopSeconds", loop.seconds());
        j.put("ratio", loop.seconds() / grid.seconds());
        j.put("gridCpuSeconds", grid.cpuSeconds());
        j.put("loopCpuSeconds", loop.cpuSeconds());
        j.put("gridFirstRunSeconds", grid.firstSeconds());
        j.put("loopFirstRunSeconds", loop.firstSeconds());
        j.putAll(extra);
        jobs.add(j);
        log("%s: grid %.3f s (cpu %.2f s, first run %.3f s), loop %.3f s (cpu %.2f s, first run %.3f s), loop/grid %.2f",
                name, grid.seconds(), grid.cpuSeconds(), grid.firstSeconds(), loop.seconds(), loop.cpuSeconds(),
                loop.firstSeconds(), loop.seconds() / grid.seconds());
    }

    /** A whole fit on the grid, for context (no loop counterpart). */
    void addFit(String name, Timing t, int iterations, int sumPasses, int samplePasses, String what) {
        int passes = sumPasses + samplePasses;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("iterations", iterations);
        f.put("passes", passes);
        f.put("sumPasses", sumPasses);
        f.put("samplePasses", samplePasses);
        f.put("gridSeconds", t.seconds());
        f.put("gridCpuSeconds", t.cpuSeconds());
        f.put("gridFirstRunSeconds", t.firstSeconds());
        f.put("secondsPerIteration", t.seconds() / Math.max(1, iterations));
        f.put("secondsPerPass", t.seconds() / Math.max(1, passes));
        f.put("what", what);
        fits.add(f);
        log("%s: %d iterations, %d passes (%d sum, %d sample), %.3f s (cpu %.2f s, first run %.3f s), %.3f s per "
                        + "iteration, %.3f s per pass", name, iterations, passes, sumPasses, samplePasses, t.seconds(),
                t.cpuSeconds(), t.firstSeconds(), t.seconds() / Math.max(1, iterations), t.seconds() / Math.max(1, passes));
    }

    /** A whole command of the commands suite ({@link CommandJobs}): its times, its loop's and scikit-learn's. */
    void addCommand(Map<String, Object> c) {
        commands.add(c);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: command %.3f s (first %.3f s), minus "
                + "start %.3f s", c.get("name"), c.get("seconds"), c.get("firstSeconds"), c.get("secondsMinusStart")));
        if (c.containsKey("loopSeconds")) {
            line.append(String.format(Locale.ROOT, "; loop %.3f s (loop/command %.2f)", c.get("loopSeconds"),
                    c.get("loopOverCommand")));
        }
        if (c.containsKey("sklearnSeconds")) {
            line.append(String.format(Locale.ROOT, "; scikit-learn %.3f s (sklearn/command %.2f)",
                    c.get("sklearnSeconds"), c.get("sklearnOverCommand")));
        }
        log("%s", line);
    }

    /** A correctness check: {@code difference} (as described by {@code what}) must be at most {@link #CHECK_TOLERANCE}. */
    void check(String what, double difference) {
        boolean ok = difference <= CHECK_TOLERANCE;
        log("check %s: %.2e (required <= %.0e): %s", what, difference, CHECK_TOLERANCE, ok ? "ok" : "FAIL");
        if (!ok) {
            failedChecks.add(what);
        }
    }

    /** A correctness check that is true or false. */
    void check(String what, boolean ok, String shown) {
        log("check %s: %s: %s", what, shown, ok ? "ok" : "FAIL");
        if (!ok) {
            failedChecks.add(what);
        }
    }

    /** The scaling suite's results ({@link ScalingSummary#document}), the document's {@code scaling}. */
    void scaling(Map<String, Object> results) {
        scaling = results;
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    void note(String note) {
        notes.add(note);
    }

    /** A progress line on the error stream. */
    void log(String format, Object... args) {
        log.printf(Locale.ROOT, "[benchmark] " + format + "%n", args);
    }

    /**
     * The checks that failed (empty when every grid result agreed with its loop).
     *
     * @return the failed checks' messages, in the order they failed
     */
    public List<String> failedChecks() {
        return List.copyOf(failedChecks);
    }

    /**
     * The JSON document: {@code jobs} (name, gridSeconds, loopSeconds, ratio, …), {@code bytesPerValue} (heap
     * bytes per stored value per copy), {@code loadMBps} (the grid's CSV load rate; both null when the linear
     * suite did not run), the settings, the machine, {@code details} (memory, bytes per pass, coefficient
     * errors, {@code notes}, and {@code iterativeFits}: whole fits with no loop counterpart), {@code scaling}
     * when the scaling suite ran (fit time on 1 … M members and against n) and the checks.
     *
     * @return the document, ready for Jackson: maps, lists, numbers and strings
     */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("jobs", jobs);
        doc.put("bytesPerValue", details.get("bytesPerValue"));
        doc.put("loadMBps", details.get("loadMBps"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rows", settings.rows());
        s.put("cols", settings.features());
        s.put("members", settings.members());
        s.put("blockSize", settings.blockSize());
        s.put("suite", settings.suite());
        doc.put("settings", s);
        if (!commands.isEmpty()) {
            doc.put("commands", commands);
        }
        if (scaling != null) {
            doc.put("scaling", scaling);
        }
        doc.put("machine", machine);
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("notes", notes);
        d.put("iterativeFits", fits);
        doc.put("details", d);
        doc.put("checksPassed", failedChecks.isEmpty());
        doc.put("failedChecks", failedChecks);
        return doc;
    }

    BenchmarkSettings settings() {
        return settings;
    }

    List<Map<String, Object>> jobs() {
        return jobs;
    }

    List<Map<String, Object>> commands() {
        return commands;
    }

    List<Map<String, Object>> fits() {
        return fits;
    }

    Map<String, Object> details() {
        return details;
    }

    /** The scaling suite's results, or null when it did not run. */
    Map<String, Object> scaling() {
        return scaling;
    }

    List<String> notes() {
        return notes;
    }
}
