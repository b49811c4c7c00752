package io.gridlearn.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scaling suite's summary without a grid: the line through made-up timings, the table, the heap estimate. */
class ScalingSummaryTest {
    private static final BenchmarkSettings SETTINGS = BenchmarkSettings.of(1_000_000, 50, 3, 4096, null, "scaling",
            null, null);

    private static ScalingPoint point(int members, int rows, double fit, double loop) {
        return new ScalingPoint(members, rows, new Timing(fit, 2 * fit, 1.5 * fit), new Timing(fit / 2, fit, fit),
                new Timing(loop, 2 * loop, loop), 1e-14);
    }

    @Test
    void anExactlyLinearCurveHasRSquaredOneAndItsSlope() {
        List<Map<String, Object>> byRows = new ArrayList<>();
        for (int n : BenchmarkSettings.DEFAULT_SCALING_ROWS) {
            byRows.add(ScalingSummary.rowsEntry(point(3, n, 0.2 + 1.1e-6 * n, 0.7e-6 * n)));
        }
        Map<String, Object> doc = ScalingSummary.document(SETTINGS, List.of(), byRows, List.of(), new ArrayList<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> grid = (Map<String, Object>) ((Map<String, Object>) doc.get("linearFit")).get("gridSeconds");
        assertEquals(0.2, (double) grid.get("interceptSeconds"), 1e-9);
        assertEquals(1.1, (double) grid.get("secondsPerMillionRows"), 1e-9);
        assertEquals(1.0, (double) grid.get("r2"), 1e-12);
        assertEquals(16.0, (double) grid.get("rowsRatioLargestToSmallest"), 0);
        assertEquals((0.2 + 4.4) / (0.2 + 0.275), (double) grid.get("timeRatioLargestToSmallest"), 1e-9);
        assertEquals(1.1 + 0.2, (double) byRows.get(2).get("secondsPerMillionRows"), 1e-9);
    }

    @Test
    void theTablePrintsBothCurvesTheLineAndTheNotes() {
        List<Map<String, Object>> byMembers = new ArrayList<>();
        for (int m = 1; m <= 3; m++) {
            byMembers.add(ScalingSummary.memberEntry(point(m, 1_000_000, 1.0 / m, 0.6), byMembers));
        }
        assertEquals(3.0, (double) byMembers.get(2).get("gridSpeedupVsOneMember"), 1e-12);
        List<Map<String, Object>> byRows = List.of(ScalingSummary.rowsEntry(point(3, 250_000, 0.3, 0.2)),
                ScalingSummary.rowsEntry(point(3, 500_000, 0.5, 0.4)));
        Map<String, Object> doc = ScalingSummary.document(SETTINGS, byMembers, byRows, List.of(1_000_000),
                new ArrayList<>(List.of("curve stopped at 1,000,000 rows")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScalingTable.print(doc, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("3.00×"), table);
        assertTrue(table.contains("fit time against n on 3 members"), table);
        assertTrue(table.contains("  500,000"), table);
        assertTrue(table.contains("least squares gridSeconds"), table);
        assertTrue(table.contains("scaling note: curve stopped at 1,000,000 rows"), table);
    }

    @Test
    void theCurveSkipsWhatTheHeapCannotHold() {
        long gb = 1L << 30;
        String why = HeapCheck.scalingShortfall(4_000_000, 51, 3, 4 * gb);
        assertNotNull(why);
        assertTrue(why.contains("-Xmx7g"), why);
        assertNull(HeapCheck.scalingShortfall(4_000_000, 51, 3, 14 * gb));
        assertNull(HeapCheck.scalingShortfall(1_000_000, 51, 1, 2 * gb));
        assertTrue(HeapCheck.scalingShortfall(4_000_000, 600, 3, 1000 * gb).contains("one Java array"));
    }
}
