package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.gridlearn.linear.SolverTestData.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreement with {@code oracles-public.json} (statsmodels / numpy / R / scikit-learn, 12 significant digits)
 * on boston.csv and diabetes.csv.
 */
class OracleTest {
    private static JsonNode oracles;

    /**
     * Two-sided p values of the oracle t values and the p value of the oracle F, from scipy
     * ({@code resources/oracles/scipy_ols_pvalues.json}, written by {@code make_scipy_ols_pvalues.py} next to it).
     */
    private static JsonNode scipy;

    @BeforeAll
    static void load() {
        oracles = SolverTestData.json("oracles-public.json").get("datasets");
        try (java.io.InputStream in = OracleTest.class.getResourceAsStream("/oracles/scipy_ols_pvalues.json")) {
            scipy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("datasets");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Data(List<String> features, double[][] x, double[] y, CrossProducts cp) {
    }

    private static Data data(String name) {
        SolverTestData.Table t = SolverTestData.csv(name + ".csv");
        int p = t.names().size() - 1;
        double[][] x = Arrays.copyOf(t.cols(), p);
        double[] y = t.cols()[p];
        List<String> features = t.names().subList(0, p);
        List<String> expected = Arrays.asList(new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(oracles.get(name).get("features"), String[].class));
        assertEquals(expected, features, "CSV header matches the oracle's feature list");
        return new Data(features, x, y, SolverTestData.exactCrossProducts(x, y, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"boston", "diabetes"})
    void olsBothRoutesMatchStatsmodels(String name) {
        Data d = data(name);
        JsonNode o = oracles.get(name).get("ols");
        OlsReport ne = NormalEquations.ols(d.cp(), d.features()).report();
        int q = d.features().size() + 2;
        double[] r = SolverTestData.tsqrTree(SolverTestData.blocks(d.x(), d.y(), true, 64), q);
        LeastSquaresSolution qrSol = QrLeastSquares.solve(r, d.y().length, d.features(), true);
        OlsReport qr = qrSol.report();
        OlsReport refined = QrLeastSquares.refine(r, qrSol, SolverTestData.blocks(d.x(), d.y(), true, 64)).report();
        for (var e : Map.of("normal equations", ne, "TSQR", qr, "TSQR refined", refined).entrySet()) {
            JsonNode sp = scipy.get(name);
            assertEquals(o.get("t_values").size(), sp.get("p_values").size(), name + ": one scipy p value per t value");
            double worst = compareOls(e.getValue(), o, SolverTestData.doubles(sp.get("p_values")),
                    sp.get("f_p_value").asDouble());
            System.out.printf("oracle %-9s OLS via %-17s max rel. error vs statsmodels: %.2e%n", name, e.getKey(), worst);
        }
    }

    /** Asserts 1e-10 relative on every reported OLS number and returns the largest relative error seen. */
    private static double compareOls(OlsReport rep, JsonNode o, double[] scipyP, double scipyFp) {
        double tol = 1e-10;
        double worst = 0;
        worst = Math.max(worst, check("intercept", rep.intercept(), o.get("intercept").asDouble(), tol));
        worst = Math.max(worst, check("se(intercept)", rep.interceptStdError(), o.get("std_err_intercept").asDouble(), tol));
        double[] coef = SolverTestData.doubles(o.get("coef"));
        double[] se = SolverTestData.doubles(o.get("std_err"));
        double[] t = SolverTestData.doubles(o.get("t_values"));
        for (int j = 0; j < coef.length; j++) {
            worst = Math.max(worst, check("coef " + j, rep.coefficients()[j], coef[j], tol));
            worst = Math.max(worst, check("se " + j, rep.stdErrors()[j], se[j], tol));
            worst = Math.max(worst, check("t " + j, rep.tValues()[j], t[j], tol));
            // p values: scipy at the oracle's t; the t values differ by <= 1e-10 relative, which moves
            // p by up to |d log p / d t| * |t| * 1e-10 ~ 1e-8 for |t| ~ 10
            check("p " + j, rep.pValues()[j], scipyP[j], 1e-7);
        }
        worst = Math.max(worst, check("R^2", rep.rSquared(), o.get("r_squared").asDouble(), tol));
        worst = Math.max(worst, check("adj R^2", rep.adjRSquared(), o.get("adj_r_squared").asDouble(), tol));
        worst = Math.max(worst, check("RSS", rep.rss(), o.get("rss").asDouble(), tol));
        worst = Math.max(worst, check("sigma^2", rep.sigma2(), o.get("sigma2").asDouble(), tol));
        worst = Math.max(worst, check("F", rep.fStatistic(), o.get("f_statistic").asDouble(), tol));
        worst = Math.max(worst, check("logLik", rep.logLikelihood(), o.get("log_likelihood").asDouble(), tol));
        assertEquals(o.get("df_resid").asLong(), rep.dfResid());
        check("p(F)", rep.fPValue(), scipyFp, 1e-6);
        return worst;
    }

    private static double check(String what, double actual, double expected, double tol) {
        double e = relErr(actual, expected);
        assertTrue(e <= tol, () -> what + ": got " + actual + ", oracle " + expected + ", rel. error " + e);
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"boston", "diabetes"})
    void ridgeMatchesSklearn(String name) {
        Data d = data(name);
        int n = d.y().length;
        JsonNode raw = oracles.get(name).get("ridge_alpha_1_raw");
        // sklearn Ridge(alpha=1) minimises ||y - Xw - b||^2 + ||w||^2, i.e. lambda = alpha / n here
        RidgeFit fit = NormalEquations.ridge(d.cp(), d.features(), RidgeOptions.of(1.0 / n, false));
        double worst = check("ridge raw intercept", fit.intercept(), raw.get("intercept").asDouble(), 1e-9);
        worst = Math.max(worst, checkAll("ridge raw coef", fit.coefficients(), SolverTestData.doubles(raw.get("coef")), 1e-9));

        JsonNode std = oracles.get(name).get("ridge_alpha_1_standardized");
        RidgeFit sf = NormalEquations.ridge(d.cp(), d.features(), RidgeOptions.of(1.0 / n, true));
        double[] stdCoef = SolverTestData.doubles(std.get("coef"));
        worst = Math.max(worst, checkAll("ridge std coef", sf.scaledCoefficients(), stdCoef, 1e-9));
        // original-scale intercept implied by the oracle: b0 = intercept_std - sum mean_j w_j / sd_j
        double[] mean = SolverTestData.doubles(oracles.get(name).get("feature_mean"));
        double[] sd = SolverTestData.doubles(oracles.get(name).get("feature_std_population"));
        double b0 = std.get("intercept").asDouble();
        for (int j = 0; j < mean.length; j++) {
            b0 -= mean[j] * stdCoef[j] / sd[j];
            check("ridge std original-scale coef " + j, sf.coefficients()[j], stdCoef[j] / sd[j], 1e-9);
        }
        worst = Math.max(worst, check("ridge std intercept (original scale)", sf.intercept(), b0, 1e-9));
        System.out.printf("oracle %-9s ridge (raw + standardized) max rel. error vs sklearn: %.2e%n", name, worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"boston", "diabetes"})
    void lassoMatchesSklearn(String name) {
        Data d = data(name);
        JsonNode raw = oracles.get(name).get("lasso_alpha_0.1_raw");
        ElasticNetFit fr = new ElasticNet(d.cp(), d.features(), ElasticNetOptions.of(1.0, false)).fit(0.1);
        assertTrue(fr.converged());
        double worst = check("lasso raw intercept", fr.intercept(), raw.get("intercept").asDouble(), 1e-9);
        worst = Math.max(worst, checkAll("lasso raw coef", fr.coefficients(), SolverTestData.doubles(raw.get("coef")), 1e-9));
        worst = Math.max(worst, check("lasso raw objective", fr.objective(), raw.get("objective_value").asDouble(), 1e-9));
        assertEquals(raw.get("n_nonzero").asInt(), fr.nonZero());

        JsonNode std = oracles.get(name).get("lasso_alpha_0.1_standardized");
        ElasticNetFit fs = new ElasticNet(d.cp(), d.features(), ElasticNetOptions.of(1.0, true)).fit(0.1);
        assertTrue(fs.converged());
        worst = Math.max(worst, checkAll("lasso std coef", fs.scaledCoefficients(), SolverTestData.doubles(std.get("coef")), 1e-9));
        JsonNode orig = std.get("coef_original_scale");
        worst = Math.max(worst, checkAll("lasso std coef (original scale)", fs.coefficients(),
                SolverTestData.doubles(orig.get("coef")), 1e-9));
        worst = Math.max(worst, check("lasso std intercept (original scale)", fs.intercept(),
                orig.get("intercept").asDouble(), 1e-9));
        worst = Math.max(worst, check("lasso std objective", fs.objective(), std.get("objective_value").asDouble(), 1e-9));
        assertEquals(std.get("n_nonzero").asInt(), fs.nonZero());
        System.out.printf("oracle %-9s lasso (raw + standardized) max rel. error vs sklearn: %.2e "
                + "(sweeps %d and %d, KKT %.1e and %.1e)%n", name, worst, fr.iterations(), fs.iterations(),
                fr.maxKktViolation(), fs.maxKktViolation());
    }

    /**
     * Elastic net (0 < alpha < 1) against scikit-learn's {@code ElasticNet} ({@code resources/oracles/sklearn_elasticnet.json},
     * written by {@code make_sklearn_elasticnet.py} next to it): lambda is scikit-learn's alpha, gridlearn's mixing
     * alpha its l1_ratio; raw and standardised, coefficients on both scales, intercept and objective.
     */
    @ParameterizedTest
    @ValueSource(strings = {"boston", "diabetes"})
    void elasticNetMatchesSklearn(String name) {
        Data d = data(name);
        JsonNode en = json("/oracles/sklearn_elasticnet.json").get("datasets").get(name);
        assertEquals(d.features(), Arrays.asList(new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(en.get("features"), String[].class)));
        assertTrue(en.get("fits").size() >= 2);
        double worst = 0;
        for (JsonNode c : en.get("fits")) {
            double lambda = c.get("alpha").asDouble();
            double mix = c.get("l1_ratio").asDouble();
            assertTrue(mix > 0 && mix < 1, "a true elastic net");
            String at = " (lambda " + lambda + ", alpha " + mix + ")";
            JsonNode raw = c.get("raw");
            ElasticNetFit fr = new ElasticNet(d.cp(), d.features(), ElasticNetOptions.of(mix, false)).fit(lambda);
            assertTrue(fr.converged());
            worst = Math.max(worst, check("elastic net raw intercept" + at, fr.intercept(), raw.get("intercept").asDouble(), 1e-9));
            worst = Math.max(worst, checkAll("elastic net raw coef" + at, fr.coefficients(),
                    SolverTestData.doubles(raw.get("coef")), 1e-9));
            worst = Math.max(worst, check("elastic net raw objective" + at, fr.objective(),
                    raw.get("objective_value").asDouble(), 1e-9));
            assertEquals(raw.get("n_nonzero").asInt(), fr.nonZero());

            JsonNode std = c.get("standardized");
            ElasticNetFit fs = new ElasticNet(d.cp(), d.features(), ElasticNetOptions.of(mix, true)).fit(lambda);
            assertTrue(fs.converged());
            worst = Math.max(worst, checkAll("elastic net std coef" + at, fs.scaledCoefficients(),
                    SolverTestData.doubles(std.get("coef")), 1e-9));
            worst = Math.max(worst, checkAll("elastic net std coef (original scale)" + at, fs.coefficients(),
                    SolverTestData.doubles(std.get("coef_original_scale")), 1e-9));
            worst = Math.max(worst, check("elastic net std intercept (original scale)" + at, fs.intercept(),
                    std.get("intercept_original_scale").asDouble(), 1e-9));
            worst = Math.max(worst, check("elastic net std objective" + at, fs.objective(),
                    std.get("objective_value").asDouble(), 1e-9));
            assertEquals(std.get("n_nonzero").asInt(), fs.nonZero());
        }
        System.out.printf("oracle %-9s elastic net (raw + standardized) max rel. error vs sklearn: %.2e%n", name, worst);
    }

    static JsonNode json(String resource) {
        try (java.io.InputStream in = OracleTest.class.getResourceAsStream(resource)) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Relative check per entry; an oracle 0 must be reproduced as an exact 0 (a lasso zero). */
    private static double checkAll(String what, double[] actual, double[] expected, double tol) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = 0;
        for (int j = 0; j < expected.length; j++) {
            if (expected[j] == 0.0) {
                assertEquals(0.0, actual[j], 0.0, what + " " + j + " must be exactly zero");
            } else {
                worst = Math.max(worst, check(what + " " + j, actual[j], expected[j], tol));
            }
        }
        return worst;
    }
}
