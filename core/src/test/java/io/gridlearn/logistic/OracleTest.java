package io.gridlearn.logistic;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.IterationListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agreement with oracles-public.json (every expected number read from it). */
class OracleTest {
    static final double REL = 1e-8;

    static void close(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (rel " + Math.abs(expected - actual)
                        / Math.abs(expected) + ")");
    }

    static void close(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], rel, what + "[" + i + "]");
        }
    }

    /** Largest relative difference, for the report. */
    static double maxRel(double[] expected, double[] actual) {
        double m = 0;
        for (int i = 0; i < expected.length; i++) {
            m = Math.max(m, Math.abs(expected[i] - actual[i]) / Math.abs(expected[i]));
        }
        return m;
    }

    static List<String> features(JsonNode o) {
        List<String> f = new ArrayList<>();
        o.path("features").forEach(n -> f.add(n.asText()));
        return f;
    }

    static ModelDocument fitBinary(TestData d, List<String> f, LogisticOptions o) {
        return LogisticTrainer.fit(d.runner(), d.cols(f), d.col("target"), f, "target", o, IterationListener.NONE,
                null);
    }

    static LogisticOptions raw(double lambda) {
        return LogisticOptions.defaults().withStandardize(false).withPenalty(lambda, 0.0);
    }

    @Test
    void logistic_unpenalized_mean10() {
        JsonNode o = TestData.oracle("breast_cancer", "logistic_unpenalized_mean10");
        List<String> f = features(o);
        TestData raw = TestData.load("breast_cancer.csv", 50);
        TestData d = raw.standardized(raw.cols(f));
        ModelDocument m = fitBinary(d, f, raw(0.0));
        close(o.path("intercept").asDouble(), m.intercept(), REL, "intercept");
        close(TestData.doubles(o.path("coef")), m.coefficients(), REL, "coef");
        close(o.path("std_err_intercept").asDouble(), m.interceptStandardError(), REL, "se intercept");
        close(TestData.doubles(o.path("std_err")), m.standardErrors(), REL, "se");
        close(o.path("log_likelihood").asDouble(), (Double) m.summary().get("logLikelihood"), REL, "loglik");
        close(o.path("train_accuracy").asDouble(), m.metrics().get("train").get("accuracy"), 1e-11, "accuracy");
        System.out.printf("mean10: coef max rel %.2e, se max rel %.2e, iterations %s%n",
                maxRel(TestData.doubles(o.path("coef")), m.coefficients()),
                maxRel(TestData.doubles(o.path("std_err")), m.standardErrors()), m.summary().get("iteration"));

        // the trainer's own standardization on the raw features gives the same fit, reported on the raw scale
        ModelDocument s = fitBinary(raw, f, LogisticOptions.defaults());
        int[] c = raw.cols(f);
        double[] coefStd = new double[f.size()];
        double[] seStd = new double[f.size()];
        for (int j = 0; j < f.size(); j++) {
            double sd = raw.stdPopulation(c[j]);
            coefStd[j] = s.coefficients()[j] * sd;
            seStd[j] = s.standardErrors()[j] * sd;
        }
        close(TestData.doubles(o.path("coef")), coefStd, REL, "coef via standardize option");
        close(TestData.doubles(o.path("std_err")), seStd, REL, "se via standardize option");
    }

    @Test
    void logistic_l2_C1_all30() {
        JsonNode o = TestData.oracle("breast_cancer", "logistic_l2_C1_all30");
        List<String> f = features(o);
        TestData raw = TestData.load("breast_cancer.csv", 50);
        TestData d = raw.standardized(raw.cols(f));
        double n = d.rows();
        double lambda = 1.0 / (o.path("C").asDouble() * n);
        ModelDocument m = fitBinary(d, f, raw(lambda));
        close(o.path("intercept").asDouble(), m.intercept(), REL, "intercept");
        close(TestData.doubles(o.path("coef")), m.coefficients(), REL, "coef");
        // sklearn's objective C Σ logloss + ½||w||² is C n times ours
        close(o.path("objective_value").asDouble(), o.path("C").asDouble() * n * (Double) m.summary().get("objective"),
                REL, "objective");
        close(o.path("train_accuracy").asDouble(), m.metrics().get("train").get("accuracy"), 1e-11, "accuracy");
        System.out.printf("l2 all30: coef max rel %.2e, iterations %s%n",
                maxRel(TestData.doubles(o.path("coef")), m.coefficients()), m.summary().get("iteration"));
    }

    @Test
    void multinomial_logistic_C1() {
        JsonNode o = TestData.oracle("iris", "multinomial_logistic_C1");
        List<String> f = features(o);
        TestData d = TestData.load("iris.csv", 50);
        double n = d.rows();
        double lambda = 1.0 / (o.path("C").asDouble() * n);
        ModelDocument m = SoftmaxTrainer.fit(d.runner(), d.cols(f), d.col("target"), f, "target", raw(lambda),
                IterationListener.NONE, null);
        assertEquals(List.of(0, 1, 2), m.classes());
        close(TestData.doubles(o.path("intercept")), m.intercepts(), REL, "intercepts");
        double maxRel = maxRel(TestData.doubles(o.path("intercept")), m.intercepts());
        for (int k = 0; k < 3; k++) {
            double[] e = TestData.doubles(o.path("coef").get(k));
            close(e, m.coefficientMatrix()[k], REL, "coef row " + k);
            maxRel = Math.max(maxRel, maxRel(e, m.coefficientMatrix()[k]));
        }
        close(o.path("objective_value").asDouble(), n * (Double) m.summary().get("objective"), REL, "objective");
        close(o.path("train_accuracy").asDouble(), m.metrics().get("train").get("accuracy"), 1e-11, "accuracy");
        System.out.printf("iris softmax: max rel %.2e, iterations %s%n", maxRel, m.summary().get("iteration"));
    }

    @Test
    void logistic_unpenalized_all30_is_separable() {
        JsonNode o = TestData.oracle("breast_cancer", "logistic_l2_C1_all30"); // same 30 features
        assertTrue(TestData.oracle("breast_cancer", "logistic_unpenalized_all30").path("status").asText()
                .startsWith("MLE DOES NOT EXIST"));
        List<String> f = features(o);
        TestData raw = TestData.load("breast_cancer.csv", 50);
        TestData d = raw.standardized(raw.cols(f));
        for (String solver : List.of(LogisticOptions.NEWTON, LogisticOptions.LBFGS)) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> fitBinary(d, f, raw(0.0).withSolver(solver).withLimits(1000, 1e-10)));
            assertTrue(e.getMessage().contains("linearly separable"), e.getMessage());
            assertTrue(e.getMessage().contains("add a penalty, e.g. lambda 1e-3"), e.getMessage());
            assertTrue(((io.gridlearn.OptionException) e).forCommandLine().contains("e.g. --lambda 1e-3"), e.getMessage());
            System.out.println(solver + ": " + e.getMessage());
        }
    }
}
