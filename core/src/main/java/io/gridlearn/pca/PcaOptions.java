package io.gridlearn.pca;

import io.gridlearn.BadInputException;

/**
 * Options of {@link PcaTrainer}.
 *
 * @param components  number of principal components kept, 1 ≤ components ≤ features (checked by the trainer)
 * @param standardize analyse z = (x − mean)/std_population (scikit-learn {@code StandardScaler}, divisor n),
 *                    i.e. the correlation structure, instead of the raw covariance
 */
public record PcaOptions(int components, boolean standardize) {
    public PcaOptions {
        if (components < 1) {
            throw new BadInputException("components must be >= 1, was " + components);
        }
    }
}
