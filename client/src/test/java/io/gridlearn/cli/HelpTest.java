package io.gridlearn.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --help} on every command and subcommand prints its usage on standard output and exits 0. */
class HelpTest {
    /** The command paths of the real command tree, e.g. {@code [fit]}, {@code [model, remove]}. */
    private static void paths(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            paths(e.getValue(), path, out);
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> all = new ArrayList<>();
        paths(new CommandLine(new Main(new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()))), List.of(), all);
        assertTrue(all.size() >= 16, "the command tree: " + all);
        for (List<String> path : all) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Cli.Run r = Cli.run(args.toArray(new String[0]));
            assertEquals(0, r.exit(), path + " --help: " + r.err());
            assertTrue(r.out().startsWith("Usage: gridlearn " + String.join(" ", path)), path + ": " + r.out());
            assertEquals("", r.err().replaceAll("(?m)^WARNING: Using incubator modules.*\\R?", ""), path + ": " + r.err());
        }
    }
}
