package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.kmeans.StreamingKMeans;
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@Command(name = "fit", description = "Train a model: linear, ridge, lasso, elastic-net, logistic, softmax, kmeans, pca, naive-bayes.")
final class FitCommand extends GridCommand {
    static final java.util.Set<String> ITERATIVE = java.util.Set.of("logistic", "softmax", "kmeans", "pca", "naive-bayes");

    @Parameters(index = "0", paramLabel = "ALGORITHM",
            description = "linear, ridge, lasso, elastic-net, logistic, softmax, kmeans, pca, naive-bayes")
    String algorithm;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DataSource.Choice data;

    @Option(names = "--target", paramLabel = "COL", description = "Target column (default: the last column).")
    String target;

    @Option(names = "--features", split = ",", paramLabel = "A,B,...", description = "Feature columns (default: every column but the target).")
    List<String> features;

    @Option(names = "--lambda", paramLabel = "L", description = "Penalty strength (required by ridge, lasso, elastic-net).")
    Double lambda;

    @Option(names = "--alpha", paramLabel = "A", description = "L1 share of the penalty, in [0, 1].")
    Double alpha;

    @Option(names = "--standardize", description = "Fit on z-scored features (population sd); report original-scale coefficients.")
    boolean standardize;

    @Option(names = "--no-intercept", description = "Fit without an intercept.")
    boolean noIntercept;

    @Option(names = "--solver", description = "Linear family: qr (numerically stable, default) or cholesky; logistic and softmax: newton (default) or lbfgs.")
    String solver;

    @Option(names = "--k", paramLabel = "K", description = "k-means: number of clusters.")
    Integer k;

    @Option(names = "--init", paramLabel = "INIT", defaultValue = "kmeans-parallel",
            description = "k-means initialisation: kmeans-parallel (default), random, or rows:I,J,... (0-based row numbers).")
    String init;

    @Option(names = "--components", paramLabel = "K", description = "PCA: number of components (default: all).")
    Integer components;

    @Option(names = "--var-smoothing", paramLabel = "E", defaultValue = "1e-9",
            description = "Naive Bayes: share of the largest feature variance added to every variance (default ${DEFAULT-VALUE}).")
    double varSmoothing;

    @Option(names = "--resume", description = "Iterative learners: continue from the latest checkpoint of --name.")
    boolean resume;

    @Option(names = "--live", description = "Linear family: keep the model current as rows are appended (solved from maintained statistics, normal equations).")
    boolean live;

    @Option(names = "--decay", defaultValue = "1.0", paramLabel = "A",
            description = "Live kmeans: weight kept by old rows at each append, in (0, 1] (default ${DEFAULT-VALUE}: no forgetting).")
    double decay;

