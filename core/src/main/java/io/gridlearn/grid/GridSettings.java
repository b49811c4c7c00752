package io.gridlearn.grid;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a gridlearn member joins its cluster.
 *
 * @param clusterName   members and clients with another cluster name are refused
 * @param bindHost      the interface to bind and advertise; loopback unless the user asks otherwise
 * @param port          the first port to try
 * @param autoIncrement try the next ports when {@code port} is taken (embedded grids in one process)
 * @param members       {@code host:port} of the other members to join; nothing else is discovered
 * @param cpMemberCount CP Subsystem members (0 = small-grid mode, models in a partitioned map; 3 or more = Raft). Ignored, with a log line,
 *                      on Hazelcast builds without the CP Subsystem
 * @param backupCount   synchronous backups of every data block (≥ 1 survives the loss of one member)
 */
public record GridSettings(String clusterName, String bindHost, int port, boolean autoIncrement,
                           List<String> members, int cpMemberCount, int backupCount) {
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** The cluster name of a grid started without one: {@value}. */
    public static final String DEFAULT_CLUSTER_NAME = "gridlearn";
    /** The first port a member tries: {@value}, Hazelcast's default. */
    public static final int DEFAULT_PORT = 5701;

    /**
     * Checks every setting and copies {@code members}.
     *
     * @param clusterName   1 to 64 letters, digits, '_', '.' or '-'
     * @param bindHost      the interface to bind and advertise, not blank
     * @param port          the first port to try, 1 to 65535
     * @param autoIncrement try the next ports when {@code port} is taken
     * @param members       {@code host:port} of the other members, or null for none
     * @param cpMemberCount 0, or at least 3
     * @param backupCount   0 to 6
     */
    public GridSettings {
        if (clusterName == null || !CLUSTER_NAME.matcher(clusterName).matches()) {
            throw new IllegalArgumentException("cluster name must be 1 to 64 letters, digits, '_', '.' or '-', was "
                    + clusterName);
        }
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bind host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        members = List.copyOf(members == null ? List.of() : members);
        if (cpMemberCount != 0 && cpMemberCount < 3) {
            throw new IllegalArgumentException("CP member count must be 0 (small-grid mode) or at least 3, was "
                    + cpMemberCount);
        }
        if (backupCount < 0 || backupCount > 6) {
            throw new IllegalArgumentException("backup count must be between 0 and 6, was " + backupCount);
        }
    }

    /**
     * Loopback, default port, no peers, no CP, one backup.
     *
     * @param clusterName the cluster's name
     * @return the settings
     */
    public static GridSettings loopback(String clusterName) {
        return new GridSettings(clusterName, "127.0.0.1", DEFAULT_PORT, true, List.of(), 0, 1);
    }

    /**
     * The same settings with other peers and CP members.
     *
     * @param newMembers       {@code host:port} of the other members to join
     * @param newCpMemberCount 0, or at least 3
     * @return the new settings
     */
    public GridSettings withMembers(List<String> newMembers, int newCpMemberCount) {
        return new GridSettings(clusterName, bindHost, port, autoIncrement, newMembers, newCpMemberCount, backupCount);
    }

    /**
     * The same settings with another port.
     *
     * @param newPort          the first port to try
     * @param newAutoIncrement try the next ports when {@code newPort} is taken
     * @return the new settings
     */
    public GridSettings withPort(int newPort, boolean newAutoIncrement) {
        return new GridSettings(clusterName, bindHost, newPort, newAutoIncrement, members, cpMemberCount, backupCount);
    }

    /**
     * The same settings with another backup count.
     *
     * @param newBackupCount synchronous backups of every data block, 0 to 6
     * @return the new settings
     */
    public GridSettings withBackupCount(int newBackupCount) {
        return new GridSettings(clusterName, bindHost, port, autoIncrement, members, cpMemberCount, newBackupCount);
    }
}
