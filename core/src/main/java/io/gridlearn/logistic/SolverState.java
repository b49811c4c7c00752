package io.gridlearn.logistic;

/**
 * Everything an iteration leaves behind, so that a checkpoint holding it resumes to the same bits.
 *
 * @param theta      working parameters
 * @param iteration  iterations done
 * @param objective  objective at theta
 * @param change     relative objective change of the last iteration (NaN before the first)
 * @param converged  whether the convergence test passed
 * @param growing    consecutive large steps with "sure" rows (separation check)
 * @param memoryS    L-BFGS step history, oldest first (null for Newton)
 * @param memoryY    L-BFGS gradient-change history
 * @param eval       the evaluation at theta (not checkpointed: recomputed on resume)
 */
record SolverState(double[] theta, int iteration, double objective, double change, boolean converged, int growing,
                   double[][] memoryS, double[][] memoryY, Evaluation eval) {

    /** Called after every iteration. */
    @FunctionalInterface
    interface Listener {
        void onIteration(SolverState state);
    }
}
