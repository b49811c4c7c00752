package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Arrays;

/**
 * One entry of a host map as {@link RowProjection} reads it on the member that owns it: the entry's serialized key
 * and, per path, a number, a text, a null or a reason it could not be read. It lives only on that member (the
 * projection's result is a local query's), so it is small and plain rather than general.
 */
public final class ProjectedRow implements IdentifiedDataSerializable {
    /** The path gave null, or an intermediate object on it was null. */
    static final byte NULL = 0;
    /** A number or a boolean (1 for true, 0 for false), in {@link #number}. */
    static final byte NUMBER = 1;
    /** A string, an enum constant's name or a character, in {@link #text}. */
    static final byte TEXT = 2;
    /** Not readable as a column value; {@link #text} says why. */
    static final byte UNREADABLE = 3;

    private byte[] key;
    private String keyText;
    private byte[] kinds;
    private double[] numbers;
    private String[] texts;

    /** For Hazelcast's factory. */
    public ProjectedRow() {
    }

    ProjectedRow(byte[] key, String keyText, byte[] kinds, double[] numbers, String[] texts) {
        this.key = key;
        this.keyText = keyText;
        this.kinds = kinds;
        this.numbers = numbers;
        this.texts = texts;
    }

    byte[] key() {
        return key;
    }

    /** The key as text ({@code String.valueOf} on the member), present only when the row has a null or an unreadable value. */
    String keyText() {
        return keyText;
    }

    byte kind(int column) {
        return kinds[column];
    }

    double number(int column) {
        return numbers[column];
    }

    String text(int column) {
        return texts[column];
    }

    boolean complete() {
        for (byte k : kinds) {
            if (k == NULL) {
                return false;
            }
        }
        return true;
    }

    /** Orders rows by their serialized keys, bytewise unsigned: the same order on any member and cluster size. */
    static int compareKeys(ProjectedRow a, ProjectedRow b) {
        return Arrays.compareUnsigned(a.key, b.key);
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.PROJECTED_ROW;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByteArray(key);
        out.writeString(keyText);
        out.writeByteArray(kinds);
        out.writeDoubleArray(numbers);
        out.writeStringArray(texts);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        key = in.readByteArray();
        keyText = in.readString();
        kinds = in.readByteArray();
        numbers = in.readDoubleArray();
        texts = in.readStringArray();
    }
}
