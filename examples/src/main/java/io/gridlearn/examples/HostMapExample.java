package io.gridlearn.examples;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.map.IMap;
import io.gridlearn.Dataset;
import io.gridlearn.FitOptions;
import io.gridlearn.Gridlearn;
import io.gridlearn.Linear;
import io.gridlearn.Model;
import io.gridlearn.data.hostmap.HostMapFollow;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.jet.GridlearnJet;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/**
 * A host application that keeps its orders in its own map, {@code IMap<Long, Order>} of Compact records, and learns
 * from them where they are: the map is converted in place into a dataset that follows it through the map's event
 * journal, a live linear model of the spend follows every change, and a Jet job scores each new or changed order
 * into {@code order-scores} with the newest model version. Run it with
 * {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.gridlearn.examples.HostMapExample} after
 * {@code mvn -q install -DskipTests}, or from the tests ({@code HostMapExampleTest}).
 */
public final class HostMapExample {
    /** The host's own value class: Hazelcast stores a Java record as a Compact record without any configuration. */
    public record Order(double price, int qty, double discount, double spend) {
    }

    static final String MAP = "orders";
    static final String DATASET = "orders-ds";
    static final String MODEL = "spend-model";
    static final String SCORES = "order-scores";
    static final String[] COLUMNS = {"price", "qty", "discount", "spend"};

    private HostMapExample() {
    }

    /**
     * Runs the example on a member of its own and stops it.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        HazelcastInstance hz = startMember("orders-app");
        try {
            run(hz, System.out);
        } finally {
            hz.shutdown();
        }
    }

    /**
     * The host's member: its own configuration, with the orders map's event journal and Jet enabled, and
     * gridlearn's settings added.
     *
     * @param clusterName the cluster's name
     * @return the started member
     */
    static HazelcastInstance startMember(String clusterName) {
        Config config = new Config().setClusterName(clusterName);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        config.getMapConfig(MAP).getEventJournalConfig().setEnabled(true).setCapacity(100_000);
        config.getJetConfig().setEnabled(true);
        GridConfigs.applyGridlearn(config);
        return Hazelcast.newHazelcastInstance(config);
    }

    /**
     * Fills the orders map, learns from it in place, keeps learning while the application changes it, and scores
     * every change.
     *
     * @param hz  a member of the host's grid (a client works as well)
     * @param out where to print
     * @return the Jet scoring job, still running
     */
    static Job run(HazelcastInstance hz, PrintStream out) {
        Random rnd = new Random(7);
        IMap<Long, Order> orders = hz.getMap(MAP);
        for (long k = 0; k < 5_000; k++) {
            orders.set(k, order(rnd));
        }

        Gridlearn gl = Gridlearn.on(hz);
        Dataset ds = gl.follow(MAP, DATASET, COLUMNS);
        Model first = gl.fit(Linear.ols().target("spend").solver(Linear.Solver.CHOLESKY).live(true), ds,
                FitOptions.named(MODEL));
        Job scoring = hz.getJet().newJob(GridlearnJet.journalScoring(MAP, SCORES, GridlearnJet.scorer(MODEL)));
        out.printf(Locale.ROOT, "%,d orders converted in place into '%s'; %s%n", ds.rows(), DATASET, describe(first));

        // the application goes on: new orders, changed ones, cancelled ones
        long since = System.currentTimeMillis();
        for (long k = 5_000; k < 7_000; k++) {
            orders.set(k, order(rnd));
        }
        for (int i = 0; i < 1_000; i++) {
            orders.set((long) rnd.nextInt(7_000), order(rnd));
        }
        for (int i = 0; i < 500; i++) {
            orders.delete((long) rnd.nextInt(7_000));
        }
        // every write so far is in the dataset and in its live models once the follower has caught up
        HostMapFollow.awaitCaughtUp(hz, DATASET, System.currentTimeMillis(), 60_000);
        Model now = gl.models().get(MODEL);
        out.printf(Locale.ROOT, "%,d orders after %.1f s of changes; %s%n", gl.dataset(DATASET).rows(),
                (System.currentTimeMillis() - since) / 1e3, describe(now));
        return scoring;
    }

    private static String describe(Model m) {
        double[] b = m.coefficients();
        return String.format(Locale.ROOT, "%s v%d: spend = %.3f + %.3f price + %.3f qty + %.3f discount", m.name(),
                m.version(), m.intercept(), b[0], b[1], b[2]);
    }

    /** spend = 4 + 0.9 price + 2.5 qty − 30 discount + N(0, 1), in cents. */
    static Order order(Random rnd) {
        double price = Math.round(rnd.nextDouble() * 20_000) / 100.0;
        int qty = 1 + rnd.nextInt(9);
        double discount = Math.round(rnd.nextDouble() * 30) / 100.0;
        double spend = Math.round((4 + 0.9 * price + 2.5 * qty - 30 * discount + rnd.nextGaussian()) * 100) / 100.0;
        return new Order(price, qty, discount, spend);
    }
}
