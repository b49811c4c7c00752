package io.gridlearn.grid;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.util.ServiceLoader;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.bayes.ClassMomentsKernel;
import io.gridlearn.bayes.ClassSampler;
import io.gridlearn.data.BlockCountAggregator;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.eval.ClassificationKernel;
import io.gridlearn.eval.PredictProcessor;
import io.gridlearn.eval.RegressionMetricsAggregator;
import io.gridlearn.kmeans.HashSampler;
import io.gridlearn.kmeans.LloydKernel;
import io.gridlearn.kmeans.ParallelSampler;
import io.gridlearn.kmeans.RowIdSampler;
import io.gridlearn.linear.BlockFitProcessor;
import io.gridlearn.linear.BlockMomentsProcessor;
import io.gridlearn.linear.FeatureMeansAggregator;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.LiveState;
import io.gridlearn.linear.RefinementKernel;
import io.gridlearn.logistic.BadTargetSampler;
import io.gridlearn.logistic.BinaryKernel;
import io.gridlearn.logistic.MetricsKernel;
import io.gridlearn.logistic.PrepKernel;
import io.gridlearn.logistic.SoftmaxKernel;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pass.KernelAggregator;
import io.gridlearn.pass.SampleAggregator;
import io.gridlearn.pca.ColumnMomentsKernel;
import io.gridlearn.report.ColumnHistogramKernel;
import io.gridlearn.report.ReportSampler;
import io.gridlearn.report.ScoreHistogramKernel;
import io.gridlearn.stats.ColumnStatsAggregator;
import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.testutil.Iris;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gridlearn's Hazelcast serialization as members and clients see it: one {@link DataSerializerHook} per package,
 * found only through {@code META-INF/services/com.hazelcast.DataSerializerHook}, with unique ids, and every
 * registered type surviving a round trip through a serialization service to which no factory was given.
 */
class SerializationTest {
    /** The services file Hazelcast's {@code DataSerializableSerializer} reads hooks from. */
    private static final String SERVICES = "com.hazelcast.DataSerializerHook";

