package io.gridlearn.logistic;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.pass.Missing;
import io.gridlearn.testing.WeightsData;
import io.gridlearn.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binary logistic and softmax regression with frequency weights: statsmodels' Logit and scikit-learn's
 * LogisticRegression on the rows repeated wᵢ times ({@code oracles/weights_logistic_oracles.json}, written by
 * {@code oracles/make_weights_logistic_oracles.py}), the fit of the physically repeated rows, zero weights as
 * removed rows (bit for bit), and bad weights refused.
 */
class WeightedLogisticTest {
    private static final int BLOCK = 50;

    @TempDir
    Path tmp;

    private static List<String> names(Path csv) {
        return WeightsData.names(csv);
    }

    private static int[] columns(List<String> all, List<String> features) {
        return features.stream().mapToInt(all::indexOf).toArray();
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static void close(double expected, double actual, double rel, String what) {
        double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        assertTrue(err <= rel, what + ": expected " + expected + ", got " + actual + " (relative error " + err + ")");
    }

    /** Fits with the weight column (−1 for none) over {@code csv}'s blocks. */
    private static ModelDocument fit(Path csv, List<String> features, LogisticOptions o, boolean softmax,
                                     boolean weighted) {
        List<String> all = names(csv);
        List<RowBlock> blocks = WeightsData.blocks(csv, BLOCK);
        return fit(blocks, all, features, o, softmax, weighted ? all.indexOf("w") : -1);
    }

    private static ModelDocument fit(List<RowBlock> blocks, List<String> all, List<String> features,
                                     LogisticOptions o, boolean softmax, int w) {
        LocalPassRunner runner = new LocalPassRunner(blocks, BLOCK);
        int target = all.indexOf("target");
        return softmax
                ? SoftmaxTrainer.fit(runner, columns(all, features), target, features, "target", o, w,
                        w < 0 ? null : "w", null, null)
                : LogisticTrainer.fit(runner, columns(all, features), target, features, "target", o, w,
                        w < 0 ? null : "w", null, null);
    }

    /** The model's JSON without what only a weighted fit records: Σw and the weight column's name. */
    private static String withoutWeightRecords(ModelDocument m) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(ModelJson.write(m));
            tree.remove("weights");
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("summary")).remove("weightSum");
            return tree.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void unpenalisedLogitMatchesStatsmodelsOnTheRepeatedRows() {
        JsonNode o = WeightsData.logisticOracle("breast_cancer_logit_mean10");
        List<String> f = strings(o.get("features"));
        for (boolean standardize : new boolean[] {false, true}) {
            LogisticOptions opt = LogisticOptions.defaults().withStandardize(standardize).withPenalty(0, 0);
            ModelDocument m = fit(WeightsData.breastCancer(), f, opt, false, true);
            String how = standardize ? " (standardized by the weighted moments)" : "";
            close(o.get("intercept").asDouble(), m.intercept(), 1e-9, "intercept" + how);
            close(o.get("intercept_se").asDouble(), m.interceptStandardError(), 1e-9, "intercept se" + how);
            double[] coef = doubles(o.get("coef"));
            double[] se = doubles(o.get("std_err"));
            for (int j = 0; j < coef.length; j++) {
                close(coef[j], m.coefficients()[j], 1e-9, "coef " + f.get(j) + how);
                close(se[j], m.standardErrors()[j], 1e-9, "se " + f.get(j) + how);
            }
            close(o.get("llf").asDouble(), ((Number) m.summary().get("logLikelihood")).doubleValue(), 1e-12,
                    "log-likelihood" + how);
            assertEquals(o.get("nobs").asDouble(), ((Number) m.summary().get("weightSum")).doubleValue(), "Σw");
            assertEquals(o.get("rows_positive_weight").asLong(), ((Number) m.summary().get("rows")).longValue(),
                    "rows of positive weight");
            assertEquals("w", m.extension("weights"));
        }
    }

    @Test
    void standardizedL2MatchesScikitLearnOnTheRepeatedRows() {
        JsonNode o = WeightsData.logisticOracle("breast_cancer_l2_standardized_all30");
        List<String> f = strings(o.get("features"));
        LogisticOptions opt = LogisticOptions.defaults().withStandardize(true).withPenalty(o.get("lambda").asDouble(), 0);
        ModelDocument m = fit(WeightsData.breastCancer(), f, opt, false, true);
        // scikit-learn's newton-cg stops at a KKT residual of 5e-9 (max_kkt in the oracle; it warns that it did
        // not converge at tol 1e-14), which leaves its coefficients about 1e-8 from the optimum
        close(o.get("intercept").asDouble(), m.intercept(), 1e-7, "intercept");
        double[] coef = doubles(o.get("coef"));
        for (int j = 0; j < coef.length; j++) {
            close(coef[j], m.coefficients()[j], 1e-7, "coef " + f.get(j));
        }
    }

