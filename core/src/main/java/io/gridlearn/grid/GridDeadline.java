package io.gridlearn.grid;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The longest a caller waits on one grid call that makes no progress, process-wide (the command line sets it
 * from {@code --timeout}; 30 s unless told). Hazelcast's own timeouts do not bound every call: with the CP
 * Subsystem's majority lost, creating or reading a CP object waits about 120 s on a member before it fails,
 * whatever the client's invocation timeout (measured on 5.4: 118.9 s with a 5 s client invocation timeout).
 * {@link #call} runs such a call on a daemon thread and gives up waiting at the deadline; the call itself may
 * still complete later, which is why only calls whose repetition is harmless (reads, compare-and-sets that the
 * store recognises) go through it.
 */
public final class GridDeadline {
    /** The deadline unless told otherwise. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private static volatile Duration deadline = DEFAULT;

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gridlearn-bounded-call");
        t.setDaemon(true);
        return t;
    });

    private GridDeadline() {
    }

    /**
     * The current deadline.
     *
     * @return the deadline
     */
    public static Duration get() {
        return deadline;
    }

    /**
     * Sets the process-wide deadline.
     *
     * @param d a positive duration
     */
    public static void set(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the grid deadline must be positive, was " + d);
        }
        deadline = d;
    }

    /**
     * Runs {@code call} and waits for it at most the deadline.
     *
     * @param what  what the call does, for the message ("the model store (CP Subsystem)")
     * @param call  the grid call; its exceptions are rethrown as they are
     * @param <T>   the result type
     * @return the call's result
     * @throws GridTimeoutException when the call has not returned within the deadline
     */
    public static <T> T call(String what, Supplier<T> call) {
        Duration d = deadline;
        Future<T> f = CALLS.submit(call::get);
        try {
            return f.get(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new GridTimeoutException(what, d);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new GridTimeoutException(what, Duration.ZERO);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
