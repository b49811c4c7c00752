package io.gridlearn.runtime;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;

import java.util.List;

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
     *
     * @param model a model of one of {@link #algorithms()}
     * @return the predictor, one value per row
     */
    RowPredictor predictor(ModelDocument model);

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
