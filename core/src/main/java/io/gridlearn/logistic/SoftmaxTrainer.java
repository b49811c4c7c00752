package io.gridlearn.logistic;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.PassRunner;

import java.util.List;

/**
 * Multinomial logistic regression (algorithm {@code "softmax"}, classes 0..K-1 from the data, K >= 2) in the
 * symmetric parameterisation (one coefficient row per class, as scikit-learn), L2 or no penalty; intercepts
 * and coefficient columns are reported summing to zero over the classes.
 *
 * <p>Minimises the objective of {@link LogisticOptions}. Passes: one or two to check the rows and
 * standardize ({@link PrepKernel}), one per iteration (more when a step is halved), one for the metrics.
 * After every iteration the listener gets a full checkpoint model whose {@code summary} holds
 * {@code iteration}, {@code objective}, {@code change}, {@code converged} and the exact working parameters;
 * passing it back as {@code resumeFrom} continues to the same bits as an uninterrupted run.
 *
 * <p>Failures: rows with non-finite values or bad targets, constant features under standardization, and
 * separation in unpenalised fits ({@link Separation}) throw {@link io.gridlearn.BadInputException}. A fit that
 * reaches {@code maxIter} is returned as it stands with {@code converged: false}; resuming it with a larger
 * limit continues to the same bits as an uninterrupted fit. The summary also holds {@code confusionMatrix}
 * (rows true, columns predicted), {@code logLikelihood} and {@code rows}; {@code metrics.train} holds
 * accuracy, mean logLoss. 
 */
public final class SoftmaxTrainer {
    private SoftmaxTrainer() {
    }

    /**
     * Fits multinomial (softmax) logistic regression by passes over the dataset.
     *
     * @param runner         the pass runner over the dataset
     * @param featureColumns column indexes of the features in the blocks
     * @param targetColumn   column index of the class label
     * @param features       the features' names, one per column
     * @param target         the class column's name
     * @param options        penalty, solver, limits, missing-value rule
     * @param listener       told after every iteration; may be null
     * @param resumeFrom     a checkpoint (or any model of the same shape) to start from; may be null
     * @return the model, converged or not ({@code summary.converged}), without name, version or provenance
     */
    public static ModelDocument fit(PassRunner runner, int[] featureColumns, int targetColumn, List<String> features,
                                    String target, LogisticOptions options, IterationListener listener,
                                    ModelDocument resumeFrom) {
        return fit(runner, featureColumns, targetColumn, features, target, options, -1, null, listener, resumeFrom);
    }

    /**
     * Fits multinomial (softmax) logistic regression with frequency weights (statsmodels' {@code freq_weights}, scikit-learn's
     * {@code sample_weight}): row i counts as wᵢ copies of itself in the objective (n = Σw), the standardization,
     * the standard errors and the training metrics; a weight of 0 leaves the row out exactly; a negative or
     * non-finite weight is refused before anything is fitted, naming the row.
     *
     * @param runner         the pass runner over the dataset
     * @param featureColumns column indexes of the features in the blocks
     * @param targetColumn   column index of the class label
     * @param features       the features' names, one per column
     * @param target         the class column's name
     * @param options        penalty, solver, limits, missing-value rule
     * @param weightColumn   column index of the frequency weights, or −1 for none
     * @param weightName     the weight column's name (for messages), or null for none
     * @param listener       told after every iteration; may be null
     * @param resumeFrom     a checkpoint (or any model of the same shape) to start from; may be null
     * @return the model, converged or not ({@code summary.converged}), without name, version or provenance
     */
    public static ModelDocument fit(PassRunner runner, int[] featureColumns, int targetColumn, List<String> features,
                                    String target, LogisticOptions options, int weightColumn, String weightName,
                                    IterationListener listener, ModelDocument resumeFrom) {
        return new FitDriver(runner, featureColumns, targetColumn, features, target, options, true, weightColumn,
                weightName).fit(listener, resumeFrom);
    }
}
