import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.kmeans.KMeansOptions;
import io.gridlearn.kmeans.KMeansTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.stats.ExactSum;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * k-means fits through a thin client, pass by pass: java --add-modules jdk.incubator.vector -cp CLIENT_JAR
 * PassTimes.java HOST:PORT,… CLUSTER DATASET FITS. Prints each pass's seconds and the driver's time between passes.
 */
public class PassTimes {
    public static void main(String[] a) {
        ClientConfig cc = new ClientConfig();
        cc.setClusterName(a[1]);
        for (String m : a[0].split(",")) {
            cc.getNetworkConfig().addAddress(m);
        }
        HazelcastInstance hz = HazelcastClient.newHazelcastClient(cc);
        try {
            DatasetCatalog catalog = new DatasetCatalog(hz);
            DatasetSchema schema = catalog.get(a[2]);
            int[] cols = new int[50];
            List<String> names = new ArrayList<>();
            for (int j = 0; j < 50; j++) {
                cols[j] = j;
                names.add("x" + j);
            }
            for (int f = 0; f < Integer.parseInt(a[3]); f++) {
                List<String> log = new ArrayList<>();
                long[] last = {System.nanoTime()};
                PassRunner inner = new GridPassRunner(catalog, schema);
                PassRunner timing = new PassRunner() {
                    <T> T timed(String what, Supplier<T> pass) {
                        long t0 = System.nanoTime();
                        T out = pass.get();
                        long t1 = System.nanoTime();
                        log.add(String.format("%s %.3f (driver before %.3f)", what, (t1 - t0) / 1e9, (t0 - last[0]) / 1e9));
                        last[0] = t1;
                        return out;
                    }
                    public <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
                        return timed("aggregate", () -> inner.aggregate(fresh));
                    }
                    public double[] sum(BlockKernel k) {
                        return timed(k.getClass().getSimpleName() + "(" + k.width() + ")", () -> inner.sum(k));
                    }
                    public ExactSum[] exactSum(BlockKernel k) {
                        return timed("exactSum", () -> inner.exactSum(k));
                    }
                    public SortedMap<Long, double[]> sample(BlockSampler s) {
                        return timed(s.getClass().getSimpleName(), () -> inner.sample(s));
                    }
                    public long rows() {
                        return inner.rows();
                    }
                };
                long t0 = System.nanoTime();
                last[0] = t0;
                ModelDocument m = KMeansTrainer.fit(timing, cols, names,
                        new KMeansOptions(8, 300, 0, "kmeans-parallel", 1 + f, "error"), IterationListener.NONE, null);
                System.out.printf("fit %d: %.3f s, inertia %.10e, iterations %s%n", f, (System.nanoTime() - t0) / 1e9,
                        m.metrics().get("train").get("inertia"), m.summary().get("iteration"));
                log.forEach(l -> System.out.println("  " + l));
            }
        } finally {
            hz.shutdown();
        }
    }
}
