package io.gridlearn.examples;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.Linear;
import io.gridlearn.Model;
import io.gridlearn.grid.GridConfigs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The typed Java API through a thin client, against standalone grid nodes (started with
 * {@code java -jar grid-nodes/target/gridlearn-node.jar} or {@code ./gridlearn node}): the rows are parsed here
 * and stored on the members, the fit runs next to them, and only statistics come back.
 *
 * <p>Run: {@code java io.gridlearn.examples.ThinClientExample HOST:PORT[,HOST:PORT…] [CLUSTER_NAME] [boston.csv]}.
 */
public final class ThinClientExample {
    private ThinClientExample() {
    }

    /**
     * Connects, fits, prints, disconnects.
     *
     * @param args the members' addresses, the cluster name ({@code gridlearn} when absent) and the Boston CSV
     *             ({@code examples/data/boston.csv} when absent)
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ThinClientExample HOST:PORT[,HOST:PORT...] [CLUSTER_NAME] [boston.csv]");
            System.exit(2);
        }
        run(Arrays.asList(args[0].split(",")), args.length > 1 ? args[1] : "gridlearn",
                Path.of(args.length > 2 ? args[2] : "examples/data/boston.csv"), System.out);
    }

    /**
     * Fits exact least squares on Boston housing through a thin client, and drops the dataset again.
     *
     * @param members     the members' addresses, {@code host:port}
     * @param clusterName the grid's cluster name
     * @param bostonCsv   the Boston housing CSV
     * @param out         where the model is printed
     * @return the published model
     */
    public static Model run(List<String> members, String clusterName, Path bostonCsv, PrintStream out) {
        HazelcastInstance client = HazelcastClient.newHazelcastClient(GridConfigs.clientConfig(clusterName, members));
        try {
            Gridlearn gl = Gridlearn.on(client);
            Dataset boston = gl.loadCsv(bostonCsv, "boston-thin-client", 64);
            try {
                Model ols = gl.fit(Linear.ols().target("medv"), boston);
                out.println(ols.toJson());
                return ols;
            } finally {
                gl.drop(boston.name());
            }
        } finally {
            client.shutdown();
        }
    }
}