    @Test
    void softmaxMatchesScikitLearnOnTheRepeatedRows() {
        JsonNode o = WeightsData.logisticOracle("iris_softmax_l2");
        List<String> f = strings(o.get("features"));
        LogisticOptions opt = LogisticOptions.defaults().withStandardize(false).withPenalty(o.get("lambda").asDouble(), 0);
        ModelDocument m = fit(WeightsData.iris(), f, opt, true, true);
        double[] b = doubles(o.get("intercepts"));
        for (int k = 0; k < 3; k++) {
            close(b[k], m.intercepts()[k], 1e-8, "intercept " + k);
            double[] w = doubles(o.get("coef").get(k));
            for (int j = 0; j < w.length; j++) {
                close(w[j], m.coefficientMatrix()[k][j], 1e-8, "coef " + k + "," + f.get(j));
            }
        }
    }

    @Test
    void integerWeightsGiveTheModelOfTheRepeatedRows() {
        List<String> f = strings(WeightsData.logisticOracle("breast_cancer_logit_mean10").get("features"));
        for (String solver : List.of(LogisticOptions.NEWTON, LogisticOptions.LBFGS)) {
            LogisticOptions opt = new LogisticOptions(1e-3, 0, true, true, solver, 100, 1e-10, "error");
            ModelDocument weighted = fit(WeightsData.breastCancer(), f, opt, false, true);
            ModelDocument repeated = fit(WeightsData.repeated(WeightsData.breastCancer(), "w", tmp), f, opt, false,
                    false);
            // Newton reaches the optimum to rounding from either start. L-BFGS stops at its tolerance on two
            // different paths, which along the nearly flat direction of the collinear radius, perimeter and area
            // leaves coefficients up to ~4e-7 apart: compare its objective (a mean over Σw on both sides)
            if (solver.equals(LogisticOptions.NEWTON)) {
                close(repeated.intercept(), weighted.intercept(), 1e-10, solver + " intercept");
                for (int j = 0; j < f.size(); j++) {
                    close(repeated.coefficients()[j], weighted.coefficients()[j], 1e-10, solver + " coef " + j);
                }
            }
            close(((Number) repeated.summary().get("objective")).doubleValue(),
                    ((Number) weighted.summary().get("objective")).doubleValue(), 1e-12, solver + " objective");
            double tol = solver.equals(LogisticOptions.NEWTON) ? 1e-10 : 1e-6;
            assertEquals(repeated.summary().get("confusionMatrix"), weighted.summary().get("confusionMatrix"),
                    "the confusion matrix counts Σw");
            for (Map.Entry<String, Double> e : repeated.metrics().get("train").entrySet()) {
                close(e.getValue(), weighted.metrics().get("train").get(e.getKey()), tol, solver + " " + e.getKey());
            }
            assertEquals(((Number) repeated.summary().get("rows")).doubleValue(),
                    ((Number) weighted.summary().get("weightSum")).doubleValue());
        }
        List<String> iris = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
        LogisticOptions l2 = LogisticOptions.defaults().withPenalty(1e-2, 0);
        ModelDocument weighted = fit(WeightsData.iris(), iris, l2, true, true);
        ModelDocument repeated = fit(WeightsData.repeated(WeightsData.iris(), "w", tmp), iris, l2, true, false);
        for (int k = 0; k < 3; k++) {
            close(repeated.intercepts()[k], weighted.intercepts()[k], 1e-10, "softmax intercept " + k);
            for (int j = 0; j < 4; j++) {
                close(repeated.coefficientMatrix()[k][j], weighted.coefficientMatrix()[k][j], 1e-10,
                        "softmax coef " + k + "," + j);
            }
        }
    }

