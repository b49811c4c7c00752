package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NIST StRD through the whole grid path (blocks of 8 rows on 1 and 3 members, the QR solver with its
 * refinement pass): per dataset, the minimum LRE over every estimate, standard deviation, the residual SD and
 * R² is at least what docs/accuracy.md's table states (read from docs/accuracy.md itself, so the claim and the test cannot
 * drift apart; the table gives one decimal, so the measured LRE must round to at least the stated figure), and
 * the fit has as many parameters as the certified model.
 */
class NistGridTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void qrSolverReachesTheReadmeDigitsOnEveryDatasetOnAnyClusterSize() throws IOException {
        JsonNode sets = SolverTestData.json("nist/certified.json").get("datasets");
        List<String> names = new ArrayList<>();
        sets.fieldNames().forEachRemaining(names::add);
        Map<String, Double> claimed = readmeTable(names);
        int checked = 0;
        List<String> short_ = new ArrayList<>();
        StringBuilder table = new StringBuilder("NIST StRD via the grid (qr): min LRE est / sd / residual sd / R²\n");
        for (Iterator<String> it = sets.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode ds = sets.get(name);
            NistStrdTest.Design d = NistStrdTest.design(name, ds.get("model"));
            ModelDocument one = fit(1, d);
            ModelDocument three = fit(3, d);
            assertArrayEquals(one.coefficients(), three.coefficients(), 0.0, name + ": 1 vs 3 members");
            int parameters = three.coefficients().length + (d.intercept() ? 1 : 0);
            assertEquals(ds.get("certified").get("parameters").size(), parameters, name + ": parameter count");
            assertEquals(three.coefficients().length, three.standardErrors().length, name + ": one SE per coefficient");
            NistStrdTest.Lre lre = score(three, ds.get("certified"), d.intercept());
            table.append(String.format("%-9s %s  %s, scaled condition %.3g%n", name, lre, three.summary().get("solver"),
                    ((Number) three.summary().get("scaledConditionNumber")).doubleValue()));
            assertTrue(claimed.containsKey(name), name + " is not in docs/accuracy.md's NIST table " + claimed);
            double need = claimed.get(name);
            assertTrue(need >= 9, "docs/accuracy.md states at least 9 digits everywhere: " + name + " " + need);
            if (lre.min() < need - 0.05) {
                short_.add(name + ": LRE est/sd/residual sd/R² " + lre + " (min " + lre.min() + "), docs/accuracy.md states "
                        + need);
            }
            checked++;
        }
        System.out.print(table);
        assertEquals(claimed.size(), checked, "every dataset of docs/accuracy.md's NIST table was fitted");
        assertTrue(short_.isEmpty(), String.join("\n", short_));
    }

    /**
     * The per-dataset minimum LREs docs/accuracy.md claims for this test: the table whose header row names the NIST
     * datasets, in docs/accuracy.md (the tests run in the module folder).
     */
    static Map<String, Double> readmeTable(Iterable<String> datasets) throws IOException {
        Path readme = Path.of("..", "docs", "accuracy.md");
        if (!Files.exists(readme)) {
            readme = Path.of("docs", "accuracy.md");
        }
        List<String> lines = Files.readAllLines(readme);
        for (int i = 0; i + 2 < lines.size(); i++) {
            List<String> header = cells(lines.get(i));
            boolean all = !header.isEmpty();
            for (String name : datasets) {
                all &= header.contains(name);
            }
            if (all && lines.get(i + 1).trim().startsWith("| ---")) {
                List<String> values = cells(lines.get(i + 2));
                assertEquals(header.size(), values.size(), "docs/accuracy.md NIST table row: " + lines.get(i + 2));
                Map<String, Double> out = new LinkedHashMap<>();
                for (int j = 0; j < header.size(); j++) {
                    out.put(header.get(j), Double.parseDouble(values.get(j)));
                }
                return out;
            }
        }
        throw new AssertionError("no NIST LRE table in " + readme.toAbsolutePath());
    }

    private static List<String> cells(String line) {
        String t = line.trim();
        if (!t.startsWith("|") || !t.endsWith("|")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : t.substring(1, t.length() - 1).split("\\|")) {
            out.add(c.trim());
        }
        return out;
    }

    private ModelDocument fit(int members, NistStrdTest.Design d) {
        HazelcastInstance[] grid = TestGrids.start(factory, members);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        int n = d.y().length;
        int cols = d.x().length + 1;
        int blockSize = 8;
        BlockWriter w = catalog.newWriter("nist", blockSize);
        for (int b = 0; b * blockSize < n; b++) {
            int rows = Math.min(blockSize, n - b * blockSize);
            double[] v = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols - 1; j++) {
                    v[j * rows + r] = d.x()[j][b * blockSize + r];
                }
                v[(cols - 1) * rows + r] = d.y()[b * blockSize + r];
            }
            w.write(new RowBlock(b, rows, cols, v));
        }
        List<ColumnSpec> specs = new ArrayList<>();
        for (String c : d.names()) {
            specs.add(new ColumnSpec(c, ColumnKind.NUMERIC, List.of()));
        }
        specs.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
        w.publish(specs, "nist");
        LinearOptions o = new LinearOptions("linear", Double.NaN, Double.NaN, false, d.intercept(), "qr",
                RowGrouping.NONE, "error", 1, 1e-12, 0, "exact");
        ModelDocument m = LinearTrainer.train(grid[0], new LinearJob("nist", "y", null, o));
        factory.terminateAll();
        return m;
    }

    private static NistStrdTest.Lre score(ModelDocument m, JsonNode cert, boolean intercept) {
        List<Double> est = new ArrayList<>();
        List<Double> sd = new ArrayList<>();
        if (intercept) {
            est.add(m.intercept());
            sd.add(m.interceptStandardError());
        }
        for (int j = 0; j < m.coefficients().length; j++) {
            est.add(m.coefficients()[j]);
            sd.add(m.standardErrors()[j]);
        }
        double minEst = 15;
        double minSd = 15;
        for (int j = 0; j < est.size(); j++) {
            minEst = Math.min(minEst, NistStrdTest.lre(est.get(j), cert.get("parameters").get(j).get("estimate").asText()));
            minSd = Math.min(minSd, NistStrdTest.lre(sd.get(j), cert.get("parameters").get(j).get("std_dev").asText()));
        }
        double residSd = ((Number) m.summary().get("residualStandardError")).doubleValue();
        double r2 = ((Number) m.summary().get("rSquared")).doubleValue();
        return new NistStrdTest.Lre(minEst, minSd, NistStrdTest.lre(residSd, cert.get("residual_std_dev").asText()),
                NistStrdTest.lre(r2, cert.get("r_squared").asText()));
    }
}
