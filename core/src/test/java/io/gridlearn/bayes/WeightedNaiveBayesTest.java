package io.gridlearn.bayes;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.testing.WeightsData;
import io.gridlearn.testutil.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gridlearn.testutil.Iris.assertRel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gaussian naive Bayes with frequency weights: scikit-learn's GaussianNB on the rows repeated wᵢ times
 * (weights_oracles.json), the fit of the physically repeated rows, zero weights as removed rows (bit for bit),
 * bad weights refused.
 */
class WeightedNaiveBayesTest {
    private static final int W = 5;

    @TempDir
    Path tmp;

    private static ModelDocument fit(List<RowBlock> blocks, int blockSize, double varSmoothing, int weightColumn) {
        return NaiveBayesTrainer.fit(new LocalPassRunner(blocks, blockSize), Iris.FEATURES, Iris.TARGET, Iris.NAMES,
                "target", new NaiveBayesOptions(varSmoothing), weightColumn, weightColumn < 0 ? null : "w");
    }

    @Test
    void matchesScikitLearnOnTheRepeatedRows() {
        JsonNode o = WeightsData.oracle("iris_naive_bayes");
        ModelDocument m = fit(WeightsData.blocks(WeightsData.iris(), 40), 40, 1e-9, W);
        double[] priors = Iris.vector(o.get("class_prior"));
        double[][] means = Iris.matrix(o.get("theta"));
        double[][] vars = Iris.matrix(o.get("var"));
        for (int c = 0; c < 3; c++) {
            assertRel(priors[c], m.classPriors()[c], 1e-12, "prior " + c);
            for (int j = 0; j < 4; j++) {
                assertRel(means[c][j], m.means()[c][j], 1e-10, "mean " + c + "," + j);
                assertRel(vars[c][j], m.variances()[c][j], 1e-10, "variance " + c + "," + j);
            }
        }
        assertRel(o.get("epsilon").asDouble(), ((Number) m.summary().get("epsilon")).doubleValue(), 1e-10, "ε");
        double total = 0;
        for (JsonNode v : o.get("class_count")) {
            total += v.asDouble();
        }
        assertEquals(total, ((Number) m.summary().get("weightSum")).doubleValue(), "Σw");
        assertEquals("w", m.extension("weights"));
        // without smoothing, the weighted variances alone (where sample_weight and repeated rows agree)
        ModelDocument plain = fit(WeightsData.blocks(WeightsData.iris(), 40), 40, 0, W);
        double[][] var0 = Iris.matrix(o.get("var_smoothing_0").get("var"));
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 4; j++) {
                assertRel(var0[c][j], plain.variances()[c][j], 1e-10, "variance (no smoothing) " + c + "," + j);
            }
        }
    }

    @Test
    void integerWeightsGiveTheModelOfTheRepeatedRows() {
        ModelDocument weighted = fit(WeightsData.blocks(WeightsData.iris(), 40), 40, 1e-9, W);
        ModelDocument repeated = fit(WeightsData.blocks(WeightsData.repeated(WeightsData.iris(), "w", tmp), 40), 40,
                1e-9, -1);
        assertTrue(Iris.maxRel(new double[][] {repeated.classPriors()}, new double[][] {weighted.classPriors()})
                <= 1e-15, "priors");
        assertTrue(Iris.maxRel(repeated.means(), weighted.means()) <= 1e-13, "means");
        assertTrue(Iris.maxRel(repeated.variances(), weighted.variances()) <= 1e-12, "variances");
        assertRel(((Number) repeated.summary().get("epsilon")).doubleValue(),
                ((Number) weighted.summary().get("epsilon")).doubleValue(), 1e-12, "ε");
        assertEquals(repeated.summary().get("confusionMatrix"), weighted.summary().get("confusionMatrix"),
                "the confusion matrix counts Σw");
        for (Map.Entry<String, Double> e : repeated.metrics().get("train").entrySet()) {
            assertRel(e.getValue(), weighted.metrics().get("train").get(e.getKey()), 1e-12, e.getKey());
        }
        assertEquals(((Number) repeated.summary().get("rows")).doubleValue(),
                ((Number) weighted.summary().get("weightSum")).doubleValue());
    }

    @Test
    void zeroWeightRowsGiveExactlyTheModelWithoutThem() {
        Path zeroOne = WeightsData.mapWeights(WeightsData.iris(), "w", v -> v == 0 ? 0 : 1, tmp, "zero-one.csv");
        List<RowBlock> blocks = WeightsData.blocks(zeroOne, 40);
        ModelDocument weighted = fit(blocks, 40, 1e-9, W);
        ModelDocument without = fit(WeightsData.withoutZeroWeightRows(blocks, W), 40, 1e-9, -1);
        assertArrayEquals(without.classPriors(), weighted.classPriors(), 0.0);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(without.means()[c], weighted.means()[c], 0.0, "means, bit for bit");
            assertArrayEquals(without.variances()[c], weighted.variances()[c], 0.0, "variances, bit for bit");
        }
        assertEquals(without.summary().get("epsilon"), weighted.summary().get("epsilon"));
        assertEquals(without.summary().get("rows"), weighted.summary().get("rows"));
        assertEquals(without.summary().get("confusionMatrix"), weighted.summary().get("confusionMatrix"));
        assertEquals(without.metrics(), weighted.metrics());
    }

    @Test
    void badWeightsAreRefusedNamingTheRow() {
        Path neg = WeightsData.edited(WeightsData.iris(), 77, "w", "-0.5", tmp, "neg.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> fit(WeightsData.blocks(neg, 40), 40, 1e-9, W));
        assertEquals("1 row(s) cannot be used; the first is row 77, column 'w': weight -0.5 is negative or not finite;"
                + " frequency weights must be finite and >= 0 (0 leaves the row out)", e.getMessage());
        Path zeros = WeightsData.mapWeights(WeightsData.iris(), "w", v -> 0, tmp, "zeros.csv");
        e = assertThrows(BadInputException.class, () -> fit(WeightsData.blocks(zeros, 40), 40, 1e-9, W));
        assertTrue(e.getMessage().contains("every row has weight 0"), e.getMessage());
    }
}
