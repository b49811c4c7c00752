package io.gridlearn.cli;

import io.gridlearn.BadInputException;
import io.gridlearn.examples.BostonRegression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "example", description = {
        "example [boston]: the Boston housing example on an embedded grid: a deterministic 80/20 split, the exact",
        "  least-squares fit in one pass and, beside it, the seed's per-block fits averaged, with train and test MSE.",
        "example live: rows stream into the grid while a live linear model follows them.",
        "example java-api: the typed Java API (io.gridlearn.Gridlearn) on Boston housing and iris."})
final class ExampleCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", defaultValue = "boston", description = "boston, live or java-api")
    String name;

    @picocli.CommandLine.Option(names = "--csv", paramLabel = "BOSTON.csv", defaultValue = "examples/data/boston.csv",
            description = "The Boston data (default ${DEFAULT-VALUE}).")
    Path csv;

    @Override
    public Integer call() {
        if (name.equals("live")) {
            io.gridlearn.examples.LiveRegression.run(main.global.members, main.out);
            return 0;
        }
        if (name.equals("java-api")) {
            Path data = csv.toAbsolutePath().getParent();
            io.gridlearn.examples.JavaApiExample.run(data, main.global.members, main.out);
            return 0;
        }
        if (!name.equals("boston")) {
            throw new BadInputException("unknown example '" + name + "'; use boston, live or java-api");
        }
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(csv + ": no such file (run from the repository root, or give the path)");
        }
        BostonRegression.run(csv, main.global.members, main.out);
        return 0;
    }
}
