package io.gridlearn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one gridlearn command as a user runs it: a new process, timed from its start to its exit, so the time
 * holds the JVM's start, the client's connection and every cold-JIT cost a user pays. Launched through the
 * {@code gridlearn} script when the benchmark itself was (the script exports {@code GRIDLEARN_LAUNCHER}: its
 * class-data-sharing archive and compiler choices apply), otherwise as {@code java --add-modules
 * jdk.incubator.vector -cp <this class path> io.gridlearn.cli.Main}.
 */
final class CliProcess {
    private final List<String> launcher;
    private final List<String> global;
    private final Path dir;
    private int counter;

    /**
     * @param global the options before the command (--cluster, --cluster-name, --timeout)
     * @param dir    where each run's standard output and error are kept until it has ended
     */
    CliProcess(List<String> global, Path dir) {
        this.launcher = launcher();
        this.global = List.copyOf(global);
        this.dir = dir;
    }

    private static List<String> launcher() {
        String script = System.getenv("GRIDLEARN_LAUNCHER");
        if (script != null && Files.isExecutable(Path.of(script))) {
            return List.of(script);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "io.gridlearn.cli.Main");
    }

    /** How commands are started, for the report. */
    String describeLauncher() {
        return launcher.size() == 1 ? launcher.get(0) : "java -cp <class path> io.gridlearn.cli.Main";
    }

    /**
     * Runs {@code gridlearn <global options> args} and waits for it.
     *
     * @param args the command and its options
     * @return the wall seconds from start to exit
     * @throws IOException when it cannot start, or exits with a status other than 0 (its standard error is in
     *                     the message)
     */
    double run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(global);
        cmd.addAll(args);
        int n = ++counter;
        Path out = dir.resolve("command-" + n + ".out");
        Path err = dir.resolve("command-" + n + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("gridlearn " + String.join(" ", args) + ": no answer in 30 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try {
            if (p.exitValue() != 0) {
                String text = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new IOException("gridlearn " + String.join(" ", shortened(args)) + " exited with "
                        + p.exitValue() + ": " + text);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
        return seconds;
    }

    /** The arguments with a long feature list shortened, for messages. */
    static List<String> shortened(List<String> args) {
        List<String> s = new ArrayList<>();
        for (String a : args) {
            s.add(a.length() > 60 ? a.substring(0, 40) + "…" : a);
        }
        return s;
    }
}