    @Test
    void zeroWeightRowsGiveExactlyTheModelWithoutThem() {
        // zero weights become 0, the others 1: the fit must be the fit of the other rows, bit for bit, even when
        // a zero-weight row has a missing feature or a target that is not a class
        Path zeroOne = WeightsData.mapWeights(WeightsData.breastCancer(), "w", v -> v == 0 ? 0 : 1, tmp, "z.csv");
        List<String> all = names(zeroOne);
        int w = all.indexOf("w");
        List<RowBlock> blocks = WeightsData.blocks(zeroOne, BLOCK);
        List<RowBlock> without = WeightsData.withoutZeroWeightRows(blocks, w);
        List<RowBlock> spoiled = new ArrayList<>();
        for (RowBlock b : blocks) {
            double[] v = b.values().clone();
            for (int r = 0; r < b.rows(); r++) {
                if (b.get(r, w) == 0 && r % 2 == 0) {
                    v[r] = Double.NaN; // first feature of a zero-weight row
                } else if (b.get(r, w) == 0) {
                    v[all.indexOf("target") * b.rows() + r] = 7; // not a class
                }
            }
            spoiled.add(new RowBlock(b.blockId(), b.rows(), b.cols(), v));
        }
        List<String> f = strings(WeightsData.logisticOracle("breast_cancer_logit_mean10").get("features"));
        LogisticOptions opt = LogisticOptions.defaults().withStandardize(true).withPenalty(1e-3, 0.5);
        String expected = withoutWeightRecords(fit(without, all, f, opt, false, -1));
        ModelDocument got = fit(spoiled, all, f, opt, false, w);
        assertEquals(got.summary().get("rows"), got.summary().get("weightSum"), "Σw = rows for 0/1 weights");
        assertEquals(expected, withoutWeightRecords(got), "bit for bit the fit without the zero-weight rows");

        List<String> iris = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
        Path irisZeroOne = WeightsData.mapWeights(WeightsData.iris(), "w", v -> v == 0 ? 0 : 1, tmp, "iz.csv");
        List<String> irisAll = names(irisZeroOne);
        List<RowBlock> irisBlocks = WeightsData.blocks(irisZeroOne, BLOCK);
        LogisticOptions l2 = LogisticOptions.defaults().withPenalty(1e-2, 0);
        assertEquals(withoutWeightRecords(fit(WeightsData.withoutZeroWeightRows(irisBlocks, irisAll.indexOf("w")),
                irisAll, iris, l2, true, -1)), withoutWeightRecords(fit(irisBlocks, irisAll, iris, l2, true,
                irisAll.indexOf("w"))), "softmax, bit for bit");
    }

    @Test
    void badWeightsAreRefusedNamingTheRow() {
        List<String> f = strings(WeightsData.logisticOracle("breast_cancer_logit_mean10").get("features"));
        Path neg = WeightsData.edited(WeightsData.breastCancer(), 123, "w", "-2", tmp, "neg.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> fit(neg, f, LogisticOptions.defaults(), false, true));
        assertEquals("1 row(s) cannot be used; the first is row 123, column 'w': weight -2.0 is negative or not"
                + " finite; frequency weights must be finite and >= 0 (0 leaves the row out)", e.getMessage());
        Path nan = WeightsData.edited(WeightsData.iris(), 5, "w", "NaN", tmp, "nan.csv");
        e = assertThrows(BadInputException.class, () -> fit(nan, List.of("sepal_length"), LogisticOptions.defaults()
                .withPenalty(1e-2, 0), true, true));
        assertTrue(e.getMessage().startsWith("1 row(s) cannot be used; the first is row 5, column 'w': weight NaN"),
                e.getMessage());
        // a class whose rows all weigh 0 is a class with no rows
        Path oneClass = WeightsData.mapWeights(WeightsData.breastCancer(), "w", v -> v, tmp, "copy.csv");
        List<String> all = names(oneClass);
        List<RowBlock> blocks = new ArrayList<>();
        for (RowBlock b : WeightsData.blocks(oneClass, BLOCK)) {
            double[] v = b.values().clone();
            for (int r = 0; r < b.rows(); r++) {
                if (b.get(r, all.indexOf("target")) == 0) {
                    v[all.indexOf("w") * b.rows() + r] = 0;
                }
            }
            blocks.add(new RowBlock(b.blockId(), b.rows(), b.cols(), v));
        }
        e = assertThrows(BadInputException.class, () -> fit(blocks, all, f,
                LogisticOptions.defaults().withMissing(Missing.SKIP), false, all.indexOf("w")));
        assertTrue(e.getMessage().contains("has no row of class 0 with a positive weight"), e.getMessage());
    }
}
