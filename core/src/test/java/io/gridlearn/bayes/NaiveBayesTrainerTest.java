package io.gridlearn.bayes;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.testutil.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.gridlearn.testutil.Iris.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NaiveBayesTrainerTest {
    private static final double REL = 1e-10;

    private static ModelDocument fit(PassRunner runner, double varSmoothing) {
        return NaiveBayesTrainer.fit(runner, Iris.FEATURES, Iris.TARGET, Iris.NAMES, "target",
                new NaiveBayesOptions(varSmoothing));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian_nb_var_smoothing_0", "gaussian_nb_default_var_smoothing_1e-9"})
    void matchesOracle(String entry) {
        JsonNode o = Iris.oracle(entry);
        ModelDocument m = fit(Iris.runner(40), o.get("var_smoothing").asDouble());
        assertEquals(List.of(0, 1, 2), m.classes());
        double[] priors = Iris.vector(o.get("class_prior"));
        double[][] means = Iris.matrix(o.get("class_means"));
        double[][] vars = Iris.matrix(o.get("class_var_population_plus_epsilon"));
        for (int c = 0; c < 3; c++) {
            assertRel(priors[c], m.classPriors()[c], REL, "prior " + c);
            for (int j = 0; j < 4; j++) {
                assertRel(means[c][j], m.means()[c][j], REL, "mean " + c + "," + j);
                assertRel(vars[c][j], m.variances()[c][j], REL, "variance " + c + "," + j);
            }
        }
        double eps = o.get("epsilon_added_to_variances").asDouble();
        double gotEps = ((Number) m.summary().get("epsilon")).doubleValue();
        if (eps == 0) {
            assertEquals(0.0, gotEps);
        } else {
            assertRel(eps, gotEps, REL, "epsilon");
        }
        assertRel(o.get("train_accuracy").asDouble(), m.metrics().get("train").get("accuracy"), REL, "accuracy");
        List<List<Long>> confusion = new ArrayList<>();
        for (JsonNode row : o.get("confusion_matrix_rows_true_cols_pred")) {
            List<Long> r = new ArrayList<>();
            row.forEach(v -> r.add(v.asLong()));
            confusion.add(r);
        }
        assertEquals(confusion, m.summary().get("confusionMatrix"));
    }

    @Test
    void blockSizeDoesNotMatter() {
        ModelDocument a = fit(Iris.runner(40), 1e-9);
        ModelDocument b = fit(Iris.runner(7), 1e-9);
        assertTrue(Iris.maxRel(a.means(), b.means()) <= 1e-12);
        assertTrue(Iris.maxRel(a.variances(), b.variances()) <= 1e-12);
        assertEquals(a.summary().get("confusionMatrix"), b.summary().get("confusionMatrix"));
    }

    @Test
    void predictGivesNormalisedLogProbabilitiesAgreeingWithTheCorePredictor() {
        ModelDocument m = fit(Iris.runner(40), 1e-9);
        ModelDocument reloaded = ModelJson.read(ModelJson.write(m), "model");
        for (double[] row : Iris.rows()) {
            double[] x = {row[0], row[1], row[2], row[3]};
            double[] lp = NaiveBayesTrainer.predict(reloaded, x);
            double total = 0;
            int arg = 0;
            for (int c = 0; c < lp.length; c++) {
                total += Math.exp(lp[c]);
                arg = lp[c] > lp[arg] ? c : arg;
            }
            assertEquals(1.0, total, 1e-12);
            assertEquals(Predictors.of(reloaded).predict(x), arg);
        }
        // Far from every class: the joint likelihoods underflow, log-sum-exp keeps the posterior finite.
        double[] far = NaiveBayesTrainer.predict(m, new double[] {1e3, -1e3, 1e3, 1e3});
        for (double v : far) {
            assertTrue(v <= 0 && !Double.isNaN(v));
        }
    }

    @Test
    void varianceIsAccurateForALargeOffset() {
        // Iris shifted by 1e9: the per-class shift keeps the population variances exact where Σx² − (Σx)²/n
        // in doubles would lose everything. The shift is exact in binary for these values up to 1 ulp of 1e9.
        List<RowBlock> shifted = new ArrayList<>();
        for (RowBlock b : Iris.blocks(40)) {
            double[] v = b.values().clone();
            for (int i = 0; i < b.rows() * 4; i++) {
                v[i] += 1e9;
            }
            shifted.add(new RowBlock(b.blockId(), b.rows(), b.cols(), v));
        }
        ModelDocument m = fit(new LocalPassRunner(shifted, 40), 0);
        double[][] vars = Iris.matrix(Iris.oracle("gaussian_nb_var_smoothing_0").get("class_var_population_plus_epsilon"));
        // Adding 1e9 rounds each value to a multiple of 2^-23 ≈ 1.2e-7, which perturbs variances ~1e-7 relative.
        assertTrue(Iris.maxRel(vars, m.variances()) < 1e-5, "" + Iris.maxRel(vars, m.variances()));
    }

    @Test
    void rejectsBadLabelsAndNonFiniteRows() {
        List<RowBlock> blocks = new ArrayList<>(Iris.blocks(40));
        RowBlock b0 = blocks.get(0);
        double[] v = b0.values().clone();
        v[4 * b0.rows() + 3] = 1.5;
        blocks.set(0, new RowBlock(0, b0.rows(), b0.cols(), v));
        BadInputException e = assertThrows(BadInputException.class, () -> fit(new LocalPassRunner(blocks, 40), 0));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
        double[] w = b0.values().clone();
        w[5] = Double.NaN;
        w[2 * b0.rows() + 6] = Double.POSITIVE_INFINITY;
        blocks.set(0, new RowBlock(0, b0.rows(), b0.cols(), w));
        e = assertThrows(BadInputException.class, () -> fit(new LocalPassRunner(blocks, 40), 0));
        assertTrue(e.getMessage().startsWith("2 rows"), e.getMessage());
    }
}
