package io.gridlearn.cli;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.cp.exception.CPSubsystemException;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.OptionException;
import io.gridlearn.grid.GridDeadline;
import io.gridlearn.grid.GridTimeoutException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the command line says about a failure: exactly one line (what failed and what to do) and the exit
 * status. gridlearn's own exceptions carry their message; Hazelcast's are recognised anywhere in the cause
 * chain and worded for the user; anything else is an unexpected failure, still in one line ({@code --verbose}
 * adds the stack trace).
 */
final class Failures {
    /** The longest message printed, so that a huge exception message still makes one readable line. */
    static final int MAX_LINE = 2000;
    private static final Pattern OPERATION = Pattern.compile("operation=([A-Za-z0-9_.$]+)");

    private Failures() {
    }

    /** One line for the user and the exit status. */
    record Verdict(String line, int exit) {
    }

    static Verdict of(Throwable ex) {
        if (ex instanceof OptionException o) {
            return new Verdict(oneLine(o.forCommandLine()), 2);
        }
        if (ex instanceof BadInputException) {
            return new Verdict(oneLine(ex.getMessage()), 2);
        }
        String timeout = io.gridlearn.grid.GridTimeoutException.seconds(GridDeadline.get());
        if (find(ex, GridTimeoutException.class) instanceof GridTimeoutException t) {
            return new Verdict(t.what().contains("CP Subsystem") ? cpLost(t.getMessage()) : t.getMessage()
                    + ": the grid is overloaded or members are unreachable; check the members, then run the command"
                    + " again (raise --timeout if the grid is only slow)", 1);
        }
        if (ex instanceof GridlearnException && !hazelcastCause(ex)) {
            return new Verdict(oneLine(ex.getMessage()), 1);
        }
        if (find(ex, CPSubsystemException.class) != null || (find(ex, OperationTimeoutException.class) != null
                || find(ex, MemberLeftException.class) != null) && mentionsCp(ex)) {
            return new Verdict(cpLost("the model store (CP Subsystem) is unavailable (" + operation(ex) + ")"), 1);
        }
        if (find(ex, OperationTimeoutException.class) != null) {
            return new Verdict("the grid did not answer in time (" + operation(ex) + "): a member is overloaded or "
                    + "unreachable; check the members, then run the command again (raise --timeout, now " + timeout
                    + ", if the grid is only slow)", 1);
        }
        if (find(ex, SplitBrainProtectionException.class) != null) {
            return new Verdict("the grid refused the operation: too few of its members can see each other "
                    + "(split-brain protection); reconnect or restart the missing members, then run the command again", 1);
        }
        if (find(ex, MemberLeftException.class) != null || find(ex, TargetDisconnectedException.class) != null
                || find(ex, TargetNotMemberException.class) != null) {
            return new Verdict("a grid member left while the command ran (" + operation(ex) + "): run the command "
                    + "again once the grid is stable; if members keep leaving, check their logs and heap", 1);
        }
        if (find(ex, HazelcastClientNotActiveException.class) != null
                || find(ex, HazelcastClientOfflineException.class) != null
                || find(ex, HazelcastInstanceNotActiveException.class) != null) {
            return new Verdict("lost the connection to the grid: its members stopped or the network split, and none"
                    + " came back within " + timeout + "; check that the members are up and reachable, then run the"
                    + " command again", 1);
        }
        if (find(ex, HazelcastSerializationException.class) instanceof HazelcastSerializationException s) {
            return new Verdict("the grid could not read or write a value (" + firstLine(s.getMessage()) + "): the "
                    + "client and the members must run the same gridlearn version (this is "
                    + new VersionProvider().getVersion()[0] + "); restart the members with this version's "
                    + "gridlearn-node.jar", 1);
        }
        if (ex instanceof GridlearnException) {
            return new Verdict(oneLine(ex.getMessage()), 1);
        }
        return new Verdict("unexpected failure: " + ex.getClass().getName() + ": " + firstLine(ex.getMessage())
                + " (run with --verbose for the stack trace, and please report it)", 1);
    }

    private static String cpLost(String what) {
        return what + ": its CP group has no majority (more CP members lost at once than it can spare, or fewer "
                + "members up than the CP member count); a grid that lost the majority switches its model store to "
                + "the partitioned map within seconds, so run the command again; datasets are unaffected and model "
                + "versions stay in the history map; see \"When the grid fails\" in docs/cli.md";
    }

    /** The first exception of this type in the cause chain, or null. */
    static Throwable find(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean hazelcastCause(Throwable ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("com.hazelcast.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsCp(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("CPGroup") || m.contains("AtomicRef") || m.contains("RaftGroup")
                    || m.contains("CPSubsystem"))) {
                return true;
            }
        }
        return false;
    }

    /** The Hazelcast operation named in a client invocation's message, else the exception's simple name. */
    private static String operation(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = OPERATION.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        return oneLine(s.strip().lines().findFirst().orElse(""));
    }

    /** Line breaks folded into spaces, cut at {@link #MAX_LINE} characters. */
    static String oneLine(String s) {
        String flat = String.valueOf(s).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return flat.length() <= MAX_LINE ? flat : flat.substring(0, MAX_LINE - 3) + "...";
    }
}
