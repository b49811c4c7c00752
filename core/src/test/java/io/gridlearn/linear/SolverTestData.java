package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test-side data helpers: CSV/JSON loading, exact cross products, blocks and TSQR reductions. */
final class SolverTestData {
    private static final MathContext MC = new MathContext(60);

    private SolverTestData() {
    }

    /** A numeric table: column names and column-major values. */
    record Table(List<String> names, double[][] cols) {
        int rows() {
            return cols[0].length;
        }

        double[] col(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name);
            }
            return cols[i];
        }
    }

    static Table csv(String resource) {
        try (InputStream in = SolverTestData.class.getResourceAsStream(path(resource))) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String> names = Arrays.asList(r.readLine().trim().split(","));
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split(",");
                double[] row = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    row[i] = Double.parseDouble(f[i]);
                }
                rows.add(row);
            }
            double[][] cols = new double[names.size()][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < names.size(); j++) {
                    cols[j][i] = rows.get(i)[j];
                }
            }
            return new Table(names, cols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try (InputStream in = SolverTestData.class.getResourceAsStream(path(resource))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode arr) {
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asDouble();
        }
        return out;
    }

    /**
     * Cross products computed exactly: sums of exact BigDecimal products of the doubles, centring done
     * in exact arithmetic ({@code (n sum xy - sum x sum y) / n}, the division to 60 digits), then rounded once to double.
     */
    static CrossProducts exactCrossProducts(double[][] x, double[] y, boolean centred) {
        int p = x.length;
        int n = y.length;
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal[] sx = new BigDecimal[p];
        for (int j = 0; j < p; j++) {
            sx[j] = sum(x[j]);
        }
        BigDecimal sy = sum(y);
        double[] xMean = new double[p];
        double[] xx = new double[p * p];
        double[] xy = new double[p];
        for (int j = 0; j < p; j++) {
            xMean[j] = sx[j].divide(bn, MC).doubleValue();
            for (int k = j; k < p; k++) {
                BigDecimal s = dot(x[j], x[k]);
                if (centred) { // (n S_jk - S_j S_k) / n: the numerator is exact, so a zero stays an exact zero
                    s = s.multiply(bn).subtract(sx[j].multiply(sx[k])).divide(bn, MC);
                }
                xx[j * p + k] = s.doubleValue();
                xx[k * p + j] = xx[j * p + k];
            }
            BigDecimal s = dot(x[j], y);
            xy[j] = (centred ? s.multiply(bn).subtract(sx[j].multiply(sy)).divide(bn, MC) : s).doubleValue();
        }
        BigDecimal yy = dot(y, y);
        if (centred) {
            yy = yy.multiply(bn).subtract(sy.multiply(sy)).divide(bn, MC);
        }
        return new CrossProducts(n, p, xMean, sy.divide(bn, MC).doubleValue(), xx, xy, yy.doubleValue(), centred);
    }

    private static BigDecimal sum(double[] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : a) {
            s = s.add(new BigDecimal(v));
        }
        return s;
    }

    private static BigDecimal dot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return s;
    }

    /** Design {@code [1?, x..., y]} as column-major blocks of at most {@code blockRows} rows. */
    static List<double[]> blocks(double[][] x, double[] y, boolean intercept, int blockRows) {
        int n = y.length;
        int q = x.length + (intercept ? 2 : 1);
        List<double[]> out = new ArrayList<>();
        for (int start = 0; start < n; start += blockRows) {
            int rows = Math.min(blockRows, n - start);
            double[] b = new double[rows * q];
            for (int i = 0; i < rows; i++) {
                int c = 0;
                if (intercept) {
                    b[i] = 1.0;
                    c = 1;
                }
                for (double[] col : x) {
                    b[c * rows + i] = col[start + i];
                    c++;
                }
                b[c * rows + i] = y[start + i];
            }
            out.add(b);
        }
        return out;
    }

    /** Factors each block and merges the R factors pairwise (balanced binary tree). */
    static double[] tsqrTree(List<double[]> blocks, int q) {
        java.util.TreeMap<Integer, double[]> byBlock = new java.util.TreeMap<>();
        for (double[] b : blocks) {
            byBlock.put(byBlock.size(), BlockQr.factor(b, b.length / q, q));
        }
        return RFactors.mergeInOrder(byBlock, q); // the production tree
    }

    /** Factors each block and folds the R factors left to right (sequential TSQR). */
    static double[] tsqrFold(List<double[]> blocks, int q) {
        double[] r = null;
        for (double[] b : blocks) {
            double[] rb = BlockQr.factor(b, b.length / q, q);
            r = r == null ? rb : BlockQr.merge(r, rb, q);
        }
        return r;
    }

    static double relErr(double actual, double expected) {
        if (actual == expected) {
            return 0.0;
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    /** Where the shared files live in this module's test resources (see datasets/README.md). */
    private static String path(String resource) {
        if (resource.startsWith("synthetic/")) {
            return "/" + resource;
        }
        return "/datasets/" + resource.replace("nist/", "nist-strd/");
    }
}
