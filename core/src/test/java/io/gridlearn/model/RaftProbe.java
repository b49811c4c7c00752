package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPGroupId;

import java.lang.reflect.Method;
import java.util.Collection;

/**
 * A member's local view of one Raft group, read through Hazelcast's own test support. Reflection, because the CP
 * internals exist only in builds with the community CP Subsystem (5.4) and the tests also compile against 5.7.
 */
final class RaftProbe {
    private static final Method GET_RAFT_NODE;
    private static final Method GET_COMMIT_INDEX;
    private static final Method GET_COMMITTED_MEMBERS;
    private static final Method MEMBERS;

    static {
        try {
            Class<?> support = Class.forName("com.hazelcast.cp.internal.HazelcastRaftTestSupport");
            Class<?> util = Class.forName("com.hazelcast.cp.internal.raft.impl.RaftUtil");
            Class<?> node = Class.forName("com.hazelcast.cp.internal.raft.impl.RaftNodeImpl");
            GET_RAFT_NODE = support.getMethod("getRaftNode", HazelcastInstance.class, CPGroupId.class);
            GET_COMMIT_INDEX = util.getMethod("getCommitIndex", node);
            GET_COMMITTED_MEMBERS = util.getMethod("getCommittedGroupMembers", node);
            MEMBERS = Class.forName("com.hazelcast.cp.internal.raft.impl.state.RaftGroupMembers").getMethod("members");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RaftProbe() {
    }

    /** The member's Raft node of the group, or {@code null} while the member has not yet created it. */
    static Object node(HazelcastInstance member, CPGroupId group) {
        return invoke(GET_RAFT_NODE, null, member, group);
    }

    static long commitIndex(Object node) {
        return (Long) invoke(GET_COMMIT_INDEX, null, node);
    }

    /** How many members the group has in the last membership this node knows to be committed. */
    static int committedMembers(Object node) {
        return ((Collection<?>) invoke(MEMBERS, invoke(GET_COMMITTED_MEMBERS, null, node))).size();
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
