package io.gridlearn.cli;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model files written by {@code fit --out} and {@code model export} carry a digest (and an hmac with a key);
 * {@code predict}, {@code evaluate} and {@code report} refuse a changed file with exit 2 and one line, and read
 * a file without a digest with one warning line. The model text itself is what {@code fit --json} prints (and the
 * golden models compare), unchanged byte for byte.
 */
class ModelFileDigestTest {
    private static final Pattern DIGEST = Pattern.compile(",\n  \"digest\" : \"([0-9a-f]{64})\"(,\n  \"hmac\" : \"([0-9a-f]{64})\")?\n}\n$");
    private static HazelcastInstance member;
    private static String cluster;
    private static String address;

    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void start() throws IOException {
        cluster = "digest-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(cluster, "127.0.0.1", 5951, true, List.of("127.0.0.1:5951"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        csv = Oracles.resource("boston.csv");
        Cli.Run load = Cli.client(address, cluster, "load", csv.toString(), "--name", "boston");
        assertEquals(0, load.exit(), load.err());
    }

    @AfterAll
    static void stop() {
        member.getLifecycleService().terminate();
    }

    private static Cli.Run run(String... args) {
        return Cli.client(address, cluster, args);
    }

    @Test
    void fitOutWritesThePrintedModelWithADigestAndPredictReadsItSilently() throws IOException {
        Path f = dir.resolve("ols.json");
        Cli.Run fit = run("fit", "linear", "--data", "boston", "--target", "medv", "--name", "ols", "--out", f.toString(), "--json");
        assertEquals(0, fit.exit(), fit.err());
        String file = Files.readString(f);
        Matcher m = DIGEST.matcher(file);
        assertTrue(m.find(), file.substring(Math.max(0, file.length() - 200)));
        assertEquals(null, m.group(2), "no key, no hmac");
        assertEquals(fit.out(), file.substring(0, m.start()) + "\n}\n", "the model text is the printed one, byte for byte");

        Cli.Run export = run("model", "export", "ols", dir.resolve("exported.json").toString());
        assertEquals(0, export.exit(), export.err());
        assertEquals(file, Files.readString(dir.resolve("exported.json")), "export writes the same file");

        Cli.Run predict = run("predict", "--model-file", f.toString(), "--csv", csv.toString(), "--out",
                dir.resolve("p.csv").toString());
        assertEquals(0, predict.exit(), predict.err());
        assertEquals("", predict.err());
    }

    @Test
    void aHandEditedModelIsRefusedInOneLineByPredictEvaluateAndReport() throws IOException {
        Path f = dir.resolve("edited.json");
        assertEquals(0, run("fit", "linear", "--data", "boston", "--target", "medv", "--name", "edited", "--out",
                f.toString()).exit());
        String text = Files.readString(f);
        String edited = text.replaceFirst("(\"intercept\" : )(-?)3", "$1$24");
        assertFalse(edited.equals(text), "the intercept was edited");
        Files.writeString(f, edited);
        String expected = "gridlearn: " + f + ": the model's digest does not match its content: the file was corrupted"
                + " or edited after gridlearn wrote it; export or write the model again\n";
        for (Cli.Run r : List.of(
                run("predict", "--model-file", f.toString(), "--csv", csv.toString(), "--out", dir.resolve("q.csv").toString()),
                run("evaluate", "--model-file", f.toString(), "--data", "boston"),
                run("report", "--model-file", f.toString(), "--out", dir.resolve("r.html").toString()))) {
            assertEquals(2, r.exit(), r.err());
            assertEquals(expected, r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(dir.resolve("q.csv")));
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    @Test
    void aFileWithoutADigestIsReadWithOneWarningLine() throws IOException {
        Path f = dir.resolve("old.json");
        assertEquals(0, run("fit", "linear", "--data", "boston", "--target", "medv", "--name", "old", "--out",
                f.toString()).exit());
        String file = Files.readString(f);
        Matcher m = DIGEST.matcher(file);
        assertTrue(m.find());
        Files.writeString(f, file.substring(0, m.start()) + "\n}\n"); // as gridlearn wrote files before digests
        Cli.Run r = run("evaluate", "--model-file", f.toString(), "--data", "boston", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("gridlearn: warning: " + f + " has no digest (written before gridlearn signed model files?): read"
                + " without an integrity check; export or write it again to add one\n", r.err());
        assertEquals("old", r.json().get("model").asText());
    }

    @Test
    void withAKeyFileModelsAreSignedAndCheckedWithIt() throws IOException {
        Path key = dir.resolve("model.key");
        Files.writeString(key, "correct horse battery staple\n");
        Path other = dir.resolve("other.key");
        Files.writeString(other, "another key");
        Path f = dir.resolve("signed.json");
        Cli.Run fit = run("fit", "linear", "--data", "boston", "--target", "medv", "--name", "signed", "--out",
                f.toString(), "--model-key-file", key.toString());
        assertEquals(0, fit.exit(), fit.err());
        Matcher m = DIGEST.matcher(Files.readString(f));
        assertTrue(m.find());
        assertTrue(m.group(3) != null, "an hmac with a key");

        String[] predict = {"predict", "--model-file", f.toString(), "--csv", csv.toString(), "--out",
                dir.resolve("s.csv").toString()};
        Cli.Run ok = run(concat(predict, "--model-key-file", key.toString()));
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("", ok.err());
        Cli.Run wrong = run(concat(predict, "--model-key-file", other.toString()));
        assertEquals(2, wrong.exit());
        assertEquals("gridlearn: " + f + ": the model's hmac does not match: it was signed with another key, or changed"
                + " after it was signed\n", wrong.err());
        Cli.Run noKey = run(predict);
        assertEquals(0, noKey.exit(), "without a key the digest is checked: " + noKey.err());

        Path unsigned = dir.resolve("unsigned.json");
        assertEquals(0, run("model", "export", "signed", unsigned.toString()).exit());
        Cli.Run refused = run("predict", "--model-file", unsigned.toString(), "--csv", csv.toString(), "--out",
                dir.resolve("u.csv").toString(), "--model-key-file", key.toString());
        assertEquals(2, refused.exit());
        assertEquals("gridlearn: " + unsigned + ": the model has no hmac, but a model key is set (GRIDLEARN_MODEL_KEY"
                + " or --model-key-file): refusing an unsigned model; write it with the key\n", refused.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
