package io.gridlearn.cli;

import io.gridlearn.grid.CpSupport;
import io.gridlearn.util.Versions;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"gridlearn " + Versions.library() + " (Hazelcast " + CpSupport.version() + ")"};
    }
}
