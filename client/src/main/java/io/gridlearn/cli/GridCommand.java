package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** A command that needs a grid: opens the session, runs, closes it. */
abstract class GridCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--json", description = "Print exactly one JSON document on standard output.")
    boolean json;

    PrintStream out() {
        return main.out;
    }

    PrintStream err() {
        return main.err;
    }

    @Override
    public Integer call() {
        validate();
        try (GridSession session = GridSession.open(main.global)) {
            run(session.hz());
        }
        return 0;
    }

    /** Checks that need no grid, run before one is started. */
    void validate() {
    }

    abstract void run(HazelcastInstance hz);
}
