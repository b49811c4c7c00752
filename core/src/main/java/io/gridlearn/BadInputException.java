package io.gridlearn;

/**
 * A failure the user caused and can fix: a malformed CSV, an unknown column, a singular design, a model
 * file of the wrong shape. The message names what was wrong (file, line and column, or the option) and
 * what is allowed. The command line maps it to exit status 2.
 */
public class BadInputException extends GridlearnException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message for the user.
     *
     * @param message what was wrong and what is allowed
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * A failure with a message for the user and the exception that revealed it.
     *
     * @param message what was wrong and what is allowed
     * @param cause the underlying exception
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
