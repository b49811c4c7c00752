package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gridlearn example} (the README's first command) on {@code examples/data/boston.csv}: the table it
 * prints equals, to the printed digits, what {@code gridlearn fit linear} reports for the same data, blocks,
 * split and seed — the exact fit and the per-block average ({@code --method average}) — on another grid size.
 */
class ExampleCommandTest {
    private static final Path BOSTON = Path.of("..", "examples", "data", "boston.csv").toAbsolutePath().normalize();

    private static JsonNode fit(String... extra) {
        String[] base = {"--members", "2", "fit", "linear", "--csv", BOSTON.toString(), "--target", "medv",
                "--block-size", "64", "--test-fraction", "0.2", "--seed", "42", "--json"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        Cli.Run r = Cli.run(all);
        assertEquals(0, r.exit(), r.err());
        return r.json();
    }

    @Test
    void theBostonTableIsTheFitCommandsNumbers() {
        assertTrue(Files.isRegularFile(BOSTON), BOSTON.toString());
        Cli.Run example = Cli.run("--members", "1", "example", "--csv", BOSTON.toString());
        assertEquals(0, example.exit(), example.err());
        String out = example.out();
        assertTrue(out.startsWith("Boston housing, 1 members, blocks of 64 rows, 80/20 split (seed 42)"), out);

        JsonNode exact = fit();
        JsonNode averaged = fit("--method", "average");
        assertEquals(row("exact least squares (one pass)", exact), line(out, "exact least squares (one pass)"), out);
        assertEquals(row("per-block fits, averaged (seed's)", averaged), line(out, "per-block fits, averaged (seed's)"), out);
        Matcher m = Pattern.compile("exact intercept (\\S+), averaged intercept (\\S+) \\((\\d+) blocks averaged; (\\d+) blocks")
                .matcher(out);
        assertTrue(m.find(), out);
        assertEquals(String.format(Locale.ROOT, "%.6f", exact.path("intercept").asDouble()), m.group(1));
        assertEquals(String.format(Locale.ROOT, "%.6f", averaged.path("intercept").asDouble()), m.group(2));
        assertEquals(averaged.path("summary").path("blocksAveraged").asText(), m.group(3));
        assertEquals(averaged.path("summary").path("blocksSkipped").asText(), m.group(4));
        // the exact fit is better on the held-out rows than the average of per-block fits
        assertTrue(exact.path("metrics").path("test").path("mse").asDouble()
                < averaged.path("metrics").path("test").path("mse").asDouble(), out);
    }

    private static String row(String label, JsonNode model) {
        return String.format("%-34s %12.4f %12.4f", label, model.path("metrics").path("train").path("mse").asDouble(),
                model.path("metrics").path("test").path("mse").asDouble());
    }

    private static String line(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow(() -> new AssertionError(out));
    }
}
