package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.projection.Projection;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.impl.QueryableEntry;

import java.io.IOException;
import java.util.Map;

/**
 * Reads the attribute paths of one host-map entry the way Hazelcast's predicates and aggregators read them: it
 * delegates to {@link Projections#singleAttribute}, one per path, which asks the entry (a {@code QueryableEntry} in a query) to
 * extract each path with the map's extractors. Compact and Portable values are read from their schemas and
 * {@code HazelcastJsonValue} by its JSON path, with no domain class on the member; POJOs and
 * {@code DataSerializable} objects by their getters and fields, which needs their classes there.
 *
 * <p>Values are normalised here, next to the data, so that only doubles and strings leave the projection: numbers
 * become doubles, booleans 1 or 0, strings, enum constants (by name) and characters text; anything else (a nested
 * record, a JSON object or array, a collection) is unreadable, with its type named. An extraction that throws is
 * unreadable too, with the exception's message, rather than failing the whole partition's query: the caller names
 * the map, key and path.
 */
public final class RowProjection implements Projection<Map.Entry<Object, Object>, ProjectedRow>, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    /** The attribute paths, one per column. */
    private String[] paths;
    /** One Hazelcast attribute projection per path, made on first use on the member. */
    private transient Projection<Map.Entry<Object, Object>, Object>[] readers;

    /** For Hazelcast's factory. */
    public RowProjection() {
    }

    RowProjection(String[] paths) {
        this.paths = paths.clone();
    }

    @Override
    public ProjectedRow transform(Map.Entry<Object, Object> entry) {
        int d = paths.length;
        byte[] kinds = new byte[d];
        double[] numbers = new double[d];
        String[] texts = new String[d];
        boolean explain = false;
        Projection<Map.Entry<Object, Object>, Object>[] read = readers();
        for (int c = 0; c < d; c++) {
            Object v = null;
            String failure = null;
            try {
                v = read[c].transform(entry);
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (failure != null) {
                kinds[c] = ProjectedRow.UNREADABLE;
                texts[c] = failure;
            } else if (v == null) {
                kinds[c] = ProjectedRow.NULL;
            } else if (v instanceof Number n) {
                kinds[c] = ProjectedRow.NUMBER;
                numbers[c] = n.doubleValue();
            } else if (v instanceof Boolean b) {
                kinds[c] = ProjectedRow.NUMBER;
                numbers[c] = b ? 1 : 0;
            } else if (v instanceof String || v instanceof Character) {
                kinds[c] = ProjectedRow.TEXT;
                texts[c] = v.toString();
            } else if (v instanceof Enum<?> e) {
                kinds[c] = ProjectedRow.TEXT;
                texts[c] = e.name();
            } else {
                kinds[c] = ProjectedRow.UNREADABLE;
                texts[c] = "a value of type " + v.getClass().getName() + ", not a number, boolean or text";
            }
            explain |= kinds[c] == ProjectedRow.NULL || kinds[c] == ProjectedRow.UNREADABLE;
        }
        // the key's own bytes, so that the member needs no key class to keep it; as text only for messages
        byte[] key = ((QueryableEntry<?, ?>) entry).getKeyData().toByteArray();
        return new ProjectedRow(key, explain ? keyText(entry) : null, kinds, numbers, texts);
    }

    private static String keyText(Map.Entry<Object, Object> entry) {
        try {
            return String.valueOf(entry.getKey());
        } catch (RuntimeException e) {
            return "(a key this member cannot read: " + e.getMessage() + ")";
        }
    }

    @SuppressWarnings("unchecked")
    private Projection<Map.Entry<Object, Object>, Object>[] readers() {
        if (readers == null) {
            Projection<Map.Entry<Object, Object>, Object>[] r = new Projection[paths.length];
            for (int c = 0; c < paths.length; c++) {
                r[c] = Projections.singleAttribute(paths[c]);
            }
            readers = r;
        }
        return readers;
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.ROW_PROJECTION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeStringArray(paths);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        paths = in.readStringArray();
    }
}
