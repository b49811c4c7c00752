package io.gridlearn.pca;

import io.gridlearn.BadInputException;
import io.gridlearn.pass.Missing;

/**
 * Options of {@link PcaTrainer}.
 *
 * @param components  number of principal components kept, 1 ≤ components ≤ features (checked by the trainer)
 * @param standardize analyse z = (x − mean)/std_population (scikit-learn {@code StandardScaler}, divisor n),
 *                    i.e. the correlation structure, instead of the raw covariance
 * @param missing     {@code error} (default) or {@code skip} ({@link io.gridlearn.pass.Missing})
 */
public record PcaOptions(int components, boolean standardize, String missing) {
    /**
     * Checks the options.
     *
     * @param components  the number of components kept, ≥ 1
     * @param standardize analyse z-scored columns
     * @param missing     {@code error} or {@code skip}
     */
    public PcaOptions {
        if (components < 1) {
            throw new BadInputException("components must be >= 1, was " + components);
        }
        Missing.checkIterative(missing);
    }

    /**
     * With {@code --missing error}.
     *
     * @param components  the number of components kept, ≥ 1
     * @param standardize analyse z-scored columns
     */
    public PcaOptions(int components, boolean standardize) {
        this(components, standardize, Missing.ERROR);
    }

    /**
     * Whether rows with a missing value are left out.
     *
     * @return true for {@code skip}
     */
    public boolean skipMissing() {
        return Missing.SKIP.equals(missing);
    }
}
