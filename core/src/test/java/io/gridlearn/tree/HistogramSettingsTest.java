package io.gridlearn.tree;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
