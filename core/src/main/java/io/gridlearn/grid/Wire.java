package io.gridlearn.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowGrouping;

import java.io.IOException;

/** Wire forms shared by several aggregators, written and read in one place so they cannot drift apart. */
public final class Wire {
    private Wire() {
    }

    /**
     * Writes a row grouping: test fraction, folds, seed.
     *
     * @param out the stream
     * @param g   the grouping
     * @throws IOException when the stream fails
     */
    public static void writeGrouping(ObjectDataOutput out, RowGrouping g) throws IOException {
        out.writeDouble(g.testFraction());
        out.writeInt(g.folds());
        out.writeLong(g.seed());
    }

    /**
     * Reads a row grouping as {@link #writeGrouping} wrote it.
     *
     * @param in the stream
     * @return the grouping
     * @throws IOException when the stream fails
     */
    public static RowGrouping readGrouping(ObjectDataInput in) throws IOException {
        return new RowGrouping(in.readDouble(), in.readInt(), in.readLong());
    }
}
