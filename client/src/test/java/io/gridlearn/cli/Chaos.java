package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridlearn.node.GridNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos run of issue 15: four standalone grid nodes ({@link GridNode}, each its own JVM), the command line
 * ({@link Main}, a JVM per command) looping load, append, fit linear, fit logistic, fit k-means and predict,
 * while a second thread, every {@code interval} seconds (uniformly 0.5–1.5× that, from a fixed seed), picks a
 * node and either kills it (SIGKILL) or stops it (SIGTERM: a graceful leave), waits for the process to exit,
 * and starts it again with the same options until it has joined the four-member cluster.
 *
 * <p>What is checked ({@link Counts#violations}, empty on a good run):
 * <ul>
 *   <li>every fit that succeeds gives the model of the reference fit bit for bit: the model JSON without
 *       {@code version}, {@code createdAt} and the dataset's name and fingerprint (each cycle loads its own
 *       dataset), against the same command on the undisturbed grid before the first disruption;</li>
 *   <li>every command that fails prints exactly one line on standard error, other than the command's progress
 *       lines (an iterative fit's {@code NAME: iteration …}, a load's {@code FILE: …%}), and no stack trace;</li>
 *   <li>no command runs longer than {@code commandLimit} seconds (each is given {@code --timeout});</li>
 *   <li>model versions never go backwards: each successful fit's version is above the last one seen for that
 *       model, and at the end {@code model history} lists strictly increasing versions that include every
 *       version a fit reported.</li>
 * </ul>
 *
 * <p>{@code java -cp TEST_CLASSPATH io.gridlearn.cli.Chaos --minutes 60} runs it by hand
 * ({@code benchmarks/chaos.sh} builds the class path and does this); {@link ChaosTest} runs a short form.
 */
public final class Chaos {
    static final int NODES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small heaps, one GC thread and the quick compiler: five JVMs at a time share a small machine. */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dhazelcast.phone.home.enabled=false");
    private static final List<String> MODELS = List.of("chaos-linear", "chaos-logistic", "chaos-kmeans");

    /**
     * The run's settings.
     *
     * @param port          the first node's port; the others use the next three
     * @param seconds       how long disruptions go on (the client finishes its cycle after that)
     * @param interval      mean seconds between two disruptions (each restart is waited for first)
     * @param seed          seed of the disruption schedule (which node, kill or stop, when)
     * @param cpMembers     the nodes' {@code --cp-members} (0: the partitioned-map model store)
     * @param timeout       the commands' {@code --timeout} in seconds
     * @param commandLimit  seconds after which a command counts as hung and is killed
     * @param logs          where node and command logs go
     */
    record Settings(int port, int seconds, int interval, long seed, int cpMembers, int timeout, int commandLimit,
                    Path logs) {
    }

    /** What happened; {@link #violations} lists every broken promise, one line each. */
    static final class Counts {
        int cycles;
        int commands;
        int commandsFailed;
        int fits;
        int fitsEqual;
        int failedInOneLine;
        final AtomicInteger kills = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger restarts = new AtomicInteger();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        final List<String> failureLines = new ArrayList<>();

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "cycles %d, commands %d (failed %d), fits %d: equal %d, failed in one "
                            + "line %d; failed commands in one line %d of %d; kills %d, stops %d, restarts %d; "
                            + "violations %d", cycles, commands, commandsFailed, fits, fitsEqual,
                    failedFits, failedInOneLine, commandsFailed, kills.get(), stops.get(), restarts.get(),
                    violations.size());
        }

        int failedFits;
    }

    private final Settings settings;
    private final String cluster;
    private final String members;
    private final Process[] nodes = new Process[NODES];
    private final int[] starts = new int[NODES];
    private final Counts counts = new Counts();
    private final Map<String, String> reference = new HashMap<>();
    private final Map<String, Long> lastVersion = new HashMap<>();
    private final Map<String, List<Long>> reportedVersions = new HashMap<>();
    private Path bostonA;
    private Path bostonB;
    private int commandRuns;

    Chaos(Settings settings) {
        this.settings = settings;
        this.cluster = "chaos-" + Long.toHexString(System.nanoTime());
        List<String> m = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            m.add("127.0.0.1:" + (settings.port() + i));
        }
        this.members = String.join(",", m);
    }

    Counts counts() {
        return counts;
    }

    /**
     * Starts the nodes, runs the reference cycle, then cycles under disruption until the time is up, and checks
     * the model history. Nodes stay up until {@link #close()}.
     *
     * @param boston the Boston housing CSV (506 rows; split in two for load and append)
     * @return the counts
     * @throws Exception on a failure of the harness itself (a node that does not start, the reference failing)
     */
    Counts run(Path boston) throws Exception {
        setUp(Files.readAllLines(boston));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.seconds());
        Thread chaos = new Thread(() -> disrupt(end), "chaos");
        chaos.setDaemon(true);
        chaos.start();
        int c = 1;
        while (System.nanoTime() < end) {
            cycle(c++, false);
        }
        chaos.join(TimeUnit.SECONDS.toMillis(300));
        if (chaos.isAlive()) {
            counts.violations.add("the disruption thread did not end (a node did not restart)");
        } else {
            checkHistory();
        }
        return counts;
    }

    /**
     * Issue 15's "done when", on four nodes: after the reference cycle a dataset is loaded to keep, then nodes 0, 1
     * and 2 are killed (SIGKILL, never restarted) {@code interval} seconds apart while the client keeps cycling,
     * so that the grid goes from four members to one, one loss at a time, with fits running; one more cycle runs
     * on the last member. Every fit must still equal its reference or fail in one line; at the end the model
     * histories must hold every reported version, and the kept dataset must have all its rows or {@code describe}
     * must refuse it in one line.
     *
     * @param boston the Boston housing CSV
     * @return the counts
     * @throws Exception on a failure of the harness itself
     */
    Counts killDown(Path boston) throws Exception {
        List<String> lines = Files.readAllLines(boston);
        setUp(lines);
        if (!command(null, "load", boston.toString(), "--name", "kept-boston", "--block-size", "16")) {
            throw new IllegalStateException("the kept dataset could not be loaded on the undisturbed grid");
        }
        Thread killer = new Thread(() -> {
            try {
                for (int victim = 0; victim < NODES - 1; victim++) {
                    Thread.sleep(settings.interval() * 1000L);
                    Process p = nodes[victim];
                    log("SIGKILL node " + victim + " (pid " + p.pid() + "), not restarted");
                    p.destroyForcibly();
                    counts.kills.incrementAndGet();
                    if (!p.waitFor(60, TimeUnit.SECONDS)) {
                        counts.violations.add("node " + victim + " did not exit within 60 s of SIGKILL");
                    }
                }
            } catch (InterruptedException e) {
                counts.violations.add("the killer was interrupted");
            }
        }, "kill-down");
        killer.setDaemon(true);
        killer.start();
        int c = 1;
        while (killer.isAlive()) {
            cycle(c++, false);
        }
        log("one member left");
        cycle(c, false);
        checkHistory();
        Result kept = run(null, "describe", "kept-boston", "--json");
        if (kept.exit == 0) {
            long rows = JSON.readTree(kept.out).path("rows").asLong();
            log("kept-boston: " + rows + " rows on the last member");
            if (rows != lines.size() - 1) {
                counts.violations.add("kept-boston has " + rows + " rows, not " + (lines.size() - 1));
            }
        } else {
            log("kept-boston refused: " + kept.err.strip());
        }
        return counts;
    }

    /** Splits Boston for load and append, starts the four nodes, waits for them, and runs the reference cycle. */
    private void setUp(List<String> boston) throws Exception {
        Files.createDirectories(settings.logs());
        splitBoston(boston);
        for (int i = 0; i < NODES; i++) {
            start(i);
        }
        for (int i = 0; i < NODES; i++) {
            awaitJoined(i, 120);
        }
        log("reference cycle on the undisturbed grid");
        if (!cycle(0, true)) {
            throw new IllegalStateException("the reference cycle failed on the undisturbed grid: " + counts.violations);
        }
    }

    private void splitBoston(List<String> lines) throws IOException {
        bostonA = settings.logs().resolve("boston-a.csv");
        bostonB = settings.logs().resolve("boston-b.csv");
        Files.write(bostonA, lines.subList(0, 301));
        List<String> b = new ArrayList<>(List.of(lines.get(0)));
        b.addAll(lines.subList(301, lines.size()));
        Files.write(bostonB, b);
    }

    /** One cycle: load, append, three fits, predict, drop; returns whether every command succeeded. */
    private boolean cycle(int c, boolean isReference) throws Exception {
        String data = "c" + c + "-boston";
        String scored = "c" + c + "-scored";
        boolean ok = command(null, "load", bostonA.toString(), "--name", data, "--block-size", "16")
                && command(null, "append", bostonB.toString(), "--to", data);
        if (!ok) {
            // nothing to fit: the dataset is missing or partial; a failed load leaves none behind
            command(null, "drop", data);
            counts.cycles += isReference ? 0 : 1;
            return false;
        }
        ok &= fit(data, isReference, "chaos-linear", "fit", "linear", "--data", data, "--target", "medv",
                "--name", "chaos-linear", "--json");
        ok &= fit(data, isReference, "chaos-logistic", "fit", "logistic", "--data", data, "--target", "chas",
                "--lambda", "0.01", "--standardize", "--name", "chaos-logistic", "--json");
        ok &= fit(data, isReference, "chaos-kmeans", "fit", "kmeans", "--data", data, "--features",
                "crim,rm,lstat,medv", "--k", "3", "--name", "chaos-kmeans", "--json");
        ok &= command(null, "predict", "--model", "chaos-linear", "--data", data, "--into", scored, "--json");
        ok &= command(null, "drop", scored) & command(null, "drop", data);
        if (!isReference) {
            counts.cycles++;
        }
        log("cycle " + c + (isReference ? " (reference)" : "") + ": " + counts);
        return ok;
    }

    private boolean fit(String data, boolean isReference, String model, String... args) throws Exception {
        Result r = run(model, args);
        if (!isReference) {
            counts.fits++;
        }
        if (r.exit != 0) {
            if (!isReference && r.oneLine) {
                counts.failedFits++;
            }
            return false;
        }
        JsonNode json = JSON.readTree(r.out);
        long version = json.path("version").asLong();
        Long last = lastVersion.put(model, version);
        if (last != null && version <= last) {
            counts.violations.add(model + ": version " + version + " after version " + last);
        }
        reportedVersions.computeIfAbsent(model, k -> new ArrayList<>()).add(version);
        String got = comparable(json, data);
        if (isReference) {
            reference.put(model, got);
        } else if (got.equals(reference.get(model))) {
            counts.fitsEqual++;
        } else {
            counts.violations.add(model + " version " + version + " differs from the reference: " + got
                    + " against " + reference.get(model));
        }
        return true;
    }

    /** The model JSON without what must differ between two fits of two datasets with the same rows. */
    static String comparable(JsonNode model, String dataset) {
        ObjectNode copy = model.deepCopy();
        copy.remove("version");
        if (copy.path("provenance") instanceof ObjectNode p) {
            p.remove(List.of("createdAt", "dataset", "fingerprint"));
        }
        return copy.toString().replace(dataset, "DATASET");
    }

    private record Result(int exit, String out, String err, boolean oneLine) {
    }

    private boolean command(String progressLabel, String... args) throws Exception {
        return run(progressLabel, args).exit == 0;
    }

    /**
     * Runs one command line against the grid; a failure must print one line on standard error besides the
     * progress lines that start with {@code progressLabel + ": "} (an iterative fit's model name) or with the
     * loaded file's name.
     */
    private Result run(String progressLabel, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--cluster", members, "--cluster-name", cluster,
                "--timeout", String.valueOf(settings.timeout())));
        args.addAll(List.of(command));
        int n = ++commandRuns;
        Path out = settings.logs().resolve("cmd-" + n + "-" + command[0] + ".out");
        Path err = settings.logs().resolve("cmd-" + n + "-" + command[0] + ".err");
        Process p = new ProcessBuilder(JavaProcesses.java(Main.class, JVM, args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        counts.commands++;
        String what = "gridlearn " + String.join(" ", command);
        if (!p.waitFor(settings.commandLimit(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            counts.commandsFailed++;
            counts.violations.add(what + " hung: still running after " + settings.commandLimit() + " s");
            return new Result(-1, "", read(err), false);
        }
        String stderr = read(err);
        if (p.exitValue() == 0) {
            return new Result(0, read(out), stderr, true);
        }
        counts.commandsFailed++;
        List<String> report = stderr.lines().filter(l -> !isProgress(l, progressLabel, command)).toList();
        boolean oneLine = report.size() == 1;
        if (oneLine) {
            counts.failedInOneLine++;
            counts.failureLines.add(report.get(0));
        } else {
            counts.violations.add(what + " (exit " + p.exitValue() + ") printed " + report.size()
                    + " lines on standard error, not one:\n" + stderr);
        }
        log("failed (exit " + p.exitValue() + "): " + what + ": " + String.join(" | ", report));
        return new Result(p.exitValue(), read(out), stderr, oneLine);
    }

    private static boolean isProgress(String line, String label, String... command) {
        if (label != null && line.startsWith(label + ": ")) {
            return true;
        }
        // load and append: "FILE: 42% of 1.0 MB, 9 MB/s" when standard error is not a terminal
        return command.length > 1 && (command[0].equals("load") || command[0].equals("append"))
                && line.startsWith(Path.of(command[1]).getFileName() + ": ");
    }

    /** The disruption thread: until {@code end}, every ~interval s kill or stop a node, then restart it. */
    private void disrupt(long end) {
        Random rnd = new Random(settings.seed());
        try {
            while (true) {
                long pause = (long) (settings.interval() * 1000 * (0.5 + rnd.nextDouble()));
                int victim = rnd.nextInt(NODES);
                boolean kill = rnd.nextBoolean();
                Thread.sleep(pause);
                if (System.nanoTime() >= end) {
                    return;
                }
                Process p = nodes[victim];
                log((kill ? "SIGKILL" : "SIGTERM") + " node " + victim + " (pid " + p.pid() + ")");
                if (kill) {
                    p.destroyForcibly();
                    counts.kills.incrementAndGet();
                } else {
                    p.destroy();
                    counts.stops.incrementAndGet();
                }
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    counts.violations.add("node " + victim + " did not exit within 180 s of "
                            + (kill ? "SIGKILL" : "SIGTERM"));
                    p.destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
                start(victim);
                awaitJoined(victim, 120);
                counts.restarts.incrementAndGet();
                log("node " + victim + " rejoined");
            }
        } catch (Exception | AssertionError e) {
            counts.violations.add("disruption stopped: " + e);
        }
    }

    private void start(int i) throws IOException {
        List<String> jvm = new ArrayList<>(JVM);
        jvm.add("-XX:+ExitOnOutOfMemoryError");
        jvm.addAll(JavaProcesses.HAZELCAST_JVM_OPTIONS);
        List<String> args = List.of("--port", String.valueOf(settings.port() + i), "--members", members,
                "--cluster-name", cluster, "--cp-members", String.valueOf(settings.cpMembers()));
        starts[i]++;
        nodes[i] = new ProcessBuilder(JavaProcesses.java(GridNode.class, jvm, args)).redirectErrorStream(true)
                .redirectOutput(nodeLog(i).toFile()).start();
    }

    private Path nodeLog(int i) {
        return settings.logs().resolve("node-" + i + "-start-" + starts[i] + ".log");
    }

    /** Waits until node {@code i} logged that it runs in a cluster of all four nodes. */
    private void awaitJoined(int i, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!read(nodeLog(i)).contains("Members {size:" + NODES + ",")) {
            if (!nodes[i].isAlive()) {
                throw new IllegalStateException("node " + i + " exited (" + nodes[i].exitValue()
                        + ") before joining:\n" + tail(nodeLog(i)));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + i + " did not join within " + seconds + " s:\n"
                        + tail(nodeLog(i)));
            }
            Thread.sleep(200);
        }
    }

    /** {@code model history} of each model: strictly increasing versions, holding every version a fit reported. */
    private void checkHistory() throws Exception {
        for (String model : MODELS) {
            Result r = run(null, "model", "history", model, "--json");
            if (r.exit != 0) {
                counts.violations.add("model history " + model + " failed on the settled grid: " + r.err);
                continue;
            }
            List<Long> versions = new ArrayList<>();
            JSON.readTree(r.out).path("versions").forEach(v -> versions.add(v.path("version").asLong()));
            for (int k = 1; k < versions.size(); k++) {
                if (versions.get(k) <= versions.get(k - 1)) {
                    counts.violations.add(model + ": history goes backwards: " + versions);
                    break;
                }
            }
            List<Long> missing = new ArrayList<>(reportedVersions.getOrDefault(model, List.of()));
            missing.removeAll(versions);
            if (!missing.isEmpty()) {
                counts.violations.add(model + ": versions " + missing + " reported by fits are not in the history "
                        + versions);
            }
            log(model + ": history of " + versions.size() + " versions, last " + (versions.isEmpty() ? "none"
                    : versions.get(versions.size() - 1)));
        }
    }

    /** Kills every node this run started (SIGKILL) and waits for them. */
    void close() {
        for (Process p : nodes) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        for (Process p : nodes) {
            if (p != null) {
                try {
                    p.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void log(String s) {
        System.out.println("[chaos " + java.time.LocalTime.now().withNano(0) + "] " + s);
    }

    private static String tail(Path file) {
        String s = read(file);
        return s.length() <= 3000 ? s : "…" + s.substring(s.length() - 3000);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /**
     * {@code Chaos [--minutes N] [--interval S] [--seed S] [--port P] [--cp-members N] [--boston FILE]
     * [--logs DIR] [--scenario restarts|kill-down]}: runs the chaos loop ({@code restarts}, the default) or
     * {@link #killDown} ({@code --minutes} and {@code --seed} then unused) and prints the counts; exit status 1
     * when a promise was broken.
     *
     * @param args the options
     * @throws Exception when the harness fails
     */
    public static void main(String[] args) throws Exception {
        int minutes = 5;
        int interval = 20;
        long seed = 19;
        int port = 6601;
        int cp = 0;
        boolean killDown = false;
        Path boston = Path.of("core/src/test/resources/datasets/boston.csv");
        Path logs = Path.of("client/target/chaos-" + System.currentTimeMillis());
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--minutes" -> minutes = Integer.parseInt(v);
                case "--interval" -> interval = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--port" -> port = Integer.parseInt(v);
                case "--cp-members" -> cp = Integer.parseInt(v);
                case "--boston" -> boston = Path.of(v);
                case "--logs" -> logs = Path.of(v);
                case "--scenario" -> killDown = switch (v) {
                    case "kill-down" -> true;
                    case "restarts" -> false;
                    default -> throw new IllegalArgumentException("--scenario is restarts or kill-down, not " + v);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Chaos chaos = new Chaos(new Settings(port, minutes * 60, interval, seed, cp, 20, 180, logs));
        Runtime.getRuntime().addShutdownHook(new Thread(chaos::close));
        Counts counts;
        try {
            counts = killDown ? chaos.killDown(boston) : chaos.run(boston);
        } finally {
            chaos.close();
        }
        System.out.println("chaos: " + counts);
        Map<String, Integer> lines = new HashMap<>();
        counts.failureLines.forEach(l -> lines.merge(l.replaceAll("[0-9]+", "N"), 1, Integer::sum));
        lines.forEach((l, k) -> System.out.println("  " + k + "× " + l));
        counts.violations.forEach(v -> System.out.println("VIOLATION: " + v));
        System.out.println("logs in " + logs.toAbsolutePath());
        System.exit(counts.violations.isEmpty() ? 0 : 1);
    }
}
