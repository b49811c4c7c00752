package io.gridlearn;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value or combination of options that is not allowed. The message names options as the Java API does
 * ({@code maxIter must be >= 1, was 0}); {@link #forCommandLine()} names them by their flags
 * ({@code --max-iter must be >= 1, was 0}), which is what the command line prints. The message is written once,
 * as a template in which {@code {maxIter}} stands for the option {@code maxIter}.
 */
public class OptionException extends BadInputException {
    private static final long serialVersionUID = 1L;
    private static final Pattern OPTION = Pattern.compile("\\{([a-z][A-Za-z0-9]*)}");

    /** The message with each option written as {@code {name}}, rendered by Java name or by flag. */
    private final String template;

    /**
     * @param option  the option's Java name (lower camel case, e.g. {@code maxIter})
     * @param problem what is wrong and what is allowed, following the option's name
     */
    public OptionException(String option, String problem) {
        this("{" + option + "} " + problem, true);
    }

    private OptionException(String template, boolean marker) {
        super(render(template, false));
        this.template = template;
    }

    /**
     * An error whose template names options as {@code {name}}, e.g. {@code "{missing} mean does not combine with {folds}"}.
     *
     * @param template the message, naming each option as {@code {name}} where {@code name} is its Java name
     * @return the exception, its message rendered with Java names
     */
    public static OptionException worded(String template) {
        return new OptionException(template, true);
    }

    /**
     * The option the message is about: the first one it names.
     *
     * @return the option's Java name, e.g. {@code maxIter}, or null when the message names none
     */
    public String option() {
        Matcher m = OPTION.matcher(template);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The message with every option named by its command-line flag.
     *
     * @return the message as the command line prints it
     */
    public String forCommandLine() {
        return render(template, true);
    }

    private static String render(String template, boolean flags) {
        Matcher m = OPTION.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(flags ? flagOf(m.group(1)) : m.group(1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * {@code maxIter} → {@code --max-iter}: the command line's flag of a Java option name.
     *
     * @param javaName an option's Java name in lower camel case, e.g. {@code maxIter}
     * @return the flag: {@code --} and the name with every capital turned into {@code -} and its lower case
     */
    public static String flagOf(String javaName) {
        return "--" + javaName.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
