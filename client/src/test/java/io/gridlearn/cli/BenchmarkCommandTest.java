package io.gridlearn.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gridlearn benchmark} as a user scripts it: the shape of its JSON document at a tiny size, and its
 * refusal of bad options. It checks structure and the correctness checks only, never speed: the figures of a
 * 20,000-row run on a shared machine mean nothing.
 */
class BenchmarkCommandTest {
    /** Fails on anything after the first document, so "exactly one JSON document" is checked. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> REQUIRED_JOBS = List.of("load", "fit-linear-cholesky", "fit-linear-qr",
            "predict-into", "logistic-newton-iteration", "kmeans-iteration");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasEveryJobWithPositiveTimesAndTheRatio() throws IOException {
        Run r = run("benchmark", "--rows", "20000", "--cols", "5", "--members", "1", "--json", "--temp-dir", tmp.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc;
        try {
            doc = JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("stdout is not exactly one JSON document: " + r.out() + "\nstderr: " + r.err(), e);
        }
        Set<String> names = new HashSet<>();
        for (JsonNode job : doc.get("jobs")) {
            String name = job.get("name").asText();
            names.add(name);
            double grid = job.get("gridSeconds").asDouble();
            double loop = job.get("loopSeconds").asDouble();
            assertTrue(grid > 0 && Double.isFinite(grid), name + " gridSeconds " + grid);
            assertTrue(loop > 0 && Double.isFinite(loop), name + " loopSeconds " + loop);
            assertEquals(loop / grid, job.get("ratio").asDouble(), 1e-12 * (loop / grid), name + " ratio");
        }
        assertTrue(names.containsAll(REQUIRED_JOBS), "jobs " + names + " lack some of " + REQUIRED_JOBS);
        double bytesPerValue = doc.get("bytesPerValue").asDouble();
        double loadMBps = doc.get("loadMBps").asDouble();
        assertTrue(bytesPerValue > 0 && Double.isFinite(bytesPerValue), "bytesPerValue " + bytesPerValue);
        assertTrue(loadMBps > 0 && Double.isFinite(loadMBps), "loadMBps " + loadMBps);
        assertTrue(doc.get("checksPassed").asBoolean(), "failed checks: " + doc.get("failedChecks"));
        assertEquals(20000, doc.get("settings").get("rows").asInt());
        assertEquals(1, doc.get("settings").get("members").asInt());
        assertTrue(r.err().contains("check predict-into"), "progress and checks go to standard error: " + r.err());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the temporary CSV directory is deleted");
        }
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        for (String[] bad : List.of(new String[] {"--rows", "0", "--rows"}, new String[] {"--cols", "-1", "--cols"},
                new String[] {"--members", "0", "--members"}, new String[] {"--suite", "fast", "--suite"},
                new String[] {"--rows", "many", "--rows"})) {
            Run r = run("benchmark", bad[0], bad[1], "--json");
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertTrue(r.err().contains(bad[2]), "the message names " + bad[2] + ": " + r.err());
            assertEquals("", r.out(), "nothing on standard output");
        }
    }

    @Test
    void helpShowsTheUsageAndTheJsonDocument() {
        Run r = run("benchmark", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("gridlearn benchmark [--rows N] [--cols D] [--members M] [--json]"), r.out());
        assertTrue(r.out().contains("\"gridSeconds\"") && r.out().contains("bytesPerValue"), r.out());
    }
}
