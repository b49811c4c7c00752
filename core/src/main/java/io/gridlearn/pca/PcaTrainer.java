package io.gridlearn.pca;

import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.Missing;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.stats.MomentMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Principal component analysis by eigen-decomposition of the sample covariance (Jolliffe, Principal
 * Component Analysis, 2nd ed., 2002, ch. 1–3), in two passes of {@link ColumnMomentsKernel}: the column
 * means, then the cross products centred at them, S = Σ (x − x̄)(x − x̄)' − e e'/n with e = Σ (x − x̄) ≈ 0.
 *
 * <p>The covariance is S/(n − 1), so {@code explainedVariance} are its eigenvalues, the convention of
 * scikit-learn's {@code PCA.explained_variance_} and of the oracle. With {@code standardize} each column is
 * first divided by its population standard deviation σ_j = sqrt(S_jj / n) (scikit-learn
 * {@code StandardScaler}; a constant column keeps scale 1), giving the matrix S_jk / ((n − 1) σ_j σ_k), whose
 * eigenvalues then sum to p·n/(n − 1), not p. The symmetric eigenproblem is solved by EJML's symmetric QR
 * algorithm; eigenvalues are sorted descending, tiny negative rounding is clamped to 0, and each component
 * is reported with its largest-|loading| entry positive (first such entry on ties), the oracle's sign
 * convention. {@code explainedVarianceRatio} divides by the sum over all p eigenvalues (the total variance).
 */
public final class PcaTrainer {
    private PcaTrainer() {
    }

    /**
     * Fits PCA in passes over the dataset.
     *
     * @param runner         the pass runner over the dataset
     * @param featureColumns the block columns of the p features
     * @param features       the features' names, one per column
     * @param o              the options
     * @return the model, without name, version or provenance
     */
    public static ModelDocument fit(PassRunner runner, int[] featureColumns, List<String> features, PcaOptions o) {
        int p = featureColumns.length;
        if (p == 0 || features.size() != p) {
            throw new BadInputException("need at least one feature and one name per feature column; got "
                    + p + " columns and " + features.size() + " names");
        }
        if (o.components() > p) {
            throw new BadInputException("components = " + o.components() + " exceeds the number of features, " + p);
        }
        double[] s1 = runner.sum(new ColumnMomentsKernel(featureColumns, new double[p], false));
        long skipped = checkRows(s1, o);
        double n = s1[0];
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = s1[2 + j] / n;
        }
        double[] s2 = runner.sum(new ColumnMomentsKernel(featureColumns, mean, true));
        double[][] cov = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                double c = s2[2 + p + MomentMatrix.packed(j, k)] - s2[2 + j] * s2[2 + k] / n;
                cov[j][k] = c;
                cov[k][j] = c;
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(Math.max(cov[j][j], 0) / n);
            scale[j] = o.standardize() && sd > 0 ? sd : 1;
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                cov[j][k] = cov[j][k] / (scale[j] * scale[k]) / (n - 1);
            }
        }
        return model(cov, mean, scale, n, skipped, features, o);
    }

    /** Refuses unusable rows; returns the number left out under {@code --missing skip} (both passes skip them). */
    private static long checkRows(double[] s, PcaOptions o) {
        if (s[1] > 0 && !o.skipMissing()) {
            throw OptionException.worded((long) s[1] + " rows have a missing or non-finite value in a feature column;"
                    + " PCA needs every used value finite (drop or impute them first, or leave them out with"
                    + " {missing} skip)");
        }
        if (s[0] < 2) {
            throw new BadInputException("PCA needs at least 2 rows, got " + (long) s[0]
                    + (s[1] > 0 ? " after leaving out " + (long) s[1] + " with a missing or non-finite value" : ""));
        }
        return (long) s[1];
    }

    /** Eigenpairs of a symmetric matrix, sorted by descending eigenvalue; vectors as rows, sign-normalised. */
    static double[][] eigen(double[][] a, double[] valuesOut) {
        int p = a.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(new DMatrixRMaj(a))) {
            throw new IllegalStateException("symmetric eigen-decomposition did not converge");
        }
        Integer[] order = new Integer[p];
        double[] val = new double[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
            val[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -val[i]).thenComparingInt(i -> i));
        double[][] vec = new double[p][p];
        for (int r = 0; r < p; r++) {
            DMatrixRMaj v = eig.getEigenVector(order[r]);
            valuesOut[r] = Math.max(val[order[r]], 0);
            int big = 0;
            for (int j = 0; j < p; j++) {
                vec[r][j] = v.get(j);
                big = Math.abs(vec[r][j]) > Math.abs(vec[r][big]) ? j : big;
            }
            double norm = 0;
            for (double x : vec[r]) {
                norm += x * x;
            }
            // EJML returns unit vectors; renormalise anyway, and flip so the largest |loading| is positive.
            double f = (vec[r][big] < 0 ? -1 : 1) / Math.sqrt(norm);
            for (int j = 0; j < p; j++) {
                vec[r][j] *= f;
            }
        }
        return vec;
    }

    private static ModelDocument model(double[][] cov, double[] mean, double[] scale, double n, long skipped,
                                       List<String> features, PcaOptions o) {
        int p = cov.length;
        double[] values = new double[p];
        double[][] vectors = eigen(cov, values);
        double total = 0;
        for (double v : values) {
            total += v;
        }
        int m = o.components();
        double[] ev = Arrays.copyOf(values, m);
        double[] ratio = new double[m];
        for (int i = 0; i < m; i++) {
            ratio[i] = total > 0 ? values[i] / total : 0;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", (long) n);
        if (o.skipMissing()) {
            summary.put(Missing.SKIPPED_ROWS, skipped);
        }
        summary.put("standardize", o.standardize());
        summary.put("mean", toList(mean));
        if (o.standardize()) {
            summary.put("scale", toList(scale));
        }
        summary.put("totalVariance", total);
        summary.put("allEigenvalues", toList(values));
        return new ModelDocument(ModelDocument.FORMAT, null, 0, "pca", null, features, null, null, null, null, null,
                null, null, null, null, null, Arrays.copyOf(vectors, m), ev, ratio, null, null, null, summary, null,
                null, null);
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double x : v) {
            l.add(x);
        }
        return l;
    }
}
