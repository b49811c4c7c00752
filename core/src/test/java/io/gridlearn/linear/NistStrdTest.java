package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NIST StRD linear least squares (nist/README in the shared data: LRE definition, models). The QR route
 * (TSQR with one refinement step) must reach LRE >= 9 on every estimate, standard deviation, residual SD
 * and R^2; the plain QR and normal-equation routes are reported only.
 */
class NistStrdTest {
    private static final double CAP = 15.0;

    /** Log relative error with McCullough's conventions (cap 15, floor 0, absolute when certified = 0). */
    static double lre(double estimate, String certified) {
        BigDecimal cert = new BigDecimal(certified.trim());
        if (!Double.isFinite(estimate)) {
            return 0.0;
        }
        BigDecimal est = new BigDecimal(estimate);
        double v;
        if (cert.signum() == 0) {
            v = estimate == 0.0 ? CAP : -Math.log10(Math.abs(estimate));
        } else {
            BigDecimal diff = est.subtract(cert).abs();
            if (diff.signum() == 0) {
                v = CAP;
            } else {
                v = -Math.log10(diff.divide(cert.abs(), MathContext.DECIMAL64).doubleValue());
            }
        }
        return Math.max(0.0, Math.min(CAP, v));
    }

    /** Minimum LREs of one fit: estimates, SDs, residual SD, R^2. */
    record Lre(double est, double sd, double residSd, double r2) {
        double min() {
            return Math.min(Math.min(est, sd), Math.min(residSd, r2));
        }

        @Override
        public String toString() {
            return String.format("%5.1f %5.1f %5.1f %5.1f", est, sd, residSd, r2);
        }
    }

    static Lre score(OlsReport rep, JsonNode cert) {
        List<Double> est = new ArrayList<>();
        List<Double> sd = new ArrayList<>();
        if (rep.hasIntercept()) {
            est.add(rep.intercept());
            sd.add(rep.interceptStdError());
        }
        for (int j = 0; j < rep.coefficients().length; j++) {
            est.add(rep.coefficients()[j]);
            sd.add(rep.stdErrors()[j]);
        }
        JsonNode params = cert.get("parameters");
        if (params.size() != est.size()) {
            throw new AssertionError("parameter count " + est.size() + " vs certified " + params.size());
        }
        double minEst = CAP;
        double minSd = CAP;
        for (int j = 0; j < est.size(); j++) {
            minEst = Math.min(minEst, lre(est.get(j), params.get(j).get("estimate").asText()));
            minSd = Math.min(minSd, lre(sd.get(j), params.get(j).get("std_dev").asText()));
        }
        return new Lre(minEst, minSd, lre(rep.residualStdError(), cert.get("residual_std_dev").asText()),
                lre(rep.rSquared(), cert.get("r_squared").asText()));
    }

    /** Design columns (without the ones column) and y for one data set. */
    record Design(List<String> names, double[][] x, double[] y, boolean intercept) {
    }

    static Design design(String name, JsonNode model) {
        SolverTestData.Table t = SolverTestData.csv("nist/" + name + ".csv");
        double[] y = t.col("y");
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        JsonNode deg = model.get("polynomial_degree");
        if (deg != null && !deg.isNull()) {
            double[] x = t.col("x");
            double[] pow = x.clone();
            for (int k = 1; k <= deg.asInt(); k++) {
                names.add(k == 1 ? "x" : "x^" + k);
                cols.add(pow.clone());
                for (int i = 0; i < pow.length; i++) {
                    pow[i] *= x[i]; // exact for these data sets: integers or short decimals, low powers
                }
            }
        } else {
            for (String c : t.names()) {
                if (!c.equals("y")) {
                    names.add(c);
                    cols.add(t.col(c));
                }
            }
        }
        return new Design(names, cols.toArray(new double[0][]), y, model.get("intercept").asBoolean());
    }

    @Test
    void qrRouteReachesNineDigitsEverywhere() {
        JsonNode sets = SolverTestData.json("nist/certified.json").get("datasets");
        Map<String, Lre[]> table = new LinkedHashMap<>();
        for (Iterator<String> it = sets.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode ds = sets.get(name);
            Design d = design(name, ds.get("model"));
            JsonNode cert = ds.get("certified");
            int q = d.names().size() + (d.intercept() ? 2 : 1);
            List<double[]> blocks = SolverTestData.blocks(d.x(), d.y(), d.intercept(), 8);
            double[] r = SolverTestData.tsqrTree(blocks, q);
            LeastSquaresSolution plain = QrLeastSquares.solve(r, d.y().length, d.names(), d.intercept());
            LeastSquaresSolution once = QrLeastSquares.refine(r, plain, blocks);
            LeastSquaresSolution twice = QrLeastSquares.refine(r, once, blocks);
            Lre ne;
            try {
                CrossProducts cp = SolverTestData.exactCrossProducts(d.x(), d.y(), d.intercept());
                ne = score(NormalEquations.ols(cp, d.names()).report(), cert);
            } catch (BadInputException e) {
                ne = new Lre(0, 0, 0, 0);
                System.out.println(name + ": normal equations rejected the design: " + e.getMessage());
            }
            table.put(name, new Lre[] {score(plain.report(), cert), score(once.report(), cert),
                score(twice.report(), cert), ne});
        }
        System.out.println("NIST StRD minimum LRE (estimates, std devs, residual SD, R^2); blocks of 8 rows, tree merge");
        System.out.printf("%-9s | %-23s | %-23s | %-23s | %-23s%n", "dataset", "TSQR", "TSQR + 1 refinement",
                "TSQR + 2 refinements", "normal equations");
        for (var e : table.entrySet()) {
            Lre[] v = e.getValue();
            System.out.printf("%-9s | %s | %s | %s | %s%n", e.getKey(), v[0], v[1], v[2], v[3]);
        }
        for (var e : table.entrySet()) {
            Lre refined = e.getValue()[1];
            assertTrue(refined.min() >= 9.0, () -> e.getKey() + ": refined QR route LRE " + refined + " < 9 (required)");
            // regression guard: measured minimum is 13.2 (Wampler2 estimates); plain TSQR alone gets only 9.5
            assertTrue(refined.min() >= 12.0, () -> e.getKey() + ": refined QR route LRE " + refined + " < 12");
        }
    }
}
