package io.gridlearn;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fit running in the background ({@link Gridlearn#start}). {@link #cancel()} stops an iterative fit after its
 * current iteration, with the store at that complete checkpoint (resume it with {@link FitOptions#resume}); a
 * one-pass fit runs to its end.
 */
public final class Fit {
    private final CompletableFuture<Model> result;
    private final AtomicBoolean cancelled;

    Fit(CompletableFuture<Model> result, AtomicBoolean cancelled) {
        this.result = result;
        this.cancelled = cancelled;
    }

    /** Asks the fit to stop at its next checkpoint. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * True once the fit has finished, failed or stopped.
     *
     * @return true when {@link #await()} will return or throw without blocking
     */
    public boolean isDone() {
        return result.isDone();
    }

    /**
     * The result as a future.
     *
     * @return the future of the published model: it completes exceptionally when the fit fails or is cancelled
     */
    public CompletableFuture<Model> result() {
        return result;
    }

    /**
     * Waits for the published model.
     *
     * @throws GridlearnException with the fit's own message when it failed or was cancelled
     * @return the published model, carrying its name and version
     */
    public Model await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while waiting for a fit", e);
        } catch (CancellationException e) {
            throw new GridlearnException("the fit was cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new GridlearnException("the fit failed: " + e.getCause(), e.getCause());
        }
    }
}
