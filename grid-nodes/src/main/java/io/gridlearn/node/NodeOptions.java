package io.gridlearn.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of a standalone member.
 *
 * @param port        the port to listen on (exactly this one: a standalone node must be where its peers expect it)
 * @param members     {@code host:port} of the other members; nothing else is discovered
 * @param clusterName the cluster name
 * @param bindHost    the interface to bind; loopback unless told otherwise
 * @param cpMembers   CP member count; -1 picks 3 when at least three members are listed (self included), else 0
 * @param backupCount backups per data block
 * @param config      a Hazelcast YAML/XML file to start from (TLS and security on Enterprise), or null
 */
public record NodeOptions(int port, List<String> members, String clusterName, String bindHost, int cpMembers,
                          int backupCount, Path config) {
    /** The usage message, printed for {@code --help} and after a bad option. */
    public static final String USAGE = """
            usage: java -jar gridlearn-node.jar [--port P] [--members HOST:PORT,...] [--cluster-name N]
                                                [--bind HOST] [--cp-members N] [--backup-count N] [--config FILE]
              --port P            port to listen on (default 5701)
              --members LIST      the other members, host:port comma-separated (no multicast, no discovery)
              --cluster-name N    cluster name (default gridlearn); members and clients of another name are refused
              --bind HOST         interface to bind (default 127.0.0.1)
              --cp-members N      CP Subsystem members: 0 = small-grid mode (models in a partitioned map
                                  with backups), >= 3 = Raft, a lost CP member replaced by promoting
                                  another member (default: 3 when at least three members are listed
                                  counting this one, else 0)
              --backup-count N    backups of every data block (default 1)
              --config FILE       start from this Hazelcast configuration file (e.g. Enterprise TLS settings)

            SIGTERM or Ctrl-C leaves the cluster gracefully: the member hands its partitions over first
            (Hazelcast's shutdown hook, policy GRACEFUL, also with --config unless the file sets
            hazelcast.shutdownhook.policy itself). Rolling restart, one node at a time: stop it with SIGTERM
            (kill PID, not kill -9) and wait until it has exited; start it again with the same options; wait
            until it has joined (its first line names the member count) before the next node. A node's
            memory is lost when it stops; with --backup-count 1, stop one node at a time only.
            """;

    /**
     * Copies {@code members}, so the record stays immutable.
     *
     * @param port        the port to listen on
     * @param members     {@code host:port} of the other members
     * @param clusterName the cluster's name
     * @param bindHost    the interface to bind and advertise
     * @param cpMembers   CP member count, or -1 for the default
     * @param backupCount backups per data block
     * @param config      a Hazelcast configuration file to start from, or null
     */
    public NodeOptions {
        members = List.copyOf(members);
    }

    /**
     * Parses command-line arguments.
     *
     * @param args the options, {@link #USAGE}
     * @return the options, defaults filled in
     * @throws IllegalArgumentException with a usage message, for {@code --help} or a bad option
     */
    public static NodeOptions parse(String[] args) {
        int port = 5701;
        List<String> members = new ArrayList<>();
        String clusterName = "gridlearn";
        String bind = "127.0.0.1";
        int cp = -1;
        int backups = 1;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--port" -> port = parseInt(a, v);
                case "--members" -> members.addAll(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
                case "--cluster-name" -> clusterName = v;
                case "--bind" -> bind = v;
                case "--cp-members" -> cp = parseInt(a, v);
                case "--backup-count" -> backups = parseInt(a, v);
                case "--config" -> config = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        return new NodeOptions(port, members, clusterName, bind, cp, backups, config);
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " needs a whole number, got '" + value + "'");
        }
    }

    /**
     * The CP member count this node will use.
     *
     * @return {@code cpMembers}, or when it is -1: 3 when at least three members are listed (self included), else 0
     */
    public int effectiveCpMembers() {
        if (cpMembers >= 0) {
            return cpMembers;
        }
        String self = bindHost + ":" + port;
        long others = members.stream().filter(m -> !m.equals(self)).count();
        return others + 1 >= 3 ? 3 : 0;
    }
}
