package io.gridlearn.runtime;

import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.InputColumn;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.PassRunner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of learners: every {@link Learner} on the class path, found once with {@link ServiceLoader}, by
 * algorithm name. Two learners claiming one name is a packaging error, reported when the registry loads.
 */
public final class Learners {
    private static volatile Map<String, Learner> byAlgorithm;

    private Learners() {
    }

    private static Map<String, Learner> registry() {
        Map<String, Learner> r = byAlgorithm;
        if (r == null) {
            synchronized (Learners.class) {
                r = byAlgorithm;
                if (r == null) {
                    r = new LinkedHashMap<>();
                    ClassLoader loader = Learners.class.getClassLoader();
                    for (Learner learner : ServiceLoader.load(Learner.class, loader)) {
                        for (String a : learner.algorithms()) {
                            Learner before = r.putIfAbsent(a, learner);
                            if (before != null) {
                                throw new IllegalStateException("two learners claim the algorithm '" + a + "': "
                                        + before.getClass().getName() + " and " + learner.getClass().getName());
                            }
                        }
                    }
                    byAlgorithm = r = Collections.unmodifiableMap(r);
                }
            }
        }
        return r;
    }

    /**
     * Every algorithm name, in class-path order.
     *
     * @return the algorithm names of every learner registered
     */
    public static List<String> algorithms() {
        return new ArrayList<>(registry().keySet());
    }

    /**
     * Every learner once, in class-path order.
     *
     * @return the registered learners
     */
    public static List<Learner> all() {
        return registry().values().stream().distinct().toList();
    }

    /**
     * The learner of an algorithm, or a message listing the algorithms there are.
     *
     * @param algorithm an algorithm's name, e.g. {@code kmeans}
     * @return the learner that answers to it
     */
    public static Learner forAlgorithm(String algorithm) {
        Learner l = registry().get(algorithm);
        if (l == null) {
            throw new BadInputException("unknown algorithm '" + algorithm + "'; use " + String.join(", ", algorithms()));
        }
        return l;
    }

    /**
     * A predictor for any registered model type.
     *
     * @param model a model of any registered learner
     * @return its predictor
     */
    public static RowPredictor predictor(ModelDocument model) {
        return learnerOf(model).predictor(model);
    }

    /**
     * A predictor on the given scale for any registered model type ({@link Learner#predictor(ModelDocument,
     * PredictionType)}).
     *
     * @param model a model of any registered learner
     * @param type  the scale of the predictions
     * @return its predictor on that scale
     * @throws io.gridlearn.OptionException when the model has no such scale
     */
    public static RowPredictor predictor(ModelDocument model, PredictionType type) {
        return learnerOf(model).predictor(model, type);
    }

    /**
     * The columns besides its features that the model reads to predict ({@link Learner#inputs}).
     *
     * @param model a model of any registered learner
     * @return the extra input columns, in the order its predictor takes them after the features
     */
    public static List<InputColumn> inputs(ModelDocument model) {
        return learnerOf(model).inputs(model);
    }

    /**
     * The learner's own evaluation of the model, when it has one ({@link Learner#evaluate}).
     *
     * @param model  a model of any registered learner
     * @param runner runs passes over {@code schema}'s blocks
     * @param schema the dataset to evaluate on
     * @return the metrics, or empty when the common evaluation applies
     */
    public static Optional<Map<String, Object>> evaluate(ModelDocument model, PassRunner runner, DatasetSchema schema) {
        return learnerOf(model).evaluate(model, runner, schema);
    }

    private static Learner learnerOf(ModelDocument model) {
        Learner l = registry().get(model.algorithm());
        if (l == null) {
            throw new BadInputException("a " + model.algorithm() + " model is not known to this gridlearn; algorithms: "
                    + String.join(", ", algorithms()));
        }
        return l;
    }

    /**
     * True when the model's predictions are class labels or cluster indices.
     *
     * @param model a model of any algorithm
     * @return true for labels or cluster indices, false for real values or an unknown algorithm
     */
    public static boolean predictsLabels(ModelDocument model) {
        Learner l = registry().get(model.algorithm());
        return l != null && l.predictsLabels(model);
    }

    /**
     * The learner's shape checks of a model read from outside; refuses a model of an unknown algorithm.
     *
     * @param model  a model read from a file or another grid
     * @param origin where the model came from, starting every message
     */
    public static void validate(ModelDocument model, String origin) {
        Learner l = registry().get(model.algorithm());
        if (l == null) {
            throw new BadInputException(origin + ": algorithm \"" + model.algorithm()
                    + "\" is not supported by this gridlearn (supported: " + String.join(", ", algorithms()) + ")");
        }
        l.validate(model, origin);
    }
}
