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
    public FitControl {
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** A fresh fit, no progress, never cancelled. */
    public static FitControl quiet() {
        return new FitControl(false, null, null, null, false);
    }
}
