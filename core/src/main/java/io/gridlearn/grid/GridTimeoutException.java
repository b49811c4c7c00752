package io.gridlearn.grid;

import io.gridlearn.GridlearnException;

import java.time.Duration;

/** A grid call that did not answer within {@link GridDeadline}. */
public class GridTimeoutException extends GridlearnException {
    private static final long serialVersionUID = 1L;

    /** What did not answer. */
    private final String what;
    /** How long the caller waited. */
    private final transient Duration waited;

    /**
     * A call that did not answer.
     *
     * @param what   what did not answer, as a noun phrase
     * @param waited how long the caller waited
     */
    public GridTimeoutException(String what, Duration waited) {
        super(what + " did not answer within " + seconds(waited));
        this.what = what;
        this.waited = waited;
    }

    /**
     * A duration as people write it: "30 s", "0.5 s".
     *
     * @param d the duration
     * @return whole seconds when it is a whole number of seconds, else seconds with a fraction
     */
    public static String seconds(Duration d) {
        long ms = d.toMillis();
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + " s";
    }

    /**
     * What did not answer.
     *
     * @return the noun phrase given
     */
    public String what() {
        return what;
    }

    /**
     * How long the caller waited.
     *
     * @return the deadline that passed
     */
    public Duration waited() {
        return waited;
    }
}
