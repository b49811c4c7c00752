package io.gridlearn.glm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridlearn.cli.Cli;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gridlearn fit glm} end to end: help, a Poisson fit on randhie against statsmodels, bad input, predict. */
class GlmCliTest {
    @TempDir
    Path tmp;

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-8 * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void fitHelpListsGlmAndItsOptions() {
        Cli.Run r = Cli.run("fit", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  glm: generalized linear models"), r.out());
        for (String flag : List.of("--family=NAME", "--link=NAME", "--variance-power=P", "--link-power=Q",
                "--nb-alpha=A", "--offset=COL", "--weights=COL")) {
            assertTrue(r.out().contains(flag), flag + " in " + r.out());
        }
    }

    @Test
    void poissonOnRandhieAsStatsmodelsThenPredict() throws Exception {
        String randhie = Oracles.resource("randhie.csv").toString();
        Path model = tmp.resolve("glm.json");
        Cli.Run r = Cli.run("--members", "1", "fit", "glm", "--csv", randhie, "--family", "poisson", "--out",
                model.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode m = r.json();
        JsonNode o = new ObjectMapper().readTree(Oracles.resource("oracles-glm-public.json").toFile())
                .path("datasets").path("randhie");
        assertEquals("glm", m.path("algorithm").asText());
        assertEquals("mdvis", m.path("target").asText());
        assertEquals("poisson", m.path("family").asText());
        assertEquals("log", m.path("link").asText());
        assertEquals(1.0, m.path("dispersion").asDouble());
        close(o.path("params").get(0).asDouble(), m.path("intercept").asDouble(), "intercept");
        close(o.path("bse").get(0).asDouble(), m.path("interceptStandardError").asDouble(), "se(intercept)");
        for (int j = 1; j < o.path("params").size(); j++) {
            assertEquals(o.path("features").get(j - 1).asText(), m.path("features").get(j - 1).asText());
            close(o.path("params").get(j).asDouble(), m.path("coefficients").get(j - 1).asDouble(), "coef " + j);
            close(o.path("bse").get(j).asDouble(), m.path("standardErrors").get(j - 1).asDouble(), "se " + j);
        }
        close(o.path("deviance").asDouble(), m.path("summary").path("deviance").asDouble(), "deviance");
        close(o.path("llf").asDouble(), m.path("summary").path("logLikelihood").asDouble(), "llf");
        close(o.path("aic").asDouble(), m.path("summary").path("aic").asDouble(), "aic");
        assertEquals("poisson", m.path("provenance").path("options").path("family").asText());

        Path out = tmp.resolve("pred.csv");
        r = Cli.run("predict", "--model-file", model.toString(), "--csv", randhie, "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(20191, lines.size());
        String[] first = Files.readAllLines(Path.of(randhie)).get(1).split(",");
        double eta = m.path("intercept").asDouble();
        for (int j = 0; j < 9; j++) {
            eta += m.path("coefficients").get(j).asDouble() * Double.parseDouble(first[j]);
        }
        double predicted = Double.parseDouble(lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1));
        assertEquals(Math.exp(eta), predicted, 1e-12 * Math.exp(eta), "the mean response");

        r = Cli.run("--members", "1", "fit", "glm", "--csv", randhie, "--family", "poisson");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("glm") && r.out().contains("lncoins"), r.out());
    }

    @Test
    void badInputExitsTwoNamingRowAndColumn() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Oracles.resource("randhie.csv")));
        String row = lines.get(101);
        lines.set(101, row.substring(0, row.lastIndexOf(',') + 1) + "-3");
        Path bad = tmp.resolve("bad.csv");
        Files.write(bad, lines);
        Cli.Run r = Cli.run("--members", "1", "fit", "glm", "--csv", bad.toString(), "--family", "poisson");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("row 100, column 'mdvis'") && r.err().contains("non-negative count"), r.err());

        r = Cli.run("--members", "1", "fit", "glm", "--csv", bad.toString(), "--family", "poisson",
                "--variance-power", "2");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--variance-power is for the tweedie family only"), r.err());
        r = Cli.run("--members", "1", "fit", "glm", "--csv", bad.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--family"), r.err());
    }
}
