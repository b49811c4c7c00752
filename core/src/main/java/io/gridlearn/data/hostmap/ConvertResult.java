package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * One member's second pass: the blocks it wrote (id, rows, digest; O(blocks)), or a failure: {@code badInput}
 * when the user can fix it (the map changed during the conversion, a value is unreadable); for a follower's
 * conversion also the blocks each partition needs.
 */
public final class ConvertResult implements IdentifiedDataSerializable {
    String failure;
    boolean badInput;
    int[] blockIds = new int[0];
    int[] rows = new int[0];
    long[] digests = new long[0];
    /** Blocks each partition of the task needs (its rows / block size, rounded up), in the task's order. */
    int[] needed = new int[0];

    /** For Hazelcast's factory. */
    public ConvertResult() {
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.CONVERT_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(failure);
        out.writeBoolean(badInput);
        out.writeIntArray(blockIds);
        out.writeIntArray(rows);
        out.writeLongArray(digests);
        out.writeIntArray(needed);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        failure = in.readString();
        badInput = in.readBoolean();
        blockIds = in.readIntArray();
        rows = in.readIntArray();
        digests = in.readLongArray();
        needed = in.readIntArray();
    }
}
