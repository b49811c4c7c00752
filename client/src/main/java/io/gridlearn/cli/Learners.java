package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.logistic.LogisticOptions;
import io.gridlearn.logistic.LogisticTrainer;
import io.gridlearn.logistic.SoftmaxTrainer;
import io.gridlearn.model.ModelDocument;

import java.util.LinkedHashMap;
import java.util.Map;

/** The iterative learners behind {@code fit}: options from the command line, trainers bound to columns. */
final class Learners {
    private Learners() {
    }

    /** Checks the options that need no grid. */
    static void check(FitCommand c) {
        if (c.testFraction != 0 || c.folds != 0 || c.path != 0) {
            throw new BadInputException("--test-fraction, --folds and --path are for the linear family in this version; "
                    + "evaluate " + c.algorithm + " models with 'evaluate' on held-out data");
        }
        if (!c.method.equals("exact") || !c.missing.equals("error")) {
            throw new BadInputException("--method and --missing skip are for the linear family in this version");
        }
        switch (c.algorithm) {
            case "logistic", "softmax" -> logisticOptions(c);
            default -> throw new BadInputException("fit " + c.algorithm + " is not available in this build");
        }
    }

    static LogisticOptions logisticOptions(FitCommand c) {
        return new LogisticOptions(c.lambda == null ? 0 : c.lambda, c.alpha == null ? 0 : c.alpha, c.standardize,
                !c.noIntercept, c.solver == null ? LogisticOptions.NEWTON : c.solver,
                c.maxIter == null ? 100 : c.maxIter, c.tol == null ? 1e-10 : c.tol);
    }

    static ModelDocument fit(FitCommand c, HazelcastInstance hz, String dataset, String name) {
        ColumnChoice cols = ColumnChoice.resolve(new DatasetCatalog(hz).get(dataset), c.target, c.features,
                supervised(c.algorithm));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("algorithm", c.algorithm);
        IterativeFit.Trainer trainer;
        switch (c.algorithm) {
            case "logistic", "softmax" -> {
                LogisticOptions o = logisticOptions(c);
                options.put("lambda", o.lambda());
                options.put("alpha", o.alpha());
                options.put("standardize", o.standardize());
                options.put("intercept", o.intercept());
                options.put("solver", o.solver());
                options.put("maxIter", o.maxIter());
                options.put("tol", o.tol());
                trainer = c.algorithm.equals("logistic")
                        ? (runner, listener, from) -> LogisticTrainer.fit(runner, cols.featureColumns(),
                                cols.targetColumn(), cols.features(), cols.target(), o, listener, from)
                        : (runner, listener, from) -> SoftmaxTrainer.fit(runner, cols.featureColumns(),
                                cols.targetColumn(), cols.features(), cols.target(), o, listener, from);
            }
            default -> throw new BadInputException("fit " + c.algorithm + " is not available in this build");
        }
        return IterativeFit.run(hz, dataset, c.algorithm, name, c.resume, options, c.seed, trainer, c.err());
    }

    private static boolean supervised(String algorithm) {
        return !algorithm.equals("kmeans") && !algorithm.equals("pca");
    }
}
