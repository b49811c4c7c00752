package io.gridlearn.examples;

import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.KMeans;
import io.gridlearn.Linear;
import io.gridlearn.Model;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed Java API on an embedded grid: exact least squares on Boston housing (the statsmodels coefficients),
 * a prediction for one row, k-means on iris, and the model store.
 *
 * <p>Run from the repository root: {@code ./gridlearn example java-api}, or with the examples jar and its
 * dependencies on the class path: {@code java io.gridlearn.examples.JavaApiExample [DATA_DIR]}.
 */
public final class JavaApiExample {
    private JavaApiExample() {
    }

    /**
     * Runs the example on three embedded members.
     *
     * @param args the folder holding {@code boston.csv} and {@code iris.csv}; {@code examples/data} when absent
     */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "examples/data"), 3, System.out);
    }

    /**
     * Runs the example on {@code members} embedded members.
     *
     * @param data    the folder holding {@code boston.csv} and {@code iris.csv}
     * @param members the size of the embedded grid
     * @param out     where the results are printed
     */
    public static void run(Path data, int members, PrintStream out) {
        try (Gridlearn gl = Gridlearn.embedded(members)) {
            Dataset boston = gl.loadCsv(data.resolve("boston.csv"), "boston");
            Model ols = gl.fit(Linear.ols().target("medv"), boston);
            out.println(ols.toJson());

            Map<String, Double> row = new LinkedHashMap<>();
            for (String feature : ols.features()) {
                row.put(feature, 0.0);
            }
            row.put("rm", 6.0);
            row.put("lstat", 10.0);
            out.printf("predicted medv for rm = 6, lstat = 10, every other feature 0: %.6f%n", ols.predict(row));

            Dataset iris = gl.loadCsv(data.resolve("iris.csv"), "iris");
            Model km = gl.fit(KMeans.of(3).seed(1)
                    .features("sepal_length", "sepal_width", "petal_length", "petal_width"), gl.dataset("iris"));
            out.printf("k-means on %d iris rows: inertia %.6f%n", iris.rows(), km.metrics().get("train").get("inertia"));

            Model published = gl.models().publish("boston-ols", ols);
            out.printf("published %s version %d%n", published.name(), published.version());
        }
    }
}
