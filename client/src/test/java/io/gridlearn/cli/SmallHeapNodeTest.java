package io.gridlearn.cli;

import io.gridlearn.node.GridNode;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's memory test on a real node: one {@code gridlearn node} process with a 96 MB heap and
 * {@code -XX:+ExitOnOutOfMemoryError}, a small dataset in it, then a load of a CSV (120,000 × 50) that needs about
 * 51 MB of heap where the node has about half that to spare. The load is refused before a row is sent, in one line
 * on standard error with exit 2; the node stays up and the grid keeps its dataset, whole, and nothing else.
 */
@Tag("slow")
class SmallHeapNodeTest {
    private static final int PORT = 6521;
    private Process node;

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.destroyForcibly();
            node.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLoadTooBigForTheNodesHeapIsRefusedInOneLineAndTheGridKeepsItsData(@TempDir Path dir) throws Exception {
        String cluster = "small-heap-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = dir.resolve("node.log");
        List<String> jvm = new ArrayList<>(List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Dhazelcast.phone.home.enabled=false"));
        jvm.addAll(JavaProcesses.HAZELCAST_JVM_OPTIONS);
        node = new ProcessBuilder(JavaProcesses.java(GridNode.class, jvm, List.of("--port", String.valueOf(PORT),
                "--cluster-name", cluster, "--cp-members", "0"))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains("Members {size:1,")) {
            assertTrue(node.isAlive(), () -> "the node exited before it started: " + read(log));
            assertTrue(System.nanoTime() < deadline, () -> "the node did not start within 120 s: " + read(log));
            Thread.sleep(200);
        }
        String address = "127.0.0.1:" + PORT;
        Cli.Run kept = Cli.client(address, cluster, "load", Oracles.resource("boston.csv").toString(), "--name", "kept");
        assertEquals(0, kept.exit(), kept.err());

        Path big = dir.resolve("big.csv");
        writeCsv(big, 120_000, 50);
        Cli.Run r = Cli.client(address, cluster, "--timeout", "20", "load", big.toString(), "--name", "big");
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("gridlearn: big.csv will not fit in the members' heap: about ")
                && lines.get(0).endsWith("Nothing was loaded"), r.err());

        assertTrue(node.isAlive(), "the node is still up");
        Cli.Run datasets = Cli.client(address, cluster, "datasets", "--json");
        assertEquals(0, datasets.exit(), datasets.err());
        List<String> names = new ArrayList<>();
        datasets.json().path("datasets").forEach(d -> names.add(d.path("dataset").asText()));
        assertEquals(List.of("kept"), names, datasets.out());
        Cli.Run describe = Cli.client(address, cluster, "describe", "kept", "--json");
        assertEquals(0, describe.exit(), describe.err());
        assertEquals(506, describe.json().path("rows").asLong(), describe.out());
    }

    /** Short values ("0.5", "1.25") so that the file stays small while its values do not fit. */
    private static void writeCsv(Path file, int rows, int cols) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int j = 0; j < cols; j++) {
                w.write(j == 0 ? "c0" : ",c" + j);
            }
            w.newLine();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        w.write(',');
                    }
                    w.write(Integer.toString((i + j) % 7));
                    w.write(".25");
                }
                w.newLine();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
