package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * A follower's report, written by the follower after each round into {@value HostMapFollow#STATUS_MAP} under the
 * dataset's name. Times are the member's wall clock in epoch milliseconds.
 */
public final class FollowStatus implements IdentifiedDataSerializable {
    /** The follower is keeping the dataset equal to the map. */
    public static final String FOLLOWING = "following";
    /** The last round could not be applied (see {@link #message()}); it is retried every round. */
    public static final String STALLED = "stalled";

    String token;
    String member;
    String state;
    String message;
    long changes;
    long heals;
    long caughtUpTo;
    long lastRead;
    long lastPublished;
    long rows;

    /** For Hazelcast's factory. */
    public FollowStatus() {
    }

    FollowStatus(String token, String member) {
        this.token = token;
        this.member = member;
        this.state = FOLLOWING;
    }

    FollowStatus copy() {
        FollowStatus s = new FollowStatus(token, member);
        s.state = state;
        s.message = message;
        s.changes = changes;
        s.heals = heals;
        s.caughtUpTo = caughtUpTo;
        s.lastRead = lastRead;
        s.lastPublished = lastPublished;
        s.rows = rows;
        return s;
    }

    /**
     * The member the follower runs on.
     *
     * @return its address
     */
    public String member() {
        return member;
    }

    /**
     * {@link #FOLLOWING} or {@link #STALLED}.
     *
     * @return the state
     */
    public String state() {
        return state;
    }

    /**
     * Why the last round stalled, or what was last healed; null when there is nothing to say.
     *
     * @return a one-line message or null
     */
    public String message() {
        return message;
    }

    /**
     * Changes published to the dataset since the follower started (each one version of every live model).
     *
     * @return the count
     */
    public long changes() {
        return changes;
    }

    /**
     * Journal overruns detected (events lost) and healed by re-converting every partition.
     *
     * @return the count
     */
    public long heals() {
        return heals;
    }

    /**
     * Every write to the map that completed before this time is in the dataset (and its live models): the start of
     * the newest round that left nothing pending. 0 before the first such round.
     *
     * @return epoch milliseconds
     */
    public long caughtUpTo() {
        return caughtUpTo;
    }

    /**
     * The start of the round that published the newest change: writes completed before it are in that change.
     *
     * @return epoch milliseconds, 0 before the first change
     */
    public long lastRead() {
        return lastRead;
    }

    /**
     * When the newest change was published, its live models refreshed.
     *
     * @return epoch milliseconds, 0 before the first change
     */
    public long lastPublished() {
        return lastPublished;
    }

    /**
     * The dataset's rows after the newest change.
     *
     * @return the row count
     */
    public long rows() {
        return rows;
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.FOLLOW_STATUS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(token);
        out.writeString(member);
        out.writeString(state);
        out.writeString(message);
        out.writeLong(changes);
        out.writeLong(heals);
        out.writeLong(caughtUpTo);
        out.writeLong(lastRead);
        out.writeLong(lastPublished);
        out.writeLong(rows);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        token = in.readString();
        member = in.readString();
        state = in.readString();
        message = in.readString();
        changes = in.readLong();
        heals = in.readLong();
        caughtUpTo = in.readLong();
        lastRead = in.readLong();
        lastPublished = in.readLong();
        rows = in.readLong();
    }
}
