package io.gridlearn;

/**
 * A failure that is not the user's fault (a lost member, an internal error). The command line maps it
 * to exit status 1.
 */
public class GridlearnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GridlearnException(String message) {
        super(message);
    }

    public GridlearnException(String message, Throwable cause) {
        super(message, cause);
    }
}
