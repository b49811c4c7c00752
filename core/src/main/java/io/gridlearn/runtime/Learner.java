package io.gridlearn.runtime;

import io.gridlearn.OptionException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.InputColumn;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.PassRunner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A learner family, as the runtime sees it: the algorithm names it answers to, its typed options, how a fit
 * request becomes its spec, and how its models predict. Implementations register in
 * {@code META-INF/services/io.gridlearn.runtime.Learner} and need a public no-argument constructor; the command
 * line lists them in {@code gridlearn fit --help}, parses and validates their options, and fits them with no
 * code of its own per learner.
 */
public interface Learner {
    /**
     * The algorithm names, as the command line's {@code fit ALGORITHM} and the model JSON's {@code algorithm}.
     *
     * @return the algorithm names, at least one
     */
    List<String> algorithms();

    /**
     * One line for help: what the learner fits and how.
     *
     * @return the description, one line
     */
    String description();

    /**
     * The learner's own options (the common {@code target}, {@code features}, {@code seed}, {@code missing} aside).
     *
     * @return the options, in the order of the help
     */
    List<LearnerOption> options();

    /**
     * True when the learner uses a target column (supervised).
     *
     * @param algorithm one of {@link #algorithms()}
     * @return true for a supervised algorithm
     */
    boolean supervised(String algorithm);

    /**
     * The spec of a fit request from the command line; refuses, with a message naming the option, a value that
     * is not allowed or an option that does not apply to {@code algorithm}.
     *
     * @param algorithm one of {@link #algorithms()}
     * @param values    the option values given on the command line
     * @return the spec of the fit
     */
    LearnerSpec spec(String algorithm, OptionValues values);

    /**
     * A predictor for one of this learner's models; refuses a model that does not predict one value per row.
     * Its rows hold the model's features, in the model's order, then the values of the model's
     * {@link #inputs} in their order.
     *
     * @param model a model of one of {@link #algorithms()}
     * @return the predictor, one value per row
     */
    RowPredictor predictor(ModelDocument model);

    /**
     * A predictor on the given scale ({@link PredictionType}). {@link PredictionType#RESPONSE} is
     * {@link #predictor(ModelDocument)}. {@link PredictionType#LINK} is the linear predictor η of a model whose
     * predictions are g⁻¹(η) for a link g (a learner with such models overrides this method); by default it is
     * refused, with a message naming the option {@code type} and the model's algorithm.
     *
     * @param model a model of one of {@link #algorithms()}
     * @param type  the scale of the predictions
     * @return the predictor, one value per row, on that scale
     * @throws OptionException for {@link PredictionType#LINK} when the model has no link scale
     */
    default RowPredictor predictor(ModelDocument model, PredictionType type) {
        if (type == PredictionType.RESPONSE) {
            return predictor(model);
        }
        throw noLinkScale(model);
    }

    /**
     * The refusal of {@link PredictionType#LINK} for a model without a link scale: one line, naming the option
     * ({@code type} in Java, {@code --type} on the command line) and the model's algorithm.
     *
     * @param model the model
     * @return the exception to throw
     */
    static OptionException noLinkScale(ModelDocument model) {
        return OptionException.worded("{type} link does not apply to a " + model.algorithm() + " model: it has no"
                + " link scale (no single linear predictor η whose inverse link is the prediction); predict it with"
                + " {type} response, the default");
    }

    /**
     * The columns besides its features that the model reads to predict, in the order its predictor takes them
     * after the features (a GLM fit with an offset: the offset column). Data that lacks one is refused by name;
     * by default there are none.
     *
     * @param model a model of one of {@link #algorithms()}
     * @return the extra input columns, empty for most models
     */
    default List<InputColumn> inputs(ModelDocument model) {
        return List.of();
    }

    /**
     * The learner's own evaluation of a model on a dataset, for models the common evaluation does not fit (the
     * common one scores regression models by the metrics of b₀ + x·b and classifiers by accuracy, log loss and
     * the confusion matrix). It runs its passes on {@code runner}, next to the data in the grid, or over blocks
     * in one JVM with the same bits.
     *
     * @param model  a model of one of {@link #algorithms()}
     * @param runner runs passes over {@code schema}'s blocks
     * @param schema the dataset to evaluate on
     * @return the metrics by name, or empty to use the common evaluation (the default)
     */
    default Optional<Map<String, Object>> evaluate(ModelDocument model, PassRunner runner, DatasetSchema schema) {
        return Optional.empty();
    }

    /**
     * True when the predictions of {@code model} are class labels or cluster indices rather than real values.
     *
     * @param model a model of one of {@link #algorithms()}
     * @return true for labels or cluster indices, false for real values
     */
    default boolean predictsLabels(ModelDocument model) {
        return false;
    }

    /**
     * Refuses, with a message starting with {@code origin}, a model of this learner whose shape does not allow
     * prediction (arrays of the wrong length, non-finite parameters). The common checks (algorithm, features,
     * imputation) have been made.
     *
     * @param model  a model of one of {@link #algorithms()}, read from a file or the store
     * @param origin where the model came from, starting every message (e.g. the file's name)
     */
    default void validate(ModelDocument model, String origin) {
    }

    /**
     * How the learner keeps live models current, when it has live models.
     *
     * @return the handler, or empty when the learner has no live models
     */
    default java.util.Optional<LiveHandler> live() {
        return java.util.Optional.empty();
    }

    /**
     * The learner's section of {@code gridlearn report}: its charts and tables, drawn from the model alone and,
     * when the report is given data, from passes over it.
     *
     * @return the section, or empty: the report then shows the common tables only
     */
    default java.util.Optional<io.gridlearn.report.ReportSection> report() {
        return java.util.Optional.empty();
    }
}
