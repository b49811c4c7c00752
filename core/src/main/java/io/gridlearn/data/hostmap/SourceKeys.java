package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * The source keys of one block's rows, in row order, as the host map serialized them: the value of a dataset's
 * source-key map ({@code io.gridlearn.data.StagedBlocks#keysMapName}), under the block's id, hence in the block's
 * partition. Kept as bytes so that no member needs the key's class to keep it, and so that a later write keyed by
 * them (predictions into a host map) uses exactly the host's keys.
 */
public final class SourceKeys implements IdentifiedDataSerializable {
    private byte[][] keys;

    /** For Hazelcast's factory. */
    public SourceKeys() {
    }

    SourceKeys(byte[][] keys) {
        this.keys = keys;
    }

    /**
     * The number of keys, the block's row count.
     *
     * @return the number of rows whose keys are kept
     */
    public int size() {
        return keys.length;
    }

    /**
     * The serialized key of row {@code r} (Hazelcast's {@code Data} bytes; not a copy: read only).
     *
     * @param r the row in the block
     * @return the key's serialized bytes
     */
    public byte[] key(int r) {
        return keys[r];
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.SOURCE_KEYS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(keys.length);
        for (byte[] k : keys) {
            out.writeByteArray(k);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        keys = new byte[in.readInt()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.readByteArray();
        }
    }
}
