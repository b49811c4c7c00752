package io.gridlearn.runtime;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How a fit runs, apart from what it fits: whether to resume from the store's latest checkpoint, where progress
 * goes, and how it is cancelled.
 *
 * @param resume       continue from the latest checkpoint of the model name (iterative learners only)
 * @param progress     receives each published checkpoint (model name, iteration, objective), or null
 * @param progressText a stream for one progress line per iteration (the command line's standard error), or null
 * @param cancelled    polled after every checkpoint: when true the fit stops there, with the store at that
 *                     complete checkpoint, and fails with a message saying so
 * @param stopOnExit   stop at the next checkpoint when the JVM is asked to exit (Ctrl-C, SIGTERM)
 */
public record FitControl(boolean resume, Consumer<io.gridlearn.model.ModelDocument> progress, PrintStream progressText,
                         BooleanSupplier cancelled, boolean stopOnExit) {
    /**
     * Replaces a null {@code cancelled} by a supplier that is never true.
     *
     * @param resume       continue from the latest checkpoint
     * @param progress     receives each published checkpoint, or null
     * @param progressText a stream for progress lines, or null
     * @param cancelled    polled after every checkpoint, or null for never
     * @param stopOnExit   stop at the next checkpoint when the JVM is asked to exit
     */
    public FitControl {
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    /**
     * A fresh fit, no progress, never cancelled.
     *
     * @return a control with no resume, no progress, no cancellation and no exit hook
     */
    public static FitControl quiet() {
        return new FitControl(false, null, null, null, false);
    }
}
