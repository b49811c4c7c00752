package io.gridlearn.cli;

import io.gridlearn.BadInputException;
import io.gridlearn.grid.GridDeadline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code gridlearn} command line. Exit status: 0 success; 2 bad usage or bad input (the message names
 * the file, line and column, or the option at fault); 1 any other failure. Every failure is one line on standard
 * error ({@link Failures}); {@code --verbose} adds its stack trace.
 */
@Command(name = "gridlearn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Distributed machine learning inside a Hazelcast grid.",
        subcommands = {LoadCommand.class, DatasetsCommand.class, DescribeCommand.class, DropCommand.class,
                FitCommand.class, AttachCommand.class, EvaluateCommand.class, PredictCommand.class, ModelsCommand.class,
                ModelCommand.class, NodeCommand.class, ExampleCommand.class, AppendCommand.class,
                RemoveCommand.class, ReplaceCommand.class, BenchmarkCommand.class, FollowCommand.class,
                io.gridlearn.report.ReportCommand.class})
public final class Main implements Runnable {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    final PrintStream out;
    final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (try --help)");
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns its exit status (for tests, without System.exit).
     *
     * @param args the command-line arguments
     * @param out  the stream for results
     * @param err  the stream for messages and progress
     * @return the exit status: 0 on success, 2 for bad input or options, 1 for other failures
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main(out, err);
        CommandLine cl = new CommandLine(main);
        FitCommand.addLearnerOptions(cl.getSubcommands().get("fit").getCommandSpec());
        withHelp(cl);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionStrategy(parseResult -> {
            quietLogs(main.global.verbose);
            try {
                GridDeadline.set(main.global.deadline());
            } catch (BadInputException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        // a usage error is one line too; the command's --help has the rest
        cl.setParameterExceptionHandler((ex, arguments) -> {
            String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            err.println("gridlearn: " + Failures.oneLine(ex.getMessage()) + " (see " + help + ")");
            if (main.global.verbose) {
                ex.printStackTrace(err);
            }
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failures.Verdict v = Failures.of(ex);
            err.println("gridlearn: " + v.line());
            if (main.global.verbose) {
                ex.printStackTrace(err);
            }
            return v.exit();
        });
        return cl.execute(args);
    }

    /** Gives every command and subcommand {@code --help} (and {@code --version}), as {@code gridlearn} has. */
    private static void withHelp(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelp(sub);
        }
    }

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    private static final Logger GRIDLEARN_LOG = Logger.getLogger("io.gridlearn");

    private static void quietLogs(boolean verbose) {
        if (!verbose) {
            HAZELCAST_LOG.setLevel(Level.SEVERE);
            GRIDLEARN_LOG.setLevel(Level.WARNING);
        }
    }
}
