package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.TreeSet;

/**
 * What the first pass learns about one path: how many entries gave a number, a text, a null or something
 * unreadable, one example key of each (the first in partition order, then serialized-key order, so the same on any
 * member count), and the distinct texts. Its size is O(distinct texts), never O(rows).
 */
final class ColumnTally {
    long numbers;
    long texts;
    long nulls;
    long unreadable;
    int numberPartition = Integer.MAX_VALUE;
    String numberKey;
    int textPartition = Integer.MAX_VALUE;
    String textKey;
    String textSample;
    int nullPartition = Integer.MAX_VALUE;
    String nullKey;
    int badPartition = Integer.MAX_VALUE;
    String badKey;
    String badWhy;
    final TreeSet<String> levels = new TreeSet<>();

    /** Adds row {@code row}'s value of this column, from partition {@code partition}; {@code key} gives its key as text. */
    void add(ProjectedRow row, int column, int partition, java.util.function.Supplier<String> key) {
        switch (row.kind(column)) {
            case ProjectedRow.NUMBER -> {
                numbers++;
                if (partition < numberPartition) {
                    numberPartition = partition;
                    numberKey = key.get();
                }
            }
            case ProjectedRow.TEXT -> {
                texts++;
                levels.add(row.text(column));
                if (partition < textPartition) {
                    textPartition = partition;
                    textKey = key.get();
                    textSample = row.text(column);
                }
            }
            case ProjectedRow.NULL -> {
                nulls++;
                if (partition < nullPartition) {
                    nullPartition = partition;
                    nullKey = key.get();
                }
            }
            default -> {
                unreadable++;
                if (partition < badPartition) {
                    badPartition = partition;
                    badKey = key.get();
                    badWhy = row.text(column);
                }
            }
        }
    }

    /** Merges another member's tally: counts add, levels unite, the example from the lower partition wins. */
    void merge(ColumnTally o) {
        numbers += o.numbers;
        texts += o.texts;
        nulls += o.nulls;
        unreadable += o.unreadable;
        levels.addAll(o.levels);
        if (o.numberPartition < numberPartition) {
            numberPartition = o.numberPartition;
            numberKey = o.numberKey;
        }
        if (o.textPartition < textPartition) {
            textPartition = o.textPartition;
            textKey = o.textKey;
            textSample = o.textSample;
        }
        if (o.nullPartition < nullPartition) {
            nullPartition = o.nullPartition;
            nullKey = o.nullKey;
        }
        if (o.badPartition < badPartition) {
            badPartition = o.badPartition;
            badKey = o.badKey;
            badWhy = o.badWhy;
        }
    }

    void write(ObjectDataOutput out) throws IOException {
        out.writeLong(numbers);
        out.writeLong(texts);
        out.writeLong(nulls);
        out.writeLong(unreadable);
        out.writeInt(numberPartition);
        out.writeString(numberKey);
        out.writeInt(textPartition);
        out.writeString(textKey);
        out.writeString(textSample);
        out.writeInt(nullPartition);
        out.writeString(nullKey);
        out.writeInt(badPartition);
        out.writeString(badKey);
        out.writeString(badWhy);
        out.writeStringArray(levels.toArray(new String[0]));
    }

    static ColumnTally read(ObjectDataInput in) throws IOException {
        ColumnTally t = new ColumnTally();
        t.numbers = in.readLong();
        t.texts = in.readLong();
        t.nulls = in.readLong();
        t.unreadable = in.readLong();
        t.numberPartition = in.readInt();
        t.numberKey = in.readString();
        t.textPartition = in.readInt();
        t.textKey = in.readString();
        t.textSample = in.readString();
        t.nullPartition = in.readInt();
        t.nullKey = in.readString();
        t.badPartition = in.readInt();
        t.badKey = in.readString();
        t.badWhy = in.readString();
        java.util.Collections.addAll(t.levels, in.readStringArray());
        return t;
    }
}
