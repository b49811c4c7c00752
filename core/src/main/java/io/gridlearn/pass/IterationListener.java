package io.gridlearn.pass;

import io.gridlearn.model.ModelDocument;

/**
 * Told after every iteration of an iterative learner. The checkpoint is a complete model (it predicts) whose
 * {@code summary} carries {@code iteration}, {@code objective} and {@code change}; the trainer can resume
 * from it. The grid driver publishes each checkpoint as a new version in the model store (compare-and-set)
 * and prints progress; returning normally continues, throwing stops the fit.
 */
@FunctionalInterface
public interface IterationListener {
    /** A listener that ignores every checkpoint. */
    IterationListener NONE = checkpoint -> { };

    /**
     * Called once an iteration is complete.
     *
     * @param checkpoint the model after the iteration, with {@code iteration}, {@code objective} and {@code change} in
     *                   its summary
     */
    void onIteration(ModelDocument checkpoint);
}
