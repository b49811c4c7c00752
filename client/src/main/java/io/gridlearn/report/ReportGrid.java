package io.gridlearn.report;

import io.gridlearn.cli.GridSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/**
 * The grid for a report command, from the global options of the parent {@code gridlearn} command
 * ({@code --cluster}, {@code --cluster-name}, {@code --members}): a thin client, or an embedded grid as the
 * other commands start it.
 */
final class ReportGrid {
    private ReportGrid() {
    }

    /** The grid the parent command's global options name (the same session every command uses). */
    @SuppressWarnings("unchecked")
    static GridSession open(CommandSpec parent) {
        List<String> cluster = (List<String>) value(parent, "--cluster");
        String clusterName = (String) value(parent, "--cluster-name");
        Object membersValue = value(parent, "--members");
        return GridSession.open(cluster, clusterName, membersValue instanceof Integer i ? i : 3);
    }

    private static Object value(CommandSpec spec, String name) {
        OptionSpec o = spec == null ? null : spec.findOption(name);
        return o == null ? null : o.getValue();
    }
}
