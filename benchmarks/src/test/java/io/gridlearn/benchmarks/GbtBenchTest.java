package io.gridlearn.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code gbt} job end to end on a small size (no time is asserted): both sides fit, the report has every
 * field, both models learn the synthetic target (log loss well below a constant predictor's), and the traffic per
 * level is whole histograms, the root's one.
 */
class GbtBenchTest {
    @Test
    void smallRunReportsBothSidesTimesLossesAndTrafficPerLevel() throws Exception {
        GbtBench.Settings s = GbtBench.Settings.parse(List.of("--rows", "6000", "--test-rows", "2000", "--trees", "5",
                "--repeats", "1"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, Object> r = GbtBench.run(s, new PrintStream(log, true, StandardCharsets.UTF_8));
        for (String k : List.of("loadAverageAtStart", "xgboost4j", "rows", "testRows", "xgboostSeconds",
                "gridlearnSeconds", "xgboostMedianSeconds", "gridlearnMedianSeconds", "ratio", "xgboostTrainLogLoss",
                "gridlearnTrainLogLoss", "xgboostTestLogLoss", "gridlearnTestLogLoss", "trafficPerLevel")) {
            assertTrue(r.containsKey(k), "report has " + k + ": " + r.keySet());
        }
        assertEquals(6000, r.get("rows"));
        assertTrue((Double) r.get("ratio") > 0);
        double share = (Double) r.get("positiveShare");
        double constant = -(share * Math.log(share) + (1 - share) * Math.log(1 - share));
        for (String k : List.of("xgboostTrainLogLoss", "gridlearnTrainLogLoss", "xgboostTestLogLoss",
                "gridlearnTestLogLoss")) {
            double v = (Double) r.get(k);
            assertTrue(v > 0 && v < constant - 0.02, k + " " + v + " against the constant predictor's " + constant);
        }
        // the same settings on both sides: after 5 trees the two are close on the training rows
        assertEquals((Double) r.get("xgboostTrainLogLoss"), (Double) r.get("gridlearnTrainLogLoss"), 0.01);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) r.get("trafficPerLevel");
        assertTrue(levels.size() >= 2 && levels.size() <= 6, "one pass per level with a node to split: " + levels);
        assertEquals(1L, levels.get(0).get("histogramsBuilt"));
        long perNode = (Long) levels.get(0).get("histogramBytes");
        for (Map<String, Object> l : levels) {
            long built = (Long) l.get("histogramsBuilt");
            assertEquals(built * perNode, (long) (Long) l.get("histogramBytes"), "whole histograms: " + l);
            assertTrue((Long) l.get("resultBytes") > (Long) l.get("histogramBytes"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GbtBench.print(r, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("ratio: ") && text.contains("gridlearnTestLogLoss: ")
                && text.contains("trafficPerLevel:"), text);
    }

    @Test
    void rowsAreAFunctionOfTheirIdAndTheSeedOnly() {
        float[] x = new float[10 * GbtBench.FEATURES];
        float[] y = new float[10];
        GbtBench.rows(0, 10, 7, x, y);
        float[] x2 = new float[3 * GbtBench.FEATURES];
        float[] y2 = new float[3];
        GbtBench.rows(5, 3, 7, x2, y2);
        float[] want = java.util.Arrays.copyOfRange(x, 5 * GbtBench.FEATURES, 8 * GbtBench.FEATURES);
        assertArrayEquals(want, x2);
        assertArrayEquals(java.util.Arrays.copyOfRange(y, 5, 8), y2);
    }

    @Test
    void badOptionsAreRefusedWithAClearMessage() {
        assertThrows(io.gridlearn.BadInputException.class, () -> GbtBench.Settings.parse(List.of("--rowz", "5")));
        assertThrows(io.gridlearn.BadInputException.class, () -> GbtBench.Settings.parse(List.of("--rows")));
        assertThrows(io.gridlearn.BadInputException.class, () -> GbtBench.Settings.parse(List.of("--rows", "x")));
    }
}
