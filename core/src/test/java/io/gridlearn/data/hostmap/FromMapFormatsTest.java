package io.gridlearn.data.hostmap;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableReader;
import com.hazelcast.nio.serialization.PortableWriter;
import io.gridlearn.BadInputException;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Gridlearn.fromMap} on the value formats {@link FromMapTest} does not cover, on two in-process members driven
 * by a thin client: Portable records (the members have no Portable factory, so they read the fields from the class
 * definition, as documented), {@code IdentifiedDataSerializable} POJOs (read by their getters, nested path included)
 * and Java-{@code Serializable} POJOs whose classes the members' deserialization filter allows. Each dataset holds,
 * bit for bit and as a multiset of rows, the values the client reads back from the map, with the sorted category
 * dictionary. Without the allow-list the Serializable map is refused in one line naming map, key and path, and no
 * dataset is left.
 */
class FromMapFormatsTest {
    private static final int PORTABLE_FACTORY = 9_101;
    private static final int DS_FACTORY = 9_102;
    private static final String[] SEGMENTS = {"enterprise", "retail", "smb"};
    private static final String SERIALIZABLE_PREFIX = FromMapFormatsTest.class.getName() + "$";

    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** A Portable order, flat (the members never see this class: they read its class definition). */
    public static final class PortableOrder implements Portable {
        double price;
        int qty;
        boolean express;
        String segment;
        double y;

        public PortableOrder() {
        }

        PortableOrder(double price, int qty, boolean express, String segment, double y) {
            this.price = price;
            this.qty = qty;
            this.express = express;
            this.segment = segment;
            this.y = y;
        }

        @Override
        public int getFactoryId() {
            return PORTABLE_FACTORY;
        }

        @Override
        public int getClassId() {
            return 1;
        }

        @Override
        public void writePortable(PortableWriter w) throws IOException {
            w.writeDouble("price", price);
            w.writeInt("qty", qty);
            w.writeBoolean("express", express);
            w.writeString("segment", segment);
            w.writeDouble("y", y);
        }

        @Override
        public void readPortable(PortableReader r) throws IOException {
            price = r.readDouble("price");
            qty = r.readInt("qty");
            express = r.readBoolean("express");
            segment = r.readString("segment");
            y = r.readDouble("y");
        }
    }

    /** A customer, nested in the POJO orders. */
    public static final class Customer implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String segment;

        Customer(String segment) {
            this.segment = segment;
        }