    @Option(names = "--test-fraction", defaultValue = "0", paramLabel = "F", description = "Hold out this share of rows (by a hash of the row id and --seed).")
    double testFraction;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the split and folds (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--folds", defaultValue = "0", paramLabel = "K", description = "k-fold cross-validation metrics.")
    int folds;

    @Option(names = "--path", defaultValue = "0", paramLabel = "N", description = "Also compute a regularisation path of N λ values from λ_max down.")
    int path;

    @Option(names = "--max-iter", paramLabel = "N", description = "Iterations at most (coordinate-descent sweeps for the linear family).")
    Integer maxIter;

    @Option(names = "--tol", paramLabel = "T", description = "Convergence tolerance.")
    Double tol;

    @Option(names = "--missing", defaultValue = "error", paramLabel = "error|skip|mean",
            description = "NaN, infinity or empty cells: error (default; names the count of rows), skip (leave those rows out) "
                    + "or mean (fill a feature with the mean of its finite training values, stored in the model and used by "
                    + "predict and evaluate; a missing target is still an error). skip: every learner (logistic, softmax, kmeans, "
                    + "pca and naive-bayes leave out rows with a missing feature and refuse a missing target); mean: linear "
                    + "family only.")
    String missing;

    @Option(names = "--method", defaultValue = "exact", description = "exact (default) or average (one fit per block, averaged; for comparison).")
    String method;

    @Option(names = "--name", paramLabel = "MODEL", description = "Model name in the store (default DATASET-ALGORITHM).")
    String name;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the model JSON to this file.")
    Path out;

    @Option(names = "--block-size", defaultValue = "4096", paramLabel = "ROWS", description = "Rows per block when loading --csv.")
    int blockSize;

    private LinearOptions options;

    @Override
    void validate() {
        if (!LinearOptions.ALGORITHMS.contains(algorithm) && !ITERATIVE.contains(algorithm)) {
            throw new BadInputException("unknown algorithm '" + algorithm + "'; use linear, ridge, lasso, elastic-net, "
                    + "logistic, softmax, kmeans, pca or naive-bayes");
        }
        if (folds == 1) {
            throw new BadInputException("--folds must be at least 2");
        }
        if (live && ITERATIVE.contains(algorithm) && !algorithm.equals("kmeans")) {
            throw new BadInputException("--live is for the linear family and kmeans");
        }
        if (ITERATIVE.contains(algorithm)) {
            Learners.check(this);
        } else {
            options = new LinearOptions(algorithm, lambda == null ? Double.NaN : lambda,
                    alpha == null ? Double.NaN : alpha, standardize, !noIntercept, solver == null ? "qr" : solver,
                    new RowGrouping(testFraction, folds, seed), missing, maxIter == null ? 100_000 : maxIter,
                    tol == null ? 1e-12 : tol, path, method);
        }
        if (name != null) {
            ModelStore.checkName(name);
        }
    }

    @Override
    void run(HazelcastInstance hz) {
        DataSource.using(data, hz, blockSize, err(), dataset -> {
            fit(hz, dataset);
            return null;
        });
    }

    private void fit(HazelcastInstance hz, String dataset) {
        ModelStore store = ModelStore.forInstance(hz);
        String modelName = name != null ? name : ModelStore.checkName(dataset + "-" + algorithm);
        if (ITERATIVE.contains(algorithm)) {
            ModelDocument fitted = Learners.fit(this, hz, dataset, modelName);
            report(live ? StreamingKMeans.register(hz, modelName, fitted, dataset, decay) : fitted);
            return;
        }
        if (live) {
            report(LiveModels.register(hz, modelName, new LinearJob(dataset, target, features, options)));
            return;
        }
        long expected = store.current(modelName).map(ModelDocument::version).orElse(0L);
        ModelDocument model = LinearTrainer.train(hz, new LinearJob(dataset, target, features, options));
        report(store.publish(modelName, expected, model));
    }

    private void report(ModelDocument published) {
        if (out != null) {
            ModelJson.write(published, out);
        }
        if (json) {
            out().println(ModelJson.write(published));
        } else if (published.coefficients() != null) {
            printText(published);
        } else {
            out().printf("model %s version %d: %s on %s%n", published.name(), published.version(),
                    published.algorithm(), published.provenance().get("dataset"));
            published.metrics().forEach((k, v) -> out().println("  " + k + ": " + v));
        }
    }

    private void printText(ModelDocument m) {
        out().printf("model %s version %d: %s on %s, target %s%n", m.name(), m.version(), m.algorithm(),
                m.provenance().get("dataset"), m.target());
        out().printf("  %-20s %16s %14s%n", "term", "estimate", "std. error");
        out().printf("  %-20s %16s %14s%n", "(intercept)", m.intercept() == null ? "" : Output.num(m.intercept()),
                m.interceptStandardError() == null ? "" : Output.num(m.interceptStandardError()));
        for (int j = 0; j < m.features().size(); j++) {
            out().printf("  %-20s %16s %14s%n", m.features().get(j), Output.num(m.coefficients()[j]),
                    m.standardErrors() == null ? "" : Output.num(m.standardErrors()[j]));
        }
        for (Map.Entry<String, Map<String, Double>> e : m.metrics().entrySet()) {
            StringBuilder sb = new StringBuilder("  " + e.getKey() + ":");
            e.getValue().forEach((k, v) -> sb.append(' ').append(k).append('=').append(Output.num(v)));
            out().println(sb);
        }
    }
}
