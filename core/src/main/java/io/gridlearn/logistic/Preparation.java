package io.gridlearn.logistic;

import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;
import io.gridlearn.pass.PassRunner;

import java.util.List;
import java.util.Map;

/**
 * The checked dataset facts a fit needs: rows, class counts and the working scale {@code z = (x - c)/s}.
 * With frequency weights, rows and class counts are Σw and the centre and scale are the weighted mean and
 * population standard deviation (those of the rows repeated wᵢ times).
 *
 * @param rows   rows used (Σw when weighted)
 * @param classCounts rows per class (Σw per class when weighted)
 * @param center null when features are not standardized (or no intercept: features are then only scaled)
 * @param scale  population standard deviation (root mean square without intercept), or null
 * @param skipped rows left out for a non-finite feature value (only under {@code --missing skip}; else 0)
 */
record Preparation(double rows, double[] classCounts, double[] center, double[] scale, long skipped) {

    /**
     * Runs {@link PrepKernel} once (twice when standardizing with an intercept: means, then squared
     * deviations from them) and refuses unusable data with a message naming the problem.
     *
     * @param maxClasses 2 for binary fits; the largest number of classes a softmax fit accepts
     */
    static Preparation run(PassRunner runner, int[] cols, int target, int maxClasses, boolean binary,
                           LogisticOptions options, List<String> features, String targetName, int weightColumn) {
        int p = cols.length;
        double[] s = runner.sum(new PrepKernel(cols, target, maxClasses, null, weightColumn));
        double n = s[0];
        long skipped = checkRows(runner, s, cols, target, maxClasses, binary, options, targetName, weightColumn);
        double[] counts = new double[maxClasses];
        int k = 0;
        for (int c = 0; c < maxClasses; c++) {
            counts[c] = s[3 + c];
            if (counts[c] > 0) {
                k = c + 1;
            }
        }
        if (binary) {
            k = 2;
        }
        if (k < 2) {
            throw new BadInputException("target " + targetName + " has a single class (" + (k - 1)
                    + "); a classifier needs at least two");
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                throw new BadInputException("target " + targetName + " has no row of class " + c
                        + (weightColumn >= 0 ? " with a positive weight" : "")
                        + "; classes must be the integers 0.." + (k - 1) + ", each present");
            }
        }
        double[] classCounts = java.util.Arrays.copyOf(counts, k);
        if (!options.standardize()) {
            return new Preparation(n, classCounts, null, null, skipped);
        }
        int sums = 3 + maxClasses;
        double[] center = new double[p];
        double[] scale = new double[p];
        if (options.intercept()) {
            for (int j = 0; j < p; j++) {
                center[j] = s[sums + j] / n;
            }
            double[] d = runner.sum(new PrepKernel(cols, target, maxClasses, center, weightColumn));
            for (int j = 0; j < p; j++) {
                double dev = d[sums + j];
                // population variance; subtracting (Σd)²/n removes the rounding of the mean
                scale[j] = Math.sqrt(Math.max(0.0, (d[sums + p + j] - dev * dev / n) / n));
            }
        } else {
            center = null;
            for (int j = 0; j < p; j++) {
                scale[j] = Math.sqrt(s[sums + p + j] / n);
            }
        }
        for (int j = 0; j < p; j++) {
            if (!(scale[j] > 0.0)) {
                throw new BadInputException("feature " + features.get(j) + " is constant, so it cannot be"
                        + " standardized; drop it or turn standardization off");
            }
        }
        return new Preparation(n, classCounts, center, scale, skipped);
    }

    /** Refuses unusable rows; returns the number of rows left out under {@code --missing skip}. */
    private static long checkRows(PassRunner runner, double[] s, int[] cols, int target, int maxClasses,
                                  boolean binary, LogisticOptions options, String targetName, int weightColumn) {
        long nonFinite = (long) s[1];
        long badTarget = (long) s[s.length - 1]; // rows whose target is not finite (also counted in s[1])
        if (!options.skipMissing() && nonFinite > 0) {
            throw OptionException.worded(nonFinite + " row(s) have a missing or non-finite value in the features"
                    + " or the target " + targetName + "; remove or impute them before training ({missing} skip"
                    + " leaves out rows with a missing feature)");
        }
        if (badTarget > 0) {
            throw OptionException.worded(badTarget + " row(s) have a missing or non-finite target " + targetName
                    + "; a row without a label cannot be used ({missing} skip leaves out rows with a missing"
                    + " feature only): remove them before training");
        }
        if (s[2] > 0) {
            Map.Entry<Long, double[]> first =
                    runner.sample(new BadTargetSampler(cols, target, maxClasses, weightColumn)).entrySet().iterator().next();
            String allowed = binary ? "0 or 1" : "an integer class 0, 1, ..., at most " + (maxClasses - 1);
            throw new BadInputException((long) s[2] + " row(s) have a target " + targetName + " that is not "
                    + allowed + "; the first is row " + first.getKey() + " with value " + first.getValue()[0]);
        }
        if (s[0] == 0) {
            throw new BadInputException(nonFinite > 0
                    ? "no rows to train on: all " + nonFinite + " rows have a missing or non-finite feature value"
                    : "the dataset has no rows to train on");
        }
        return nonFinite;
    }
}