        public String getSegment() {
            return segment;
        }
    }

    /** An {@code IdentifiedDataSerializable} order with getters, read by reflection on the members. */
    public static final class DsOrder implements IdentifiedDataSerializable {
        private double price;
        private int qty;
        private boolean express;
        private Customer customer;
        private double y;

        public DsOrder() {
        }

        DsOrder(double price, int qty, boolean express, String segment, double y) {
            this.price = price;
            this.qty = qty;
            this.express = express;
            this.customer = new Customer(segment);
            this.y = y;
        }

        public double getPrice() {
            return price;
        }

        public int getQty() {
            return qty;
        }

        public boolean isExpress() {
            return express;
        }

        public Customer getCustomer() {
            return customer;
        }

        public double getY() {
            return y;
        }

        @Override
        public int getFactoryId() {
            return DS_FACTORY;
        }

        @Override
        public int getClassId() {
            return 1;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeDouble(price);
            out.writeInt(qty);
            out.writeBoolean(express);
            out.writeString(customer.getSegment());
            out.writeDouble(y);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            price = in.readDouble();
            qty = in.readInt();
            express = in.readBoolean();
            customer = new Customer(in.readString());
            y = in.readDouble();
        }
    }

    /** A Java-{@code Serializable} order: readable on the members only where their filter allows its class. */
    public static final class SerOrder implements Serializable {
        private static final long serialVersionUID = 1L;
        private final double price;
        private final int qty;
        private final boolean express;
        private final Customer customer;
        private final double y;

        SerOrder(double price, int qty, boolean express, String segment, double y) {
            this.price = price;
            this.qty = qty;
            this.express = express;
            this.customer = new Customer(segment);
            this.y = y;
        }

        public double getPrice() {
            return price;
        }

        public int getQty() {
            return qty;
        }

        public boolean isExpress() {
            return express;
        }

        public Customer getCustomer() {
            return customer;
        }

        public double getY() {
            return y;
        }
    }

    /** The values a row is made of, as the client reads them back from the map. */
    private record Values(double price, int qty, boolean express, String segment, double y) {
    }

    private interface Maker<V> {
        V make(double price, int qty, boolean express, String segment, double y);
    }

    private static <V> void fill(IMap<Long, V> map, Maker<V> maker) {
        Random rnd = new Random(21);
        for (int i = 0; i < 1500; i++) {
            double price = Math.round(rnd.nextDouble() * 100_000) / 100.0;
            int qty = 1 + rnd.nextInt(20);
            boolean express = rnd.nextBoolean();
            String segment = SEGMENTS[rnd.nextInt(3)];
            double y = 3 + 0.5 * price - 2 * qty + rnd.nextGaussian();
            map.set(100L + 3L * i, maker.make(price, qty, express, segment, y));
        }
    }

    private HazelcastInstance grid(boolean allowSerializable) {
        Config config = TestGrids.config();
        if (allowSerializable) {
            // what a host does for its Java-Serializable values (docs/from-map.md): its own member configuration
            // allows its classes, then gridlearn's settings are applied on top, keeping that filter
            config = new Config().setClusterName(config.getClusterName())
                    .setProperty("hazelcast.partition.count", "23");
            config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
            config.getSerializationConfig().getJavaSerializationFilterConfig().getWhitelist()
                    .addPrefixes(SERIALIZABLE_PREFIX);
            GridConfigs.applyGridlearn(config);
        }
        config.getSerializationConfig().addDataSerializableFactory(DS_FACTORY, id -> new DsOrder());
        factory.newHazelcastInstance(config);
        factory.newHazelcastInstance(config);
        ClientConfig client = GridConfigs.clientConfig(config.getClusterName(), List.of("127.0.0.1:5701"));
        SerializationConfig s = client.getSerializationConfig();
        s.addPortableFactory(PORTABLE_FACTORY, id -> new PortableOrder());
        s.addDataSerializableFactory(DS_FACTORY, id -> new DsOrder());
        s.getJavaSerializationFilterConfig().getWhitelist().addPrefixes(SERIALIZABLE_PREFIX);
        return factory.newHazelcastClient(client);
    }

    /** The dataset's rows, sorted, against the client's values encoded with the sorted dictionary, bit for bit. */
    private static <V> void assertDatasetIsTheMap(HazelcastInstance client, Dataset d, IMap<Long, V> map,
                                                  Function<V, Values> read, String segmentPath) {
        List<Values> values = new ArrayList<>();
        for (Map.Entry<Long, V> e : map.entrySet()) {
            values.add(read.apply(e.getValue()));
        }
        List<String> dictionary = new ArrayList<>(new TreeSet<>(values.stream().map(Values::segment).toList()));
        assertEquals(List.of("price", "qty", "express", segmentPath, "y"), d.columns());
        assertEquals(ColumnKind.CATEGORICAL, d.columnSpecs().get(3).kind());
        assertEquals(dictionary, d.columnSpecs().get(3).levels());
        List<double[]> want = new ArrayList<>();
        for (Values v : values) {
            want.add(new double[]{v.price(), v.qty(), v.express() ? 1 : 0, dictionary.indexOf(v.segment()), v.y()});
        }
        List<double[]> got = new ArrayList<>();
        for (RowBlock b : new DatasetCatalog(client).blocks(d.schema()).values()) {
            for (int r = 0; r < b.rows(); r++) {
                double[] row = new double[b.cols()];
                for (int c = 0; c < b.cols(); c++) {
                    row[c] = b.get(r, c);
                }
                got.add(row);
            }
        }
        want.sort(Arrays::compare);
        got.sort(Arrays::compare);
        assertEquals(want.size(), got.size());
        assertEquals(want.size(), d.rows());
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), "row " + i);
        }
    }

    @Test
    void portableValuesAreReadFromTheirClassDefinitionWithoutTheClassOnTheMembers() {
        HazelcastInstance client = grid(false);
        IMap<Long, PortableOrder> map = client.getMap("orders");
        fill(map, PortableOrder::new);
        Dataset d = Gridlearn.on(client).fromMap("orders", "orders-ds", "price", "qty", "express", "segment", "y");
        assertDatasetIsTheMap(client, d, map, o -> new Values(o.price, o.qty, o.express, o.segment, o.y), "segment");
    }

    @Test
    void dataSerializableValuesAreReadByTheirGetters() {
        HazelcastInstance client = grid(false);
        IMap<Long, DsOrder> map = client.getMap("orders");
        fill(map, DsOrder::new);
        Dataset d = Gridlearn.on(client).fromMap("orders", "orders-ds", "price", "qty", "express", "customer.segment", "y");
        assertDatasetIsTheMap(client, d, map, o -> new Values(o.getPrice(), o.getQty(), o.isExpress(),
                o.getCustomer().getSegment(), o.getY()), "customer.segment");
    }

    @Test
    void serializableValuesNeedTheirClassesOnTheMembersAllowList() {
        HazelcastInstance client = grid(true);
        IMap<Long, SerOrder> map = client.getMap("orders");
        fill(map, SerOrder::new);
        Dataset d = Gridlearn.on(client).fromMap("orders", "orders-ds", "price", "qty", "express", "customer.segment", "y");
        assertDatasetIsTheMap(client, d, map, o -> new Values(o.getPrice(), o.getQty(), o.isExpress(),
                o.getCustomer().getSegment(), o.getY()), "customer.segment");
    }

    @Test
    void serializableValuesOffTheAllowListAreRefusedNamingMapKeyAndPath() {
        HazelcastInstance client = grid(false);
        IMap<Long, SerOrder> map = client.getMap("orders");
        fill(map, SerOrder::new); // stored as bytes (BINARY): the members never deserialize them on a put
        Gridlearn gl = Gridlearn.on(client);
        BadInputException e = assertThrows(BadInputException.class,
                () -> gl.fromMap("orders", "orders-ds", "price", "qty", "y"));
        assertTrue(e.getMessage().startsWith("map 'orders', key "), e.getMessage());
        assertTrue(e.getMessage().contains("path 'price'") && e.getMessage().contains("is not allowed"), e.getMessage());
        assertTrue(gl.datasets().isEmpty(), "no dataset left");
    }
}
