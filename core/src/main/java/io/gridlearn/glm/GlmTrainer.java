package io.gridlearn.glm;

import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.Missing;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.pass.Weights;
import io.gridlearn.stats.Gamma;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits a generalized linear model (algorithm {@code "glm"}) by iteratively reweighted least squares, one
 * {@link GlmKernel} pass per iteration, as statsmodels' {@code GLM.fit()} (0.13) does: the first pass starts
 * from statsmodels' starting means, every later pass evaluates the current coefficients and returns X'WX and
 * X'Wz, and one weighted least-squares solve (Cholesky; with an L1 penalty, coordinate descent on the same
 * quadratic model) gives the next iterate. A step that raises the objective, or leaves the family's domain
 * (a negative Poisson mean under an identity link, say), is halved, up to {@value #MAX_HALVINGS} times, each
 * trial one more pass. Every iteration is a checkpoint: the listener gets a model whose summary holds the
 * exact coefficients, from which a fit resumes to the same bits.
 *
 * <p>Passes: one to check the rows ({@link GlmPrepKernel}; a second, {@link BadRowSampler}, only to name the
 * first bad row), one per iteration (more when halving), and one or more for the null deviance (an IRLS fit of
 * the intercept alone when there is an offset, as statsmodels).
 */
public final class GlmTrainer {
    static final int MAX_HALVINGS = 40;
    static final String PARAMETERS = "workingParameters";
    /** Below this relative step, a step that no longer shrinks is rounding noise: converged. */
    static final double NOISE_FLOOR = 1e-9;

    private final PassRunner runner;
    private final int[] cols;
    private final int target;
    private final int weight;
    private final int offset;
    private final List<String> features;
    private final String targetName;
    private final List<String> columnNames;
    private final GlmOptions o;
    private final Distribution dist;
    private final int q;

    /**
     * A trainer over the rows the runner's passes visit.
     *
     * @param runner         runs the passes over the dataset's blocks (locally or in the grid)
     * @param featureColumns positions of the features in the blocks
     * @param targetColumn   position of the response
     * @param weightColumn   position of the frequency weights, or −1
     * @param offsetColumn   position of the offset, or −1
     * @param features       the features' names, in the order of {@code featureColumns} (the model's features)
     * @param target         the response's name
     * @param columnNames    every column's name, by position (for messages)
     * @param options        family, link, offset, weights, penalty, limits and missing-value rule
     */
    public GlmTrainer(PassRunner runner, int[] featureColumns, int targetColumn, int weightColumn, int offsetColumn,
                      List<String> features, String target, List<String> columnNames, GlmOptions options) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.cols = featureColumns.clone();
        this.target = targetColumn;
        this.weight = weightColumn;
        this.offset = offsetColumn;
        this.features = List.copyOf(features);
        this.targetName = target;
        this.columnNames = List.copyOf(columnNames);
        this.o = Objects.requireNonNull(options, "options");
        this.dist = new Distribution(o.family(), o.link(), o.variancePower(), o.linkPower(), o.nbAlpha());
        this.q = cols.length + 1;
    }

    /** One evaluation: the kernel's sums at a point. */
    private record Eval(double[] s, double objective, boolean valid) {
        double deviance() {
            return s[GlmKernel.DEVIANCE];
        }
    }

    private record Prep(long rows, double weightSum, double mean, long skipped) {
    }

    /**
     * Checks the rows, then runs IRLS to convergence, then the passes for the null deviance and the final
     * statistics. Refuses bad rows, before any iteration, naming the first one.
     *
     * @param listener   gets the checkpoint model after every iteration, or null
     * @param resumeFrom a checkpoint of this fit (same features, family, link, powers, α, offset and weights)
     *                   to continue from to the same bits, or null to start from statsmodels' starting means
     * @return the fitted model: coefficients, standard errors, z and p values (unless penalised), dispersion,
     *         deviance, null deviance, Pearson χ², log-likelihood, AIC and the iteration count
     */
    public ModelDocument fit(IterationListener listener, ModelDocument resumeFrom) {
        IterationListener l = listener == null ? IterationListener.NONE : listener;
        Prep prep = prepare();
        if (o.family().estimatesDispersion() && !(prep.weightSum() > q)) {
            throw new BadInputException("the " + o.family().cliName() + " family estimates its dispersion from "
                    + "Σ weights − parameters degrees of freedom, and there are " + prep.weightSum() + " (weighted) "
                    + "rows for " + q + " parameters");
        }
        double[] beta = null;
        int iter = 0;
        double prevStep = Double.NaN;
        boolean converged = false;
        if (resumeFrom != null) {
            checkResumable(resumeFrom);
            Map<String, Object> s = resumeFrom.summary() == null ? Map.of() : resumeFrom.summary();
            beta = doubles(s.get(PARAMETERS));
            if (beta == null) {
                if (resumeFrom.intercept() == null || resumeFrom.coefficients() == null) {
                    throw new BadInputException("cannot resume: the checkpoint has no coefficients");
                }
                beta = new double[q];
                beta[0] = resumeFrom.intercept();
                System.arraycopy(resumeFrom.coefficients(), 0, beta, 1, Math.min(q - 1,
                        resumeFrom.coefficients().length));
            }
            if (beta.length != q) {
                throw new BadInputException("cannot resume: the checkpoint has " + beta.length + " parameters, this"
                        + " fit has " + q);
            }
            iter = s.get("iteration") instanceof Number n ? n.intValue() : 0;
            prevStep = s.get("step") instanceof Number n ? n.doubleValue() : Double.NaN;
            converged = Boolean.TRUE.equals(s.get("converged"));
        }
        Eval e = evaluate(cols, beta, prep);
        while (!converged) {
            if (iter >= o.maxIter()) {
                throw new GridlearnException("GLM fit did not converge in " + o.maxIter() + " iterations (last "
                        + "relative step " + prevStep + ", tol " + o.tol() + "); resume from the last checkpoint with a"
                        + " larger maxIter or a larger tol");
            }
            double[] full = solve(e, beta, q, prep.weightSum());
            double[] trial = full;
            Eval next = evaluate(cols, trial, prep);
            if (beta != null) {
                double t = 1.0;
                int halvings = 0;
                while (!next.valid() || next.objective() > e.objective() + 1e-13 * Math.abs(e.objective())) {
                    if (++halvings > MAX_HALVINGS) {
                        throw new GridlearnException("GLM fit: " + MAX_HALVINGS + " step halvings did not "
                                + (next.valid() ? "decrease the deviance" : "bring the fitted means back into the "
                                + o.family().cliName() + " family's domain") + " at iteration " + (iter + 1));
                    }
                    t /= 2;
                    trial = new double[q];
                    for (int j = 0; j < q; j++) {
                        trial[j] = beta[j] + t * (full[j] - beta[j]);
                    }
                    next = evaluate(cols, trial, prep);
                }
            } else if (!next.valid()) {
                throw new BadInputException("the first IRLS step gives " + (long) next.s()[GlmKernel.INVALID]
                        + " row(s) a fitted mean outside the " + o.family().cliName() + " family's domain with the "
                        + o.link().cliName() + " link; use the family's default link ("
                        + o.family().defaultLink().cliName() + ")");
            }
            double step = Double.POSITIVE_INFINITY;
            if (beta != null) {
                double big = 0.0;
                double move = 0.0;
                for (int j = 0; j < q; j++) {
                    big = Math.max(big, Math.abs(full[j]));
                    move = Math.max(move, Math.abs(full[j] - beta[j]));
                }
                step = move / (1.0 + big);
            }
            converged = step <= o.tol()
                    || (step <= NOISE_FLOOR && !Double.isNaN(prevStep) && step >= 0.9 * prevStep);
            beta = trial;
            e = next;
            iter++;
            prevStep = step;
            l.onIteration(document(beta, e, iter, step, converged, prep, null));
        }
        return document(beta, e, iter, prevStep, true, prep, finalStatistics(beta, e, prep));
    }

    private void checkResumable(ModelDocument m) {
        if (m.features() != null && !m.features().equals(features)) {
            throw new BadInputException("cannot resume: the checkpoint's features " + m.features() + " differ from "
                    + features);
        }
        Map<String, Object> mine = extensions(null);
        for (String k : List.of("family", "link", "variancePower", "linkPower", "nbAlpha", "offset", "weights")) {
            Object a = mine.get(k);
            Object b = m.extension(k);
            boolean same = a == null ? b == null
                    : b != null && (a instanceof Number x && b instanceof Number y
                    ? x.doubleValue() == y.doubleValue() : a.equals(b));
            if (!same) {
                throw new BadInputException("cannot resume: the checkpoint has " + k + " " + b + ", this fit " + a);
            }
        }
    }

    /** The checking pass; refuses bad rows naming the first one, its column and value. */
    private Prep prepare() {
        double[] s = runner.sum(new GlmPrepKernel(cols, target, weight, offset, o));
        long[] problems = new long[6];
        long refused = 0;
        for (int k = RowCheck.TARGET_NOT_FINITE; k <= RowCheck.FEATURE_NOT_FINITE; k++) {
            problems[k] = (long) s[2 + k];
            if (k != RowCheck.FEATURE_NOT_FINITE || !o.skipMissing()) {
                refused += problems[k];
            }
        }
        if (refused > 0) {
            Map.Entry<Long, double[]> first = runner.sample(new BadRowSampler(cols, target, weight, offset, o,
                    !o.skipMissing())).entrySet().iterator().next();
            double[] v = first.getValue();
            int kind = (int) v[0];
            String column = columnNames.get((int) v[1]);
            String where = "row " + first.getKey() + ", column '" + column + "'";
            String value = Double.toString(v[2]);
            String what = switch (kind) {
                case RowCheck.TARGET_NOT_FINITE -> where + ": the response is missing or not finite (" + value
                        + "); a row without a response cannot be used";
                case RowCheck.BAD_WEIGHT -> where + ": " + Weights.problem(v[2]);
                case RowCheck.OFFSET_NOT_FINITE -> where + ": the offset is missing or not finite (" + value + ")";
                case RowCheck.RESPONSE_OUTSIDE -> where + ": the " + o.family().cliName() + " family needs "
                        + dist.support() + " as the response, the row has " + value;
                default -> where + ": a missing or non-finite feature value (" + value + "); remove or impute it"
                        + " (--missing skip leaves such rows out)";
            };
            throw new BadInputException(problems[kind] + " row(s) cannot be used; the first is " + what);
        }
        long rows = (long) s[0];
        double w = s[1];
        if (rows == 0 || s[GlmPrepKernel.POSITIVE] == 0 || !(w > 0.0)) {
            throw new BadInputException(rows == 0 ? "the dataset has no rows to fit" : "every row has weight 0");
        }
        return new Prep(rows, w, s[2] / w, problems[RowCheck.FEATURE_NOT_FINITE]);
    }

    private Eval evaluate(int[] featureColumns, double[] theta, Prep prep) {
        double[] s = runner.sum(new GlmKernel(featureColumns, cols, target, weight, offset, o, theta, prep.mean()));
        boolean valid = s[GlmKernel.INVALID] == 0 && Double.isFinite(s[GlmKernel.DEVIANCE]);
        double obj = valid ? s[GlmKernel.DEVIANCE] / (2.0 * prep.weightSum()) : Double.POSITIVE_INFINITY;
        if (valid && theta != null && o.penalised()) {
            double l2 = o.lambda() * (1.0 - o.alpha());
            double l1 = o.lambda() * o.alpha();
            for (int j = 1; j < theta.length; j++) {
                obj += 0.5 * l2 * theta[j] * theta[j] + l1 * Math.abs(theta[j]);
            }
        }
        return new Eval(s, obj, valid);
    }

    /** The penalised weighted least-squares solution from one evaluation's X'WX and X'Wz. */
    private double[] solve(Eval e, double[] from, int d, double weightSum) {
        double[] s = e.s();
        int h0 = GlmKernel.HEAD + d;
        double[] a = new double[d * d];
        double[] c = new double[d];
        double scale = o.penalised() ? 1.0 / weightSum : 1.0;
        for (int i = 0; i < d; i++) {
            c[i] = s[GlmKernel.HEAD + i] * scale;
            for (int j = 0; j <= i; j++) {
                double v = s[h0 + GlmKernel.packed(i, j)] * scale;
                a[i * d + j] = v;
                a[j * d + i] = v;
            }
        }
        double l2 = o.lambda() * (1.0 - o.alpha());
        double l1 = o.lambda() * o.alpha();
        for (int i = 1; i < d; i++) {
            a[i * d + i] += l2;
        }
        if (l1 > 0.0) {
            return coordinateDescent(a, c, from == null ? new double[d] : from.clone(), d, l1);
        }
        double[] chol;
        try {
            chol = cholesky(a, d);
        } catch (ArithmeticException singular) {
            throw new BadInputException("X'WX is singular: features are collinear (or constant); drop the redundant"
                    + " features or add a penalty, e.g. --lambda 1e-3");
        }
        return cholSolve(chol, c, d);
    }

    /** Minimises ½b'Ab − c'b + l1 Σ_{j>0} |b_j| by cyclic coordinate descent with soft thresholding. */
    static double[] coordinateDescent(double[] a, double[] c, double[] b, int d, double l1) {
        double[] r = new double[d]; // r = A b − c, the gradient of the smooth part
        for (int i = 0; i < d; i++) {
            double v = -c[i];
            for (int k = 0; k < d; k++) {
                v += a[i * d + k] * b[k];
            }
            r[i] = v;
        }
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double maxd = 0.0;
            double maxb = 0.0;
            for (int i = 0; i < d; i++) {
                double aii = a[i * d + i];
                if (aii <= 0.0) {
                    continue;
                }
                double z = aii * b[i] - r[i];
                double w = i == 0 ? 0.0 : l1;
                double nb = (z > w ? z - w : z < -w ? z + w : 0.0) / aii;
                double delta = nb - b[i];
                if (delta != 0.0) {
                    for (int k = 0; k < d; k++) {
                        r[k] += a[k * d + i] * delta;
                    }
                    b[i] = nb;
                    maxd = Math.max(maxd, Math.abs(delta) * Math.sqrt(aii));
                }
                maxb = Math.max(maxb, Math.abs(b[i]) * Math.sqrt(aii));
            }
            if (maxd <= 1e-15 * Math.max(1.0, maxb)) {
                break;
            }
        }
        return b;
    }

    /** Lower Cholesky factor of the d×d matrix a (row major); ArithmeticException when not positive definite. */
    static double[] cholesky(double[] a, int d) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * d + k] * l[j * d + k];
                }
                if (i == j) {
                    if (!(s > 1e-13 * Math.abs(a[i * d + i])) || !(s > 0)) {
                        throw new ArithmeticException("not positive definite");
                    }
                    l[i * d + i] = Math.sqrt(s);
                } else {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
        }
        return l;
    }

    static double[] cholSolve(double[] l, double[] b, int d) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * d + k] * y[k];
            }
            y[i] = s / l[i * d + i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k * d + i] * x[k];
            }
            x[i] = s / l[i * d + i];
        }
        return x;
    }

    /** The inverse of a d×d positive definite matrix from its Cholesky factor. */
    static double[] inverse(double[] l, int d) {
        double[] inv = new double[d * d];
        for (int j = 0; j < d; j++) {
            double[] e = new double[d];
            e[j] = 1.0;
            double[] col = cholSolve(l, e, d);
            for (int i = 0; i < d; i++) {
                inv[i * d + j] = col[i];
            }
        }
        return inv;
    }

    /** Statistics of the final model, as statsmodels' GLMResults. */
    private Map<String, Object> finalStatistics(double[] beta, Eval e, Prep prep) {
        double[] s = e.s();
        double n = prep.weightSum();
        double deviance = s[GlmKernel.DEVIANCE];
        double pearson = s[GlmKernel.PEARSON];
        double dfResid = n - q;
        double scale = o.family().estimatesDispersion() ? pearson / dfResid : 1.0;
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("deviance", deviance);
        st.put("nullDeviance", nullDeviance(prep));
        st.put("pearsonChi2", pearson);
        st.put("scale", scale);
        Double llf = logLikelihood(s, n, scale, deviance);
        st.put("logLikelihood", llf);
        st.put("aic", llf == null ? null : -2.0 * llf + 2.0 * q);
        st.put("dfResid", dfResid);
        st.put("dfModel", (double) (q - 1));
        st.put("nobs", n);
        if (!o.penalised()) {
            double[] a = new double[q * q];
            int h0 = GlmKernel.HEAD + q;
            for (int i = 0; i < q; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = s[h0 + GlmKernel.packed(i, j)];
                    a[i * q + j] = v;
                    a[j * q + i] = v;
                }
            }
            double[] inv;
            try {
                inv = inverse(cholesky(a, q), q);
            } catch (ArithmeticException singular) {
                throw new BadInputException("X'WX is singular at the optimum: features are collinear; drop the"
                        + " redundant features or add a penalty");
            }
            double[] se = new double[q];
            double[] z = new double[q];
            double[] p = new double[q];
            for (int j = 0; j < q; j++) {
                se[j] = Math.sqrt(scale * inv[j * q + j]);
                z[j] = beta[j] / se[j];
                p[j] = NormalTail.twoSided(z[j]);
            }
            st.put("se", se);
            st.put("z", z);
            st.put("p", p);
        }
        return st;
    }

    /** statsmodels' llf at the estimated scale (Gaussian-identity: the concentrated one); null for Tweedie. */
    private Double logLikelihood(double[] s, double n, double scale, double deviance) {
        double a = s[GlmKernel.LL];
        double b = s[GlmKernel.LL + 1];
        double c = s[GlmKernel.LL + 2];
        switch (o.family()) {
            case POISSON:
            case BINOMIAL:
            case NEGATIVE_BINOMIAL:
                return a;
            case GAUSSIAN: {
                double sc = o.link() == Link.IDENTITY ? deviance / n : scale;
                return -deviance / (2.0 * sc) - n * (Math.log(sc) + Math.log(2.0 * Math.PI)) / 2.0;
            }
            case GAMMA: {
                double ws = 1.0 / scale;
                return ws * a + n * ws * Math.log(ws) - ws * b - n * Gamma.logGamma(ws) - c;
            }
            default:
                return null;
        }
    }

    /**
     * statsmodels' null deviance: at the weighted mean response without an offset; with one, at the IRLS fit of
     * the intercept alone (with the offset).
     */
    private double nullDeviance(Prep prep) {
        int[] none = new int[0];
        if (offset < 0) {
            return evaluate(none, new double[] {dist.link(prep.mean())}, prep).deviance();
        }
        double[] b = null;
        Eval e = evaluate(none, null, prep);
        GlmOptions plain = o;
        for (int it = 0; it < o.maxIter(); it++) {
            double[] s = e.s();
            double next = s[GlmKernel.HEAD] / s[GlmKernel.HEAD + 1];
            double[] trial = {next};
            Eval ne = evaluate(none, trial, prep);
            double t = 1.0;
            for (int h = 0; b != null && h < MAX_HALVINGS
                    && (!ne.valid() || ne.deviance() > e.deviance() * (1 + 1e-13)); h++) {
                t /= 2;
                trial = new double[] {b[0] + t * (next - b[0])};
                ne = evaluate(none, trial, prep);
            }
            boolean done = b != null && Math.abs(next - b[0]) <= plain.tol() * (1.0 + Math.abs(next));
            b = trial;
            e = ne;
            if (done) {
                break;
            }
        }
        return e.deviance();
    }

    private Map<String, Object> extensions(Double dispersion) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("family", o.family().cliName());
        x.put("link", o.link().cliName());
        x.put("variancePower", o.family() == Family.TWEEDIE ? o.variancePower() : null);
        x.put("linkPower", o.reportedLinkPower());
        x.put("nbAlpha", o.family() == Family.NEGATIVE_BINOMIAL ? o.nbAlpha() : null);
        x.put("offset", o.offset());
        x.put("weights", o.weights());
        x.put("dispersion", dispersion);
        return x;
    }

    private ModelDocument document(double[] beta, Eval e, int iter, double step, boolean converged, Prep prep,
                                   Map<String, Object> fin) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("iteration", iter);
        summary.put("objective", e.objective());
        summary.put("step", Double.isFinite(step) ? step : null);
        summary.put("converged", converged);
        summary.put("lambda", o.lambda());
        summary.put("alpha", o.alpha());
        summary.put("rows", prep.rows());
        if (o.skipMissing()) {
            summary.put(Missing.SKIPPED_ROWS, prep.skipped());
        }
        summary.put(PARAMETERS, beta.clone());
        double[] coef = Arrays.copyOfRange(beta, 1, q);
        Double interceptSe = null;
        double[] se = null;
        double[] z = null;
        double[] p = null;
        Map<String, Map<String, Double>> metrics = null;
        Double dispersion = null;
        if (fin != null) {
            for (Map.Entry<String, Object> en : fin.entrySet()) {
                if (!List.of("se", "z", "p").contains(en.getKey())) {
                    summary.put(en.getKey(), en.getValue());
                }
            }
            if (fin.get("se") instanceof double[] s) {
                interceptSe = s[0];
                se = Arrays.copyOfRange(s, 1, q);
                double[] zz = (double[]) fin.get("z");
                double[] pp = (double[]) fin.get("p");
                z = Arrays.copyOfRange(zz, 1, q);
                p = Arrays.copyOfRange(pp, 1, q);
                summary.put("interceptZValue", zz[0]);
                summary.put("interceptPValue", pp[0]);
            }
            dispersion = (Double) fin.get("scale");
            double dev = (Double) fin.get("deviance");
            double nullDev = (Double) fin.get("nullDeviance");
            Map<String, Double> train = new LinkedHashMap<>();
            train.put("meanDeviance", dev / prep.weightSum());
            train.put("devianceExplained", nullDev > 0 ? 1.0 - dev / nullDev : Double.NaN);
            metrics = Map.of("train", train);
        }
        return new ModelDocument(ModelDocument.FORMAT, null, 0, GlmLearner.ALGORITHM, targetName, features, beta[0],
                coef, interceptSe, se, z, p, null, null, null, null, null, null, null, null, null, null, summary,
                metrics, null, null).withExtensions(extensions(dispersion));
    }

    static double[] doubles(Object o) {
        if (o instanceof double[] a) {
            return a.clone();
        }
        if (o instanceof List<?> l) {
            double[] a = new double[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = ((Number) l.get(i)).doubleValue();
            }
            return a;
        }
        return null;
    }
}
