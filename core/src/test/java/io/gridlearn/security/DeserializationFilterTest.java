package io.gridlearn.security;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.Serializable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members refuse Java deserialization of classes off Hazelcast's allow-list: a client that sends a
 * {@link Serializable} object of its own class into a data map (which members store deserialized, in
 * {@code OBJECT} format) gets an error, and nothing is stored.
 */
class DeserializationFilterTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    /** A class a hostile client could send: Java-serializable, not on any allow-list. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        final String payload = "rm -rf /";
    }

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void javaSerializedObjectsFromAClientAreRefused() {
        com.hazelcast.config.Config config = TestGrids.config();
        factory.newHazelcastInstance(config);
        HazelcastInstance client = factory.newHazelcastClient(
                GridConfigs.clientConfig(config.getClusterName(), java.util.List.of("127.0.0.1:5701")));
        IMap<Integer, Object> map = client.getMap(GridConfigs.DATA_MAP_PREFIX + "hostile");
        RuntimeException e = assertThrows(RuntimeException.class, () -> map.put(1, new Gadget()));
        String chain = chain(e);
        assertTrue(chain.contains("Gadget") && (chain.contains("not allowed") || chain.contains("lacklist")
                || chain.contains("llowlist") || chain.contains("hitelist") || chain.contains("filter")), chain);
        assertEquals(0, map.size(), "nothing was stored");
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
