package io.gridlearn;

/**
 * A failure that is not the user's fault (a lost member, an internal error). The command line maps it
 * to exit status 1.
 */
public class GridlearnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message.
     *
     * @param message what failed
     */
    public GridlearnException(String message) {
        super(message);
    }

    /**
     * A failure with a message and the exception that caused it.
     *
     * @param message what failed
     * @param cause the underlying exception
     */
    public GridlearnException(String message, Throwable cause) {
        super(message, cause);
    }
}
