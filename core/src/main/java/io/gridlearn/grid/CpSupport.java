package io.gridlearn.grid;

import com.hazelcast.instance.BuildInfo;
import com.hazelcast.instance.BuildInfoProvider;

/**
 * Whether this Hazelcast build has a usable CP Subsystem: every community release up to 5.4, and
 * Enterprise. Community 5.5 and later throw "CP subsystem is a licensed feature" on first use, so gridlearn
 * decides once, at start, from the build information rather than by provoking the exception.
 */
public final class CpSupport {
    private CpSupport() {
    }

    /**
     * The version of the Hazelcast build on the class path.
     *
     * @return the version, e.g. {@code 5.4.0}
     */
    public static String version() {
        return BuildInfoProvider.getBuildInfo().getVersion();
    }

    /**
     * Whether the CP Subsystem can be used.
     *
     * @return true for an Enterprise build or a community build up to 5.4
     */
    public static boolean available() {
        BuildInfo info = BuildInfoProvider.getBuildInfo();
        if (info.isEnterprise()) {
            return true;
        }
        String[] parts = info.getVersion().split("[.-]");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return major < 5 || (major == 5 && minor <= 4);
    }
}
