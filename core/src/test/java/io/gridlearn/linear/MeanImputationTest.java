package io.gridlearn.linear;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.eval.LocalScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --missing mean}: Boston housing with about 4% of its feature cells blanked (and a few set to
 * infinity). The oracle is the definition: a feature's fill value is the mean of its finite training values,
 * computed here in exact decimal arithmetic, and the fit must equal — bit for bit — the ordinary fit of the
 * table with those means written into the blank cells (itself checked against statsmodels elsewhere).
 */
class MeanImputationTest {
    private static final int BLOCK = 37;
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** Boston's rows as text fields; cell (i, j) of a feature is blanked when a fixed hash says so. */
    private static List<String[]> boston() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Oracles.resource("boston.csv"))) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static boolean holed(int row, int col) {
        return Math.floorMod(row * 7919 + col * 104_729, 25) == 0;
    }

    private Path write(String name, List<String[]> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            lines.add(String.join(",", r));
        }
        Path p = tmp.resolve(name);
        Files.write(p, lines);
        return p;
    }

    /** The holed table: blanks, "inf" and "-Infinity" in feature cells; the target (last column) intact. */
    private List<String[]> holedRows(List<String[]> rows) {
        List<String[]> out = new ArrayList<>();
        out.add(rows.get(0));
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i).clone();
            for (int j = 0; j < r.length - 1; j++) {
                if (holed(i, j)) {
                    r[j] = i % 11 == 0 ? "inf" : i % 13 == 0 ? "-Infinity" : "";
                }
            }
            out.add(r);
        }
        return out;
    }

    /** Exact means of each feature's finite values over the rows {@code train} accepts (row index from 0). */
    private static double[] exactMeans(List<String[]> holed, java.util.function.IntPredicate train) {
        int p = holed.get(0).length - 1;
        double[] means = new double[p];
        for (int j = 0; j < p; j++) {
            BigDecimal sum = BigDecimal.ZERO;
            long n = 0;
            for (int i = 1; i < holed.size(); i++) {
                String f = holed.get(i)[j];
                if (train.test(i - 1) && !f.isEmpty() && !f.toLowerCase().contains("inf")) {
                    sum = sum.add(new BigDecimal(Double.parseDouble(f)));
                    n++;
                }
            }
            means[j] = sum.divide(BigDecimal.valueOf(n), new MathContext(40)).doubleValue();
        }
        return means;
    }

    private static LinearOptions options(String algorithm, double lambda, String solver, RowGrouping g, String missing) {
        return new LinearOptions(algorithm, lambda, Double.NaN, false, true, solver, g, missing, 100_000, 1e-13, 0, "exact");
    }

    private ModelDocument fit(int members, Path csv, LinearOptions o) {
        HazelcastInstance[] grid = TestGrids.start(factory, members);
        CsvLoader.load(new DatasetCatalog(grid[0]), csv, "d", CsvOptions.defaults().withBlockSize(BLOCK), null);
        ModelDocument m = LinearTrainer.train(grid[0], new LinearJob("d", null, null, o));
        factory.terminateAll();
        return m;
    }

    @Test
    void theFitEqualsOlsOnTheTableWithExactMeansFilledInAndIsBitIdenticalOnOneAndThreeMembers() throws IOException {
        List<String[]> rows = boston();
        List<String[]> holed = holedRows(rows);
        double[] means = exactMeans(holed, i -> true);
        List<String[]> filled = new ArrayList<>();
        filled.add(holed.get(0));
        int blanks = 0;
        for (int i = 1; i < holed.size(); i++) {
            String[] r = holed.get(i).clone();
            for (int j = 0; j < r.length - 1; j++) {
                if (r[j].isEmpty() || r[j].toLowerCase().contains("inf")) {
                    r[j] = Double.toString(means[j]); // shortest repr: parses back to the same double
                    blanks++;
                }
            }
            filled.add(r);
        }
        assertTrue(blanks > 200, blanks + " cells blanked");
        Path holedCsv = write("holed.csv", holed);
        Path filledCsv = write("filled.csv", filled);

        for (String solver : List.of("qr", "cholesky")) {
            LinearOptions o = options("linear", Double.NaN, solver, RowGrouping.NONE, "mean");
            ModelDocument one = fit(1, holedCsv, o);
            ModelDocument three = fit(3, holedCsv, o);
            ModelDocument reference = fit(1, filledCsv, options("linear", Double.NaN, solver, RowGrouping.NONE, "error"));

            assertNotNull(one.imputation(), "the model records its imputation");
            assertEquals("mean", one.imputation().strategy());
            assertArrayEquals(means, one.imputation().values(), 0.0, "exact means of the finite values");
            assertArrayEquals(one.imputation().values(), three.imputation().values(), 0.0);
            assertArrayEquals(one.coefficients(), three.coefficients(), 0.0, solver + ": 1 vs 3 members");
            assertEquals(one.intercept(), three.intercept(), 0.0);
            assertArrayEquals(one.standardErrors(), three.standardErrors(), 0.0);
            assertArrayEquals(reference.coefficients(), one.coefficients(), 0.0, solver + ": = OLS on the filled table");
            assertEquals(reference.intercept(), one.intercept(), 0.0);
            assertArrayEquals(reference.standardErrors(), one.standardErrors(), 0.0);
            assertEquals(reference.metrics(), one.metrics(), "the metrics pass fills the same values");
            assertEquals((long) blanks, ((Number) one.summary().get("imputedValues")).longValue());
            assertEquals(506L, ((Number) one.provenance().get("rows")).longValue(), "no row was dropped");
        }
    }

    @Test
    void meansComeFromTheTrainingRowsOnlyAndPredictionsFillTheSameValuesLocallyAndInTheGrid() throws IOException {
        List<String[]> holed = holedRows(boston());
        Path holedCsv = write("holed.csv", holed);
        RowGrouping split = new RowGrouping(0.25, 0, 7);
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        CsvLoader.load(catalog, holedCsv, "d", CsvOptions.defaults().withBlockSize(BLOCK), null);
        ModelDocument m = LinearTrainer.train(grid[0], new LinearJob("d", null, null,
                options("ridge", 0.01, "qr", split, "mean")));
        double[] expected = exactMeans(holed, i -> split.group((long) i) != split.testGroup());
        assertArrayEquals(expected, m.imputation().values(), 0.0, "SimpleImputer.fit(X_train): test rows left out");
        assertTrue(!Arrays.equals(exactMeans(holed, i -> true), expected), "the split changes the means");

        // a model read back from its JSON predicts every row, filling blanks with the stored means
        ModelDocument back = ModelJson.read(ModelJson.write(m), "round trip");
        assertArrayEquals(m.imputation().values(), back.imputation().values(), 0.0);
        Path preds = tmp.resolve("preds.csv");
        long[] counts = LocalScoring.scoreCsv(back, holedCsv, preds);
        assertEquals(506, counts[0]);
        assertEquals(0, counts[1], "no row is left unscored");
        List<String> local = Files.readAllLines(preds);
        GridScoring.predictInto(grid[0], back, "d", "scored");
        var scored = catalog.blocks(catalog.get("scored"));
        for (int row = 0; row < 506; row++) {
            double inGrid = scored.get(row / BLOCK).get(row % BLOCK, 0);
            assertEquals(Double.parseDouble(local.get(row + 1)), inGrid, 0.0, "row " + row + ": local vs grid");
        }
        // evaluate on the whole dataset fills the same way: every row is scored
        assertEquals(506, GridScoring.evaluate(grid[0], back, "d").n());
    }

    @Test
    void aMissingTargetCannotBeImputedAndAFeatureWithoutValuesHasNoMean() throws IOException {
        List<String[]> rows = boston();
        List<String[]> noTarget = new ArrayList<>(rows.stream().map(String[]::clone).toList());
        int y = rows.get(0).length - 1;
        noTarget.get(10)[y] = "";
        noTarget.get(20)[y] = "NA";
        noTarget.get(30)[0] = "";
        Path a = write("no-target.csv", noTarget);
        BadInputException e = assertThrows(BadInputException.class,
                () -> fit(1, a, options("linear", Double.NaN, "qr", RowGrouping.NONE, "mean")));
        assertTrue(e.getMessage().contains("2 of 506 rows") && e.getMessage().contains("target 'medv'"), e.getMessage());
        BadInputException err = assertThrows(BadInputException.class,
                () -> fit(1, a, options("linear", Double.NaN, "qr", RowGrouping.NONE, "error")));
        assertTrue(err.getMessage().contains("3 of 506 rows"), "--missing error counts every affected row: " + err.getMessage());

        List<String[]> emptyColumn = new ArrayList<>(rows.stream().map(String[]::clone).toList());
        for (int i = 1; i < emptyColumn.size(); i++) {
            emptyColumn.get(i)[2] = "";
        }
        Path b = write("empty-column.csv", emptyColumn);
        BadInputException none = assertThrows(BadInputException.class,
                () -> fit(1, b, options("linear", Double.NaN, "qr", RowGrouping.NONE, "mean")));
        assertTrue(none.getMessage().contains("feature 'indus'"), none.getMessage());
    }

    @Test
    void optionsThatCannotHonourPerFoldMeansAreRefused() {
        BadInputException folds = assertThrows(BadInputException.class,
                () -> options("linear", Double.NaN, "qr", new RowGrouping(0, 5, 1), "mean"));
        assertTrue(((io.gridlearn.OptionException) folds).forCommandLine().contains("--folds"), folds.getMessage());
        assertTrue(folds.getMessage().startsWith("missing mean does not combine with folds"), folds.getMessage());
        BadInputException bad = assertThrows(BadInputException.class,
                () -> options("linear", Double.NaN, "qr", RowGrouping.NONE, "median"));
        assertTrue(bad.getMessage().contains("error, skip or mean"), bad.getMessage());
    }
}
