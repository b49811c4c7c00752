package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.runtime.MemberFits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code attach MODEL}: follows a fit that a member drives ({@code fit --driver member}, the default through a
 * thin client) after the command that started it went away: prints its progress lines and, when it ends, the
 * model as {@code fit} prints it. Ctrl-C detaches and leaves the fit running; {@code --cancel} asks it to stop at
 * its next complete checkpoint.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Follow a fit that runs on a member of the grid (started through a thin client) to its end.")
final class AttachCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model name the fit publishes to.")
    String name;

    @Option(names = "--cancel", description = "Ask the fit to stop at its next complete checkpoint, then follow it.")
    boolean cancel;

    @Override
    void run(HazelcastInstance hz) {
        if (cancel && !MemberFits.cancel(hz, name)) {
            err().println("gridlearn: no fit of " + name + " is running; nothing to cancel");
        }
        ModelDocument m = MemberFits.attach(hz, name, err());
        if (json) {
            out().println(ModelJson.write(m));
        } else {
            FitCommand.print(out(), m);
        }
    }
}