    /** gridlearn's hook class names, from every copy of the services file on the classpath. */
    private static Set<String> listedHooks() throws IOException {
        Set<String> names = new TreeSet<>();
        ClassLoader loader = SerializationTest.class.getClassLoader();
        for (URL url : Collections.list(loader.getResources("META-INF/services/" + SERVICES))) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int hash = line.indexOf('#');
                    String name = (hash < 0 ? line : line.substring(0, hash)).trim();
                    if (name.startsWith("io.gridlearn.")) {
                        assertTrue(names.add(name), name + " is listed twice");
                    }
                }
            }
        }
        return names;
    }

    /** gridlearn's hooks as Hazelcast itself loads them (the call {@code DataSerializableSerializer} makes). */
    private static List<DataSerializerHook> hooks() throws Exception {
        List<DataSerializerHook> hooks = new ArrayList<>();
        Iterator<DataSerializerHook> it = ServiceLoader.iterator(DataSerializerHook.class, SERVICES,
                SerializationTest.class.getClassLoader());
        while (it.hasNext()) {
            DataSerializerHook hook = it.next();
            if (hook.getClass().getName().startsWith("io.gridlearn.")) {
                hooks.add(hook);
            }
        }
        return hooks;
    }

    /**
     * A hook's class-id constants: the public static final ints it declares other than {@code FACTORY_ID}
     * (not those it inherits from {@link DataSerializerHook}).
     */
    private static Map<String, Integer> classIds(DataSerializerHook hook) throws IllegalAccessException {
        Map<String, Integer> ids = new TreeMap<>();
        for (Field f : hook.getClass().getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class && !f.getName().equals("FACTORY_ID")) {
                ids.put(f.getName(), f.getInt(null));
            }
        }
        return ids;
    }

    /** "factory id/class id" of every type the hooks register, with the class each id creates. */
    private static Map<String, Class<?>> registeredTypes() throws Exception {
        Map<String, Class<?>> types = new TreeMap<>();
        for (DataSerializerHook hook : hooks()) {
            DataSerializableFactory factory = hook.createFactory();
            for (int id : classIds(hook).values()) {
                types.put(hook.getFactoryId() + "/" + id, factory.create(id).getClass());
            }
        }
        return types;
    }

    @Test
    void hazelcastLoadsExactlyTheHooksTheServicesFileLists() throws Exception {
        Set<String> listed = listedHooks();
        Set<String> loaded = new TreeSet<>();
        for (DataSerializerHook hook : hooks()) {
            loaded.add(hook.getClass().getName());
        }
        assertEquals(listed, loaded);
        // data, stats, eval, pass, linear, logistic, kmeans, bayes, pca, report, glm, tree, data.hostmap, runtime
        assertEquals(14, loaded.size(), loaded.toString());
        // the services file is read by Hazelcast, not by our configuration
        SerializationConfig sc = new SerializationConfig();
        GridConfigs.applySerialization(sc);
        assertTrue(sc.getDataSerializableFactories().isEmpty());
        assertTrue(sc.getDataSerializableFactoryClasses().isEmpty());
    }

    @Test
    void idsAreUniqueAndEveryObjectReportsItsHooksIds() throws Exception {
        Set<Integer> factoryIds = new TreeSet<>();
        for (DataSerializerHook hook : hooks()) {
            String name = hook.getClass().getSimpleName();
            int factoryId = hook.getFactoryId();
            assertTrue(factoryIds.add(factoryId), "factory id " + factoryId + " of " + name + " is taken");
            // gridlearn's documented block; Hazelcast's own factory ids are negative
            assertTrue(factoryId >= 4_711 && factoryId <= 4_730, name + ": " + factoryId);
            assertTrue(factoryId != SerializationIds.ROW_BLOCK_TYPE_ID, name);
            assertEquals(factoryId, hook.getClass().getField("FACTORY_ID").getInt(null), name);

            Map<String, Integer> ids = classIds(hook);
            assertFalse(ids.isEmpty(), name);
            assertEquals(ids.size(), new TreeSet<>(ids.values()).size(), name + " repeats a class id: " + ids);
            DataSerializableFactory factory = hook.createFactory();
            for (Map.Entry<String, Integer> e : ids.entrySet()) {
                IdentifiedDataSerializable created = factory.create(e.getValue());
                assertNotNull(created, name + "." + e.getKey() + " creates nothing");
                assertEquals(factoryId, created.getFactoryId(), name + "." + e.getKey());
                assertEquals((int) e.getValue(), created.getClassId(), name + "." + e.getKey());
                assertEquals(hook.getClass().getPackage(), created.getClass().getPackage(),
                        name + " registers a class of another package");
            }
            assertNull(factory.create(0), name);
            assertNull(factory.create(Collections.max(ids.values()) + 1), name);
        }
        assertTrue(SerializationIds.ROW_BLOCK_TYPE_ID > 0);
    }

    /** Every concrete {@link IdentifiedDataSerializable} of gridlearn's main classes is registered by a hook. */
    @Test
    void everyIdentifiedDataSerializableClassIsRegistered() throws Exception {
        Set<Class<?>> registered = Set.copyOf(registeredTypes().values());
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (String name : mainClassNames()) {
            Class<?> c;
            try {
                c = Class.forName(name, false, SerializationTest.class.getClassLoader());
            } catch (LinkageError e) {
                continue; // an optional dependency absent from the test classpath; not a serializable class
            }
            if (IdentifiedDataSerializable.class.isAssignableFrom(c) && !c.isInterface()
                    && !Modifier.isAbstract(c.getModifiers())) {
                seen++;
                if (!registered.contains(c)) {
                    missing.add(name);
                }
            }
        }
        assertTrue(missing.isEmpty(), "not created by any hook: " + missing);
        assertEquals(registered.size(), seen);
    }

    private static List<String> mainClassNames() throws Exception {
        URI location = GridConfigs.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        if (Files.isDirectory(root)) {
            return classNames(root);
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return classNames(jar.getPath("/"));
        }
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("io/gridlearn"))) {
            return files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(s -> s.endsWith(".class") && !s.endsWith("package-info.class") && !s.endsWith("module-info.class"))
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }

    private static RowBlock block(int id, int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        v[3] = Double.NaN;
        return new RowBlock(id, rows, cols, v);
    }

    @Test
    void applyingGridlearnsSettingsTwiceChangesNothing() {
        com.hazelcast.config.Config c = new com.hazelcast.config.Config();
        GridConfigs.applyGridlearn(c);
        int serializers = c.getSerializationConfig().getSerializerConfigs().size();
        int listeners = c.getListenerConfigs().size();
        java.util.Set<String> maps = new TreeSet<>(c.getMapConfigs().keySet());
        GridConfigs.applyGridlearn(c);
        GridConfigs.applySerialization(c.getSerializationConfig());
        assertEquals(serializers, c.getSerializationConfig().getSerializerConfigs().size());
        assertEquals(listeners, c.getListenerConfigs().size());
        assertEquals(maps, new TreeSet<>(c.getMapConfigs().keySet()));
        assertEquals(1, c.getSerializationConfig().getJavaSerializationFilterConfig().getWhitelist().getClasses()
                .stream().filter(n -> n.startsWith("io.gridlearn")).count());
        // and a service built from it still round-trips a block
        InternalSerializationService ss = new DefaultSerializationServiceBuilder()
                .setConfig(c.getSerializationConfig()).build();
        assertEquals(3, ((RowBlock) ss.toObject(ss.toData(block(3, 10, 2, 1)))).blockId());
    }

    /** A member's serialization service: gridlearn's configuration, no factory registered. */
    private static InternalSerializationService service() {
        SerializationConfig sc = new SerializationConfig();
        GridConfigs.applySerialization(sc);
        return new DefaultSerializationServiceBuilder().setConfig(sc).build();
    }

    @Test
    void rowBlocksRoundTripBitForBit() {
        InternalSerializationService ss = service();
        RowBlock b = block(7, 100, 5, 1);
        Data data = ss.toData(b);
        assertEquals(SerializationIds.ROW_BLOCK_TYPE_ID, data.getType());
        RowBlock back = ss.toObject(data);
        assertEquals(7, back.blockId());
        assertEquals(100, back.rows());
        assertEquals(5, back.cols());
        for (int i = 0; i < b.values().length; i++) {
            assertEquals(Double.doubleToRawLongBits(b.values()[i]), Double.doubleToRawLongBits(back.values()[i]));
        }
    }

    /** One populated instance of every registered type (aggregators have accumulated some blocks). */
    private static List<IdentifiedDataSerializable> samples() throws Exception {
        List<IdentifiedDataSerializable> all = new ArrayList<>();
        RowGrouping g = new RowGrouping(0.2, 3, 5);
        int[] cols = {0, 1, 2, 3};
        ColumnStatsAggregator stats = new ColumnStatsAggregator();
        // the QR pass folds the R factors of a partition it holds completely: blocks 0 and 2 share partition 0
        // (block 0 is skipped below, so that partition stays incomplete: its block 2 travels alone), block 1 is
        // alone in partition 1 (complete: one folded R)
        LinearPassAggregator pass = new LinearPassAggregator(cols, g, 50, true, true, null, BlockIds.range(0, 3));
        pass.usePartitions(id -> id % 2);
        RegressionMetricsAggregator metrics = new RegressionMetricsAggregator(new int[] {0, 1, 2}, 3, 0.5,
                new double[] {1, 2, 3}, g, 50);
        RefinementKernel refinement = new RefinementKernel(cols, g, 50, true, new double[] {0.1, 0.2, 0.3, 0.4},
                null, true);
        KernelAggregator refine = new KernelAggregator(refinement, 50);
        // mean imputation: fill values travel with the passes, and the means pass carries exact sums
        LinearPassAggregator filled = new LinearPassAggregator(cols, g, 50, true, true, new double[] {1, 2, 3});
        filled.usePartitions(id -> id % 2);
        FeatureMeansAggregator means = new FeatureMeansAggregator(new int[] {0, 1, 2}, 3, g, 50);
        BlockCountAggregator counts = new BlockCountAggregator();
        // frequency weights (column 4; its random values include negative ones, counted as bad weights)
        LinearPassAggregator weighted = new LinearPassAggregator(cols, g, 50, true, true, null, BlockIds.range(0, 3), 4);
        weighted.usePartitions(id -> id % 2);
        RegressionMetricsAggregator weightedMetrics = new RegressionMetricsAggregator(new int[] {0, 1, 2}, 3, 0.5,
                new double[] {1, 2, 3}, null, g, 50, 4);
        FeatureMeansAggregator weightedMeans = new FeatureMeansAggregator(new int[] {0, 1, 2}, 3, g, 50, 4);
        for (int b = 0; b < 3; b++) {
            AbstractMap.SimpleEntry<Integer, RowBlock> e = new AbstractMap.SimpleEntry<>(b, block(b, 50, 5, b));
            filled.accumulate(e);
            means.accumulate(e);
            counts.accumulate(e);
            weighted.accumulate(e);
            weightedMetrics.accumulate(e);
            weightedMeans.accumulate(e);
            if (b != 0) { // block 0 holds a NaN in a used column; the others do not
                stats.accumulate(e);
                pass.accumulate(e);
                metrics.accumulate(e);
                refine.accumulate(e);
            }
        }
        Collections.addAll(all, stats, pass, metrics, refinement, refine, filled, means, counts, weighted,
                weightedMetrics, weightedMeans, new RefinementKernel(cols, g, 50, true, new double[] {0.1, 0.2, 0.3, 0.4},
                        null, false, 4));

        // data
        all.add(BlockIds.of(0, 1, 2, 7, 9).predicate());
        all.add(new io.gridlearn.data.HeapTask());
        all.addAll(io.gridlearn.data.DatasetSerializerHook.examples());
        // eval
        ClassificationKernel classification = new ClassificationKernel("{}", new int[] {0, 1}, 2, 3);
        all.add(new PredictProcessor("{\"format\":\"gridlearn-model/1\"}", new int[] {0, 1}, 2));
        all.add(classification);
        all.add(new io.gridlearn.eval.PredictIntoMapTask("{}", new int[] {0, 1}, io.gridlearn.PredictionType.LINK,
                "gridlearn.blocks.x", "scores", new int[] {3, 5}));
        // pass
        all.add(new KernelAggregator(classification, 50));
        all.add(new SampleAggregator(new RowIdSampler(Iris.FEATURES, new long[] {0, 50}), 50));
        all.add(new io.gridlearn.pass.WeightCheckKernel(1));
        all.add(new io.gridlearn.pass.BadWeightSampler(1));
        // linear
        all.add(new BlockFitProcessor(cols, g, 50));
        all.add(new BlockMomentsProcessor(new LinearPassAggregator(cols, RowGrouping.NONE, 50, false, true)));
        Constructor<LiveState> live = LiveState.class.getDeclaredConstructor(String.class, String.class, List.class,
                String.class, BlockIds.class, MomentMatrix.class);
        live.setAccessible(true);
        all.add(live.newInstance("iris", "species", Iris.NAMES, "{}", BlockIds.range(0, 3), new MomentMatrix(5)));

        int[] f = Iris.FEATURES;
        int t = Iris.TARGET;
        double[] c3 = {5, 3, 1.5, 0.2, 6, 2.8, 4.5, 1.4, 6.8, 3, 5.7, 2};
        double[] center = {5.8, 3, 3.8, 1.2};
        double[] scale = {0.8, 0.4, 1.8, 0.8};
        double[] theta = {0.1, -0.2, 0.3, -0.4, 0.05};
        double[] theta3 = new double[15];
        for (int i = 0; i < theta3.length; i++) {
            theta3[i] = 0.003 * (i - 7);
        }
        // logistic
        Collections.addAll(all, new PrepKernel(f, t, 3, center), new BinaryKernel(f, t, center, scale, theta, true),
                new SoftmaxKernel(f, t, 3, center, scale, theta3, true), new MetricsKernel(f, t, 3, null, scale, theta3),
                new BadTargetSampler(f, t, 2));
        // k-means
        Collections.addAll(all, new LloydKernel(f, c3, 3, 0), new HashSampler(f, 3, 42, -1, 1),
                new ParallelSampler(f, c3, 3, 6, 42, 2, 1));
        Collections.addAll(all, new LloydKernel(f, c3, 3), new RowIdSampler(f, new long[] {0, 50, 100}),
                new HashSampler(f, 3, 42, -1), new ParallelSampler(f, c3, 3, 6, 42, 2));
        // naive Bayes, PCA
        Collections.addAll(all, new ClassSampler(f, 4, 0), new ClassMomentsKernel(f, 4, 3, c3, 1),
                new ClassificationKernel("{}", new int[] {0, 1}, 2, 3, 1),
                new ClassSampler(f, 4), new ClassMomentsKernel(f, 4, 3, c3 /* 3 × 4 shifts */),
                new ColumnMomentsKernel(f, new double[] {5, 3, 4, 1}, true));
        // report
        Collections.addAll(all, new ReportSampler(f, t, 0.5, 42), new ScoreHistogramKernel("{}", f, t, 10),
                new ColumnHistogramKernel(f, new double[] {4, 2, 1, 0}, new double[] {8, 4.5, 7, 2.5}, 8));
        // glm
        all.addAll(io.gridlearn.glm.GlmSerializerHook.examples(f, t));
        // trees
        all.addAll(io.gridlearn.tree.TreeSerializerHook.examples(f, t));
        // host-map conversion
        all.addAll(io.gridlearn.data.hostmap.HostMapSerializerHook.examples());
        // a fit driven by a member: every option value type it carries
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("lambda", 1e-4);
        options.put("maxIter", 50);
        options.put("seed", 42L);
        options.put("standardize", true);
        options.put("solver", "lbfgs");
        options.put("features", List.of("x0", "x1"));
        all.add(new io.gridlearn.runtime.MemberFit("logistic", options, "d", "m", true));
        return all;
    }

    @Test
    void samplesCoverEveryRegisteredType() throws Exception {
        Map<String, Class<?>> sampled = new TreeMap<>();
        for (IdentifiedDataSerializable o : samples()) {
            sampled.put(o.getFactoryId() + "/" + o.getClassId(), o.getClass());
        }
        assertEquals(registeredTypes(), sampled);
    }

    /**
     * Every type through a serialization service built without any factory: only the services file tells
     * Hazelcast how to read them. Re-serializing the copy gives the same bytes (every field is written and read
     * symmetrically), and kernels and samplers compute the same bits after the trip.
     */
    @Test
    void everyTypeRoundTripsWithoutRegisteredFactories() throws Exception {
        InternalSerializationService ss = service();
        RowBlock block = Iris.blocks(40).get(1);
        for (IdentifiedDataSerializable o : samples()) {
            String name = o.getClass().getSimpleName();
            Data data = ss.toData(o);
            IdentifiedDataSerializable copy = ss.toObject(data);
            assertNotSame(o, copy);
            assertEquals(o.getClass(), copy.getClass());
            assertArrayEquals(data.toByteArray(), ss.toData(copy).toByteArray(), name + " does not round-trip");
            if (o instanceof BlockKernel k) {
                assertSameOutcome(name, () -> sum(k, block), () -> sum((BlockKernel) copy, block));
            } else if (o instanceof BlockSampler s) {
                assertSameOutcome(name, () -> sample(s, block), () -> sample((BlockSampler) copy, block));
            }
        }
    }

    private static List<double[]> sum(BlockKernel k, RowBlock block) {
        double[] partial = new double[k.width()];
        k.accumulate(block, 40, partial);
        return List.of(partial);
    }

    private static List<double[]> sample(BlockSampler s, RowBlock block) {
        TreeMap<Long, double[]> out = new TreeMap<>();
        s.sample(block, 40, out);
        List<double[]> rows = new ArrayList<>();
        out.forEach((id, row) -> {
            rows.add(new double[] {id});
            rows.add(row);
        });
        return rows;
    }

    /** Both computations give the same bits, or fail alike (a kernel given a placeholder model). */
    private static void assertSameOutcome(String name, java.util.function.Supplier<List<double[]>> original,
                                          java.util.function.Supplier<List<double[]>> copy) {
        List<double[]> a;
        try {
            a = original.get();
        } catch (RuntimeException e) {
            assertThrows(e.getClass(), copy::get, name);
            return;
        }
        List<double[]> b = copy.get();
        assertEquals(a.size(), b.size(), name);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0, name);
        }
    }
}
