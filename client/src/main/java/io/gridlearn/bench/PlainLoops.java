package io.gridlearn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The baselines: what a programmer would write in plain Java over the data held in one row-major
 * {@code double[]} (row r, column c at {@code r * (d + 1) + c}), with no grid. Every loop but {@link #load}
 * splits the rows into one contiguous range per core ({@code availableProcessors()}) and adds the partial
 * results at the end, so each grid job is compared with the machine's plain all-core throughput for the same
 * arithmetic. Results are laid out like the grid kernel's they are compared with.
 */
final class PlainLoops {
    private final int rows;
    private final int features;
    private final int q;
    private final ExecutorService pool;

    /** @param pool a pool with at least {@code availableProcessors()} threads */
    PlainLoops(int rows, int features, ExecutorService pool) {
        this.rows = rows;
        this.features = features;
        this.q = features + 1;
        this.pool = pool;
    }

    /** The plain load: {@code readLine}, {@code split}, {@code parseDouble}, into one row-major array, one thread. */
    double[] load(Path file) throws IOException {
        double[] data = new double[rows * q];
        int r = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                int base = r * q;
                for (int c = 0; c < q; c++) {
                    data[base + c] = Double.parseDouble(f[c]);
                }
                r++;
            }
        }
        if (r != rows) {
            throw new IllegalStateException("read " + r + " rows, expected " + rows);
        }
        return data;
    }

    /**
     * Least squares with an intercept: Z'Z and Σz of z = [x, y] with the naive triple loop, then the normal
     * equations solved by a textbook Cholesky. Returns [b0, b1 … bd].
     */
    double[] fit(double[] data) throws Exception {
        int tri = q * (q + 1) / 2;
        double[] g = allCores(tri + q, (from, to, acc) -> {
            for (int r = from; r < to; r++) {
                int base = r * q;
                for (int j = 0; j < q; j++) {
                    double xj = data[base + j];
                    int row = j * (j + 1) / 2;
                    for (int k = 0; k <= j; k++) {
                        acc[row + k] += xj * data[base + k];
                    }
                    acc[tri + j] += xj;
                }
            }
        });
        // normal equations for [1, x]: A = [[n, Σx'], [Σx, X'X]], rhs = [Σy, X'y]
        int p = features + 1;
        double[] a = new double[p * p];
        double[] rhs = new double[p];
        a[0] = rows;
        rhs[0] = g[tri + features];
        for (int j = 0; j < features; j++) {
            a[(j + 1) * p] = g[tri + j];
            a[j + 1] = g[tri + j];
            for (int k = 0; k <= j; k++) {
                double v = g[j * (j + 1) / 2 + k];
                a[(j + 1) * p + k + 1] = v;
                a[(k + 1) * p + j + 1] = v;
            }
            rhs[j + 1] = g[features * (features + 1) / 2 + j];
        }
        return choleskySolve(a, rhs, p);
    }

    /** Solves A x = b for a symmetric positive definite n × n {@code a} (row-major) by a textbook Cholesky. */
    static double[] choleskySolve(double[] a, double[] b, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("matrix is not positive definite");
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /**
     * Linear predictions ŷ = b0 + Σ b_j x_j for every row into a new {@code double[rows]}, with fused
     * multiply-adds in feature order: the arithmetic of {@code LinearPredictor}, which the grid's
     * {@code predict --into} runs next to the data.
     */
    double[] predict(double[] data, double intercept, double[] coefficients) throws Exception {
        double[] out = new double[rows];
        allCores(0, (from, to, acc) -> {
            for (int r = from; r < to; r++) {
                int base = r * q;
                double y = intercept;
                for (int j = 0; j < features; j++) {
                    y = Math.fma(coefficients[j], data[base + j], y);
                }
                out[r] = y;
            }
        });
        return out;
    }

    /**
     * One Newton iteration of logistic regression at θ, in the working scale z = (1, (x − center) / scale),
     * laid out like {@code BinaryKernel}'s result: [rows, 0, 0, sure rows, log L, X'(y − p) (d + 1), X'WX
     * packed lower (row by row, = the upper triangle by columns)].
     */
    double[] newton(double[] data, double[] center, double[] scale, double[] theta) throws Exception {
        int w = features + 1;
        int h0 = 5 + w;
        return allCores(h0 + w * (w + 1) / 2, (from, to, acc) -> {
            double[] z = new double[w];
            z[0] = 1.0;
            for (int r = from; r < to; r++) {
                int base = r * q;
                for (int j = 0; j < features; j++) {
                    z[j + 1] = (data[base + j] - center[j]) / scale[j];
                }
                int y = (int) data[base + features];
                double eta = 0.0;
                for (int j = 0; j < w; j++) {
                    eta += theta[j] * z[j];
                }
                double e = Math.exp(-Math.abs(eta));
                double p1 = eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                double p0 = eta >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
                acc[0]++;
                acc[4] += y * eta - Math.max(eta, 0.0) - Math.log1p(e);
                if ((y == 1 ? p0 : p1) <= 1e-10) {
                    acc[3]++;
                }
                double resid = y == 1 ? p0 : -p1;
                for (int j = 0; j < w; j++) {
                    acc[5 + j] += resid * z[j];
                }
                double wt = p1 * p0;
                for (int i = 0; i < w; i++) {
                    double wi = wt * z[i];
                    int row = h0 + i * (i + 1) / 2;
                    for (int j = 0; j <= i; j++) {
                        acc[row + j] += wi * z[j];
                    }
                }
            }
        });
    }

    /**
     * One IRLS iteration of a Poisson GLM with the log link at θ on the raw features x = (1, x₁ … x_d): with
     * μ = e^η the IRLS weight is μ and the working response η + (y − μ)/μ. Laid out as [rows, deviance,
     * X'Wz (d + 1), X'WX packed lower (row by row)].
     */
    double[] poissonIrls(double[] data, double[] theta) throws Exception {
        int w = features + 1;
        int h0 = 2 + w;
        return allCores(h0 + w * (w + 1) / 2, (from, to, acc) -> {
            double[] x = new double[w];
            x[0] = 1.0;
            for (int r = from; r < to; r++) {
                int base = r * q;
                for (int j = 0; j < features; j++) {
                    x[j + 1] = data[base + j];
                }
                double y = data[base + features];
                double eta = 0.0;
                for (int j = 0; j < w; j++) {
                    eta += theta[j] * x[j];
                }
                double mu = Math.exp(eta);
                acc[0]++;
                acc[1] += 2 * ((y > 0 ? y * Math.log(y / mu) : 0.0) - (y - mu));
                double wz = mu * eta + (y - mu);
                for (int j = 0; j < w; j++) {
                    acc[2 + j] += wz * x[j];
                }
                for (int i = 0; i < w; i++) {
                    double wi = mu * x[i];
                    int row = h0 + i * (i + 1) / 2;
                    for (int j = 0; j <= i; j++) {
                        acc[row + j] += wi * x[j];
                    }
                }
            }
        });
    }

    /**
     * One Lloyd iteration at {@code k} centres (row-major k × d), laid out like {@code LloydKernel}'s result:
     * per-cluster sums (k × d), counts (k), inertia, non-finite rows (always 0 here). Distances by fused
     * multiply-adds in feature order, ties to the lowest index, as the kernel does.
     */
    double[] lloyd(double[] data, double[] centres, int k) throws Exception {
        int p = features;
        int kp = k * p;
        return allCores(kp + k + 2, (from, to, acc) -> {
            for (int r = from; r < to; r++) {
                int base = r * q;
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = 0;
                    int cb = c * p;
                    for (int j = 0; j < p; j++) {
                        double t = data[base + j] - centres[cb + j];
                        d = Math.fma(t, t, d);
                    }
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                int sb = best * p;
                for (int j = 0; j < p; j++) {
                    acc[sb + j] += data[base + j];
                }
                acc[kp + best]++;
                acc[kp + k] += bestD;
            }
        });
    }

    /**
     * A whole logistic regression fit by Newton's method, minimising (1/n) Σ logloss(yᵢ, b₀ + xᵢ·b) + (λ/2)‖b‖²
     * (intercept unpenalised) on the raw features: each iteration is one {@link #newton} pass at θ, then
     * θ ← θ − H⁻¹g with g = −X'(y − p)/n + λθ̃ and H = X'WX/n + λĨ (θ̃, Ĩ: the intercept's entry zero), solved by
     * {@link #choleskySolve}. Stops when max |g| ≤ {@code tol} (at most 100 iterations).
     *
     * @return [objective, iterations, b₀, b₁ … b_d]
     */
    double[] newtonFit(double[] data, double lambda, double tol) throws Exception {
        int w = features + 1;
        int h0 = 5 + w;
        double[] center = new double[features];
        double[] scale = new double[features];
        java.util.Arrays.fill(scale, 1.0);
        double[] theta = new double[w];
        double objective = Double.NaN;
        int it = 0;
        while (it < 100) {
            double[] s = newton(data, center, scale, theta);
            double n = s[0];
            double penalty = 0;
            double[] g = new double[w];
            double[] h = new double[w * w];
            for (int i = 0; i < w; i++) {
                g[i] = -s[5 + i] / n + (i > 0 ? lambda * theta[i] : 0);
                penalty += i > 0 ? theta[i] * theta[i] : 0;
                for (int j = 0; j <= i; j++) {
                    double v = s[h0 + i * (i + 1) / 2 + j] / n + (i == j && i > 0 ? lambda : 0);
                    h[i * w + j] = v;
                    h[j * w + i] = v;
                }
            }
            objective = -s[4] / n + lambda / 2 * penalty;
            double largest = 0;
            for (double v : g) {
                largest = Math.max(largest, Math.abs(v));
            }
            if (largest <= tol) {
                break;
            }
            double[] step = choleskySolve(h, g, w);
            for (int i = 0; i < w; i++) {
                theta[i] -= step[i];
            }
            it++;
        }
        double[] out = new double[2 + w];
        out[0] = objective;
        out[1] = it;
        System.arraycopy(theta, 0, out, 2, w);
        return out;
    }

    /**
     * A whole k-means fit as scikit-learn runs it ({@code KMeans(init="k-means++", n_init=1)}): greedy
     * k-means++ (Arthur and Vassilvitskii 2007, with scikit-learn's 2 + ⌊ln k⌋ candidates per step, the one
     * that lowers the potential most kept; one pass per step), then {@link #lloyd} iterations until the squared
     * movement of the centres is at most {@code tol} × the mean per-feature variance, or {@code maxIter}.
     *
     * @return [inertia, iterations, centres (k × d, row-major)]
     */
    double[] kmeansFit(double[] data, int k, long seed, double tol, int maxIter) throws Exception {
        int p = features;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] centres = new double[k * p];
        double[] d2 = new double[rows];
        int first = random.nextInt(rows);
        System.arraycopy(data, first * q, centres, 0, p);
        double[] potential = allCores(1, (from, to, acc) -> {
            for (int r = from; r < to; r++) {
                d2[r] = squaredDistance(data, r * q, centres, 0, p);
                acc[0] += d2[r];
            }
        });
        int trials = 2 + (int) Math.log(k);
        for (int c = 1; c < k; c++) {
            double[] cumulative = new double[rows];
            double run = 0;
            for (int r = 0; r < rows; r++) {
                run += d2[r];
                cumulative[r] = run;
            }
            int[] candidate = new int[trials];
            for (int t = 0; t < trials; t++) {
                int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * run);
                candidate[t] = Math.min(rows - 1, i >= 0 ? i : -i - 1);
            }
            double[] pot = allCores(trials, (from, to, acc) -> {
                for (int r = from; r < to; r++) {
                    for (int t = 0; t < trials; t++) {
                        acc[t] += Math.min(d2[r], squaredDistance(data, r * q, data, candidate[t] * q, p));
                    }
                }
            });
            int best = 0;
            for (int t = 1; t < trials; t++) {
                if (pot[t] < pot[best]) {
                    best = t;
                }
            }
            int chosen = candidate[best];
            System.arraycopy(data, chosen * q, centres, c * p, p);
            allCores(0, (from, to, acc) -> {
                for (int r = from; r < to; r++) {
                    d2[r] = Math.min(d2[r], squaredDistance(data, r * q, data, chosen * q, p));
                }
            });
            potential = pot;
        }
        double[] moments = allCores(2 * p, (from, to, acc) -> {
            for (int r = from; r < to; r++) {
                for (int j = 0; j < p; j++) {
                    double x = data[r * q + j];
                    acc[j] += x;
                    acc[p + j] += x * x;
                }
            }
        });
        double meanVariance = 0;
        for (int j = 0; j < p; j++) {
            double m = moments[j] / rows;
            meanVariance += moments[p + j] / rows - m * m;
        }
        double threshold = tol * meanVariance / p;
        double inertia = potential[0];
        int it = 0;
        while (it < maxIter) {
            double[] s = lloyd(data, centres, k);
            inertia = s[k * p + k];
            it++;
            double moved = 0;
            for (int c = 0; c < k; c++) {
                double count = s[k * p + c];
                if (count == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    double next = s[c * p + j] / count;
                    double t = next - centres[c * p + j];
                    moved += t * t;
                    centres[c * p + j] = next;
                }
            }
            if (moved <= threshold) {
                break;
            }
        }
        double[] out = new double[2 + k * p];
        out[0] = inertia;
        out[1] = it;
        System.arraycopy(centres, 0, out, 2, k * p);
        return out;
    }

    private static double squaredDistance(double[] a, int ai, double[] b, int bi, int p) {
        double d = 0;
        for (int j = 0; j < p; j++) {
            double t = a[ai + j] - b[bi + j];
            d = Math.fma(t, t, d);
        }
        return d;
    }

    /** Runs {@code body(from, to, acc)} on one contiguous row range per core and adds the partial vectors. */
    private double[] allCores(int width, RangeBody body) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Future<double[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) rows * t / threads);
            int to = (int) ((long) rows * (t + 1) / threads);
            parts.add(pool.submit(() -> {
                double[] acc = new double[width];
                body.run(from, to, acc);
                return acc;
            }));
        }
        double[] total = new double[width];
        for (Future<double[]> f : parts) {
            double[] p = f.get();
            for (int i = 0; i < width; i++) {
                total[i] += p[i];
            }
        }
        return total;
    }

    /** The work on one row range, accumulating into {@code acc}. */
    private interface RangeBody {
        void run(int from, int to, double[] acc);
    }
}
