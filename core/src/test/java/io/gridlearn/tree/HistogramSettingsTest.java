package io.gridlearn.tree;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import io.gridlearn.grid.GridConfigs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The edges and trees a histogram pass carries as one byte string ({@link HistogramAggregator.Heavy}): a JVM that
 * has not seen the string (another member) decodes the same values, and one that has shares them.
 */
class HistogramSettingsTest {
    @Test
    void aDecodedStringIsTheEncodedEdgesAndTrees() throws Exception {
        double[][] edges = {{-1.5, 0.25, 3}, {}, {Double.MIN_VALUE, 7}};
        Tree t = new Tree(4);
        t.addNode(0, 0, 0);
        int l = t.addNode(-0.125, 0, 1);
        int r = t.addNode(0.3, 0, 1);
        t.split(0, 2, 1, 7, true, 1.5, l, r);
        HistogramAggregator.Heavy a = HistogramAggregator.Heavy.encode(11, edges, new Tree[] {t});
        assertSame(a, HistogramAggregator.Heavy.get(11, 1));
        HistogramAggregator.Heavy b = HistogramAggregator.Heavy.decode(12, a.blob.clone()); // as another JVM would
        assertEquals(3, b.edges.length);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(edges[j], b.edges[j]);
        }
        Tree u = b.finished[0];
        assertEquals(3, u.size);
        for (int i = 0; i < 3; i++) {
            assertEquals(t.left[i], u.left[i]);
            assertEquals(t.right[i], u.right[i]);
            assertEquals(t.feature[i], u.feature[i]);
            assertEquals(t.splitBin[i], u.splitBin[i]);
            assertEquals(t.defaultLeft[i], u.defaultLeft[i]);
            assertEquals(Double.doubleToRawLongBits(t.value[i]), Double.doubleToRawLongBits(u.value[i]));
            assertEquals(Double.doubleToRawLongBits(t.threshold[i]), Double.doubleToRawLongBits(u.threshold[i]));
        }
        assertSame(b, HistogramAggregator.Heavy.get(12, 1));
    }

    /**
     * By reference, a pass's aggregator carries (fit key, tree count, length) instead of the string: a JVM that
     * knows the string reads the same settings (and writes the same bytes again); one that does not fails to read
     * it, which fails the pass, so that the trainer sends the string whole.
     */
    @Test
    void aReferenceIsReadOnlyWhereTheStringIsKnown() {
        SerializationConfig sc = new SerializationConfig();
        GridConfigs.applySerialization(sc);
        InternalSerializationService ss = new DefaultSerializationServiceBuilder().setConfig(sc).build();
        Tree t = Tree.root(0.1, 10);
        int l = t.addNode(-0.25, 4, 1);
        int r = t.addNode(0.5, 6, 1);
        t.split(0, 0, 1, 0.0, true, 1.5, l, r);
        double[][] e = {{0, 1, 2}, {-1, 1}};
        long key = 0x5EED0001L;
        java.util.function.Supplier<HistogramAggregator> make = () -> new HistogramAggregator(new int[] {0, 1}, 2,
                Objective.LOGISTIC, 0.0, new BinEdges(e), new Tree[] {t}, Tree.root(0, 10), new int[] {0}, 0x1p40,
                0x1p42).cached(key);
        Data whole = ss.toData(make.get());
        Data reference = ss.toData(make.get().byReference(true));
        assertEquals(true, reference.totalSize() < whole.totalSize());
        HistogramAggregator copy = ss.toObject(reference);
        assertArrayEquals(reference.toByteArray(), ss.toData(copy).toByteArray());
        assertEquals(make.get().totalBins(), copy.totalBins());
        HistogramAggregator.Heavy.forget(key, 1);
        assertThrows(HazelcastSerializationException.class, () -> ss.toObject(reference));
        HistogramAggregator fromWhole = ss.toObject(whole); // the string sent whole is decoded anew
        assertEquals(make.get().totalBins(), fromWhole.totalBins());
        assertSame(HistogramAggregator.Heavy.get(key, 1).edges, ss.<HistogramAggregator>toObject(reference).edges);
    }
}
