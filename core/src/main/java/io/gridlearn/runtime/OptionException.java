package io.gridlearn.runtime;

import io.gridlearn.BadInputException;

/**
 * A value of one named option that is not allowed. The message names the option as the Java API does
 * ({@code maxIter must be >= 1, was 0}); {@link #forCommandLine()} names it by its flag
 * ({@code --max-iter must be >= 1, was 0}), which is what the command line prints.
 */
public class OptionException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final String option;
    private final String problem;

    /**
     * @param option  the option's Java name ({@link LearnerOption#name()})
     * @param problem what is wrong and what is allowed, following the option's name
     */
    public OptionException(String option, String problem) {
        super(option + " " + problem);
        this.option = option;
        this.problem = problem;
    }

    /** The option's Java name. */
    public String option() {
        return option;
    }

    /** The message with the option named by its command-line flag. */
    public String forCommandLine() {
        return LearnerOption.flagOf(option) + " " + problem;
    }
}
