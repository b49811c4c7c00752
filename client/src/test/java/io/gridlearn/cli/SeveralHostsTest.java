package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridlearn.node.GridNode;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several hosts on one machine: three grid nodes ({@link GridNode}, each its own JVM) in three Linux network
 * namespaces, bound to their namespace's address, and the {@code gridlearn} command line as a thin client in a
 * fourth. Load Boston, fit a linear model and k-means; load a larger synthetic set and fit k-means on it, then
 * fit it again and SIGKILL the first node while its thread dump shows it inside a Lloyd pass of that fit (the fit
 * not finished): the same model; then fit Boston's two models again: the same models, bit for bit (all but
 * {@code version} and {@code createdAt}), and the same {@code describe}.
 *
 * <p>Needs root (it makes namespaces, a bridge and veth pairs); skipped, with the reason, where namespaces
 * cannot be made by a non-root user or off Linux; as root on Linux a failed set-up fails the test. Everything is removed afterwards, also on failure. The nodes' and the client's logs are kept
 * in {@code client/target/several-hosts/}.
 */
@Tag("slow")
class SeveralHostsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 3;
    private static final int CLIENT_HOST = 4;
    private static final int PORT = 5701;
    private static final Pattern AUTHENTICATED =
            Pattern.compile("Authenticated with server \\[([0-9.]+)]:" + PORT + ".*local address: /([0-9.]+):");
    /** Small heaps and a single GC thread: four JVMs share a small machine with the test's own. */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dhazelcast.phone.home.enabled=false");

    private static NetNamespaces hosts;
    private static Path logs;
    private static final List<Process> nodes = new ArrayList<>();
    private static String clusterName;
    private static int cliRuns;

    @BeforeAll
    static void startThreeHosts() throws Exception {
        hosts = NetNamespaces.createOrSkip(CLIENT_HOST);
        try {
            clusterName = "hosts-" + Long.toHexString(System.nanoTime());
            logs = Files.createDirectories(Path.of("target", "several-hosts", clusterName));
            List<String> members = new ArrayList<>();
            for (int i = 1; i <= NODES; i++) {
                members.add(hosts.address(i) + ":" + PORT);
            }
            for (int i = 1; i <= NODES; i++) {
                List<String> jvm = new ArrayList<>(JVM);
                jvm.addAll(JavaProcesses.HAZELCAST_JVM_OPTIONS);
                List<String> args = List.of("--bind", hosts.address(i), "--port", String.valueOf(PORT),
                        "--members", String.join(",", members), "--cluster-name", clusterName);
                nodes.add(hosts.start(i, JavaProcesses.java(GridNode.class, jvm, args), nodeLog(i), null));
            }
            for (int i = 1; i <= NODES; i++) {
                awaitLog(i, "gridlearn node [" + hosts.address(i) + "]:" + PORT, 90);
                awaitLog(i, "Members {size:" + NODES + ",", 90);
            }
        } catch (Exception | Error e) {
            hosts.close();
            throw e;
        }
    }

    @AfterAll
    static void removeHosts() {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void threeHostsLoadFitLoseANodeAndFitTheSameModels() throws Exception {
        Path boston = Oracles.resource("boston.csv").toAbsolutePath();
        String[] linear = {"fit", "linear", "--data", "boston", "--target", "medv", "--name", "boston-ols", "--json"};
        String[] kmeans = {"fit", "kmeans", "--data", "boston", "--features", "crim,rm,lstat,medv", "--k", "3",
                "--name", "boston-km", "--json"};

        // each node listens on its namespace's address only, not on the namespace's loopback or any other
        for (int i = 1; i <= NODES; i++) {
            List<String> listening = hosts.run(i, List.of("ss", "-Htln")).lines().map(l -> l.trim().split("\\s+"))
                    .filter(f -> f.length > 3 && f[3].endsWith(":" + PORT)).map(f -> f[3]).toList();
            assertEquals(1, listening.size(), "node " + i + " listens on " + listening);
            assertTrue(listening.get(0).matches("(\\[::ffff:)?" + Pattern.quote(hosts.address(i)) + "]?:" + PORT),
                    "node " + i + " listens on " + listening);
        }

        // blocks of 16 rows: 32 blocks spread over the three hosts, one backup each
        Cli load = cli(true, "load", boston.toString(), "--name", "boston", "--block-size", "16");
        Cli describe = cli(true, "describe", "boston", "--json");
        Cli ols = cli(true, linear);
        Cli km = cli(true, kmeans);
        JsonNode olsBefore = JSON.readTree(ols.out);
        JsonNode kmBefore = JSON.readTree(km.out);
        assertTrue(relErr(olsBefore.path("intercept").asDouble(),
                Oracles.dataset("boston").path("ols").path("intercept").asDouble()) < 1e-10, ols.out);
        assertEquals(506, olsBefore.path("provenance").path("rows").asInt(), ols.out);
        assertTrue(kmBefore.path("summary").path("converged").asBoolean(), km.out);

        // the client in host 4 reached each member at the address it binds, from its own address (smart routing)
        Set<String> servers = new TreeSet<>();
        for (Cli c : List.of(load, describe, ols, km)) {
            Matcher m = AUTHENTICATED.matcher(c.err);
            while (m.find()) {
                assertEquals(hosts.address(CLIENT_HOST), m.group(2), "the client's local address");
                servers.add(m.group(1));
            }
        }
        assertEquals(new TreeSet<>(List.of(hosts.address(1), hosts.address(2), hosts.address(3))), servers,
                "the thin client connected to every member across the namespaces");

        // a k-means fit long enough to be caught in a pass: random rows, many iterations
        Path bigCsv = syntheticCsv(logs.resolve("big.csv"), 300_000, 8);
        cli(false, "load", bigCsv.toAbsolutePath().toString(), "--name", "big", "--block-size", "2000");
        String[] bigKm = {"fit", "kmeans", "--data", "big", "--k", "16", "--init", "random", "--seed", "5",
                "--max-iter", "400", "--name", "big-km", "--json"};
        JsonNode bigBefore = JSON.readTree(cli(false, bigKm).out);

        // SIGKILL (not a graceful shutdown) the node of host 1, the first address the client is given, while it
        // is inside a Lloyd pass of that fit (its thread dump shows KernelAggregator.accumulateBlock)
        Process killed = nodes.get(0);
        Started during = startCli(bigKm);
        boolean caught = false;
        int iterationsAtKill = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!caught && during.process().isAlive() && System.nanoTime() < deadline) {
            caught = threadDump(killed.pid()).contains("io.gridlearn.pass.KernelAggregator.accumulateBlock");
            if (caught) {
                killed.descendants().forEach(ProcessHandle::destroyForcibly);
                killed.destroyForcibly();
                assertTrue(during.process().isAlive() && read(during.out()).isEmpty(),
                        "the fit had finished when node 1 was killed");
                iterationsAtKill = (int) read(during.err()).lines().filter(l -> l.startsWith("big-km: iteration ")).count();
            }
        }
        assertTrue(caught, "node 1 was never seen inside a k-means pass (the fit "
                + (during.process().isAlive() ? "still runs" : "ended") + ")");
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS), "node 1 did not die");
        Cli bigAfter = finish(during, bigKm);
        assertEquals(comparable(bigBefore), comparable(JSON.readTree(bigAfter.out)),
                "k-means with node 1 killed in the middle of a pass");
        // the progress lines it had printed: the kill came after some iterations and before the last
        int total = bigBefore.path("summary").path("iteration").asInt();
        System.out.println("node 1 killed inside a k-means pass after " + iterationsAtKill + " of " + total + " iterations");
        assertTrue(iterationsAtKill < total, "killed after " + iterationsAtKill + " of " + total + " iterations");

        Cli describeAfter = cli(false, "describe", "boston", "--json");
        assertEquals(JSON.readTree(describe.out), JSON.readTree(describeAfter.out), "same rows and statistics");
        Cli olsAfter = cli(false, linear);
        Cli kmAfter = cli(false, kmeans);
        assertEquals(comparable(olsBefore), comparable(JSON.readTree(olsAfter.out)), "linear model after the loss");
        assertEquals(comparable(kmBefore), comparable(JSON.readTree(kmAfter.out)), "k-means model after the loss");
        assertEquals(olsBefore.path("version").asLong() + 1, JSON.readTree(olsAfter.out).path("version").asLong());

        for (int i = 2; i <= NODES; i++) {
            awaitLog(i, "Members {size:" + (NODES - 1) + ",", 30);
        }
    }

    /** The model JSON as text without the fields that must differ between two fits: version and createdAt. */
    private static String comparable(JsonNode model) {
        ObjectNode copy = model.deepCopy();
        copy.remove("version");
        ((ObjectNode) copy.path("provenance")).remove("createdAt");
        return copy.toString();
    }

    private record Cli(String out, String err) {
    }

    /** Runs the command line in host 4 against the three nodes; fails unless it exits 0 within a minute. */
    private static Cli cli(boolean verbose, String... command) throws IOException, InterruptedException {
        return finish(startCli(verbose, command), command);
    }

    /** A command line started in host 4, with the files its output goes to. */
    private record Started(Process process, Path out, Path err) {
    }

    private static Started startCli(String... command) throws IOException {
        return startCli(false, command);
    }

    private static Started startCli(boolean verbose, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of("--cluster",
                hosts.address(1) + ":" + PORT + "," + hosts.address(2) + ":" + PORT + "," + hosts.address(3) + ":" + PORT,
                "--cluster-name", clusterName));
        if (verbose) {
            args.add("--verbose"); // Hazelcast's log on standard error: which member the client authenticated with
        }
        args.addAll(List.of(command));
        int run = ++cliRuns;
        Path out = logs.resolve("cli-" + run + "-" + command[0] + ".out");
        Path err = logs.resolve("cli-" + run + "-" + command[0] + ".err");
        return new Started(hosts.start(CLIENT_HOST, JavaProcesses.java(Main.class, JVM, args), out, err), out, err);
    }

    /** Waits for a started command line; fails unless it exits 0 within a minute. */
    private static Cli finish(Started s, String... command) throws InterruptedException {
        Process p = s.process();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("gridlearn " + String.join(" ", command) + " did not finish within 60 s:\n" + read(s.err()) + nodeLogs());
        }
        String stderr = read(s.err());
        assertEquals(0, p.exitValue(), () -> "gridlearn " + String.join(" ", command) + " failed:\n" + stderr + nodeLogs());
        return new Cli(read(s.out()), stderr);
    }

    /** {@code jcmd PID Thread.print}: a node's thread dump (the JDK's own tool, next to this JVM's java). */
    private static String threadDump(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** A CSV of {@code rows} Gaussian rows in {@code p} columns x0.., from a fixed seed. */
    private static Path syntheticCsv(Path file, int rows, int p) throws IOException {
        java.util.Random rnd = new java.util.Random(2026);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < p; j++) {
            sb.append(j == 0 ? "" : ",").append("x").append(j);
        }
        sb.append('\n');
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p; j++) {
                sb.append(j == 0 ? "" : ",").append((float) (rnd.nextGaussian() + (r % 7) * 0.5 * (j % 3)));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    private static Path nodeLog(int i) {
        return logs.resolve("node-" + i + ".log");
    }

    /** Waits until node {@code i}'s log contains {@code text}; fails with the log if the node dies or time runs out. */
    private static void awaitLog(int i, String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!read(nodeLog(i)).contains(text)) {
            if (!nodes.get(i - 1).isAlive()) {
                fail("node " + i + " exited (" + nodes.get(i - 1).exitValue() + ") before logging '" + text + "':\n"
                        + tail(nodeLog(i)));
            }
            if (System.nanoTime() > deadline) {
                fail("node " + i + " did not log '" + text + "' within " + seconds + " s:\n" + tail(nodeLog(i)));
            }
            Thread.sleep(100);
        }
    }

    private static String nodeLogs() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= NODES; i++) {
            sb.append("\n--- node ").append(i).append(" (").append(nodeLog(i)).append(")\n").append(tail(nodeLog(i)));
        }
        return sb.toString();
    }

    private static String tail(Path file) {
        String s = read(file);
        return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
