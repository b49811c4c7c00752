package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * One member's first pass over its partitions: per partition the number of entries and of complete ones (no null
 * on any path), per path a {@link ColumnTally}; or the message of a failure. O(partitions + paths + distinct
 * texts) in size.
 */
public final class ScanResult implements IdentifiedDataSerializable {
    String failure;
    int[] partitions = new int[0];
    long[] rows = new long[0];
    long[] complete = new long[0];
    ColumnTally[] columns = new ColumnTally[0];

    /** For Hazelcast's factory. */
    public ScanResult() {
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.SCAN_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(failure);
        out.writeIntArray(partitions);
        out.writeLongArray(rows);
        out.writeLongArray(complete);
        out.writeInt(columns.length);
        for (ColumnTally c : columns) {
            c.write(out);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        failure = in.readString();
        partitions = in.readIntArray();
        rows = in.readLongArray();
        complete = in.readLongArray();
        columns = new ColumnTally[in.readInt()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ColumnTally.read(in);
        }
    }
}
