package io.gridlearn.runtime;

import io.gridlearn.model.ModelDocument;

import java.util.Map;

/**
 * What to fit: a learner, its options and the columns it uses, as one immutable value. The built-in learners'
 * spec classes ({@code io.gridlearn.Linear}, {@code KMeans}, …) implement it, and so does the spec class of a
 * learner added later or by a user, in its own package; {@code Gridlearn.fit} and the command line hand any
 * spec to the {@link FitDriver}.
 *
 * <p>A spec fits through {@link #fit(FitContext)}: it reads the dataset with the context's pass runner, reports
 * each iteration to the context's checkpoint listener (iterative learners), and returns the final model without
 * name or version; the driver publishes it.
 */
public interface LearnerSpec {
    /**
     * The algorithm's name, as in the model JSON's {@code algorithm} field.
     *
     * @return the algorithm's name, e.g. {@code ridge}
     */
    String algorithm();

    /**
     * Fits the model on {@link FitContext#schema()}'s dataset; the driver publishes the result.
     *
     * @param context the dataset's schema, the pass runner and the checkpoint listener
     * @return the model, without name or version
     */
    ModelDocument fit(FitContext context);

    /**
     * The options recorded as {@code provenance.options}, in a fixed order, {@code algorithm} first; null when
     * {@link #fit} writes the whole provenance itself.
     *
     * @return the options by name, or null
     */
    default Map<String, Object> provenanceOptions() {
        return null;
    }

    /**
     * The seed recorded in the provenance (and used by the learner's samplers, where it has any).
     *
     * @return the seed, 42 unless the spec sets it
     */
    default long seed() {
        return 42;
    }

    /**
     * True when every iteration is a checkpoint from which a fit can resume.
     *
     * @return true for a resumable (iterative) learner
     */
    default boolean resumable() {
        return false;
    }

    /**
     * True when {@link #fit} publishes the model itself (a live model registered with its maintained statistics);
     * the driver then returns what the store holds instead of publishing again.
     *
     * @return true when {@link #fit} publishes
     */
    default boolean publishesItself() {
        return false;
    }

    /**
     * Called with the published model; a live spec registers it to follow its dataset.
     *
     * @param context   the context the model was fit in
     * @param published the model as published, with its name and version
     * @return the model to hand back to the caller: {@code published} unless the spec publishes again
     */
    default ModelDocument afterPublish(FitContext context, ModelDocument published) {
        return published;
    }
}
