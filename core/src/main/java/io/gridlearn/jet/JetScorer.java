package io.gridlearn.jet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.query.impl.getters.Extractors;
import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.model.Imputation;
import io.gridlearn.model.InputColumn;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scores host-map values with the newest version of a named model: the service object of
 * {@link GridlearnJet#scorer}, one per member, shared by the job's processors there.
 *
 * <p>Each input of the model (its features, then the extra inputs its learner reads, {@link Predictors#inputs}) is
 * read from the value at an attribute path, with Hazelcast's own extractors, as predicates, aggregators and
 * {@code load --from-map} read it: Compact and Portable fields from their schemas (no domain class needed),
 * {@code HazelcastJsonValue} by JSON path, POJOs by getters and fields. A number becomes its double value, a boolean
 * 1 or 0, a null a missing value; a missing feature is filled by the model's imputation where it has one, and a row
 * with an input still missing scores NaN (as {@code predict --into-map} does). Text or any other value is refused,
 * naming the model, key and path: a model's inputs are numeric.
 *
 * <p><b>Versions.</b> A background thread reads the model store every {@code refreshMillis} and swaps in the new
 * version's predictor when the version changed (as {@link io.gridlearn.model.LivePredictor} does), so a scoring
 * call never touches the grid, and a published version scores every item that arrives more than
 * {@code refreshMillis} (plus one store read) after its publication. Each score is computed from one version as a
 * whole ({@link #score} reads one immutable snapshot). A version whose inputs do not match the paths is not taken:
 * a warning is logged and the previous version keeps scoring.
 *
 * <p>Thread-safe; the arithmetic is the model's {@link RowPredictor} (fused multiply-adds in feature order), so a
 * score has the same bits as {@code Model.predict} on the same values.
 */
public final class JetScorer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JetScorer.class.getName());

    /** One version, all that scoring needs, swapped as a whole. */
    private record Current(long version, RowPredictor predictor, double[] fill, int features) {
    }

    private final ModelStore store;
    private final String model;
    private final String[] paths;
    private final boolean pathsFromModel;
    private final PredictionType type;
    private final InternalSerializationService serialization;
    private final Extractors extractors;
    private final ScheduledExecutorService refresher;
    private volatile Current current;

    /**
     * Starts following a model; the first version is read at once.
     *
     * @param hz            the member (or client) whose store holds the model
     * @param model         the model's name in the store
     * @param paths         the attribute path of each model input (features, then extra inputs), or empty to read
     *                      each input at the path of its own name (a model fitted on a {@code fromMap} dataset)
     * @param type          the scale of the scores
     * @param refreshMillis the wait between reads of the store, ≥ 1
     * @throws BadInputException for an unknown model or paths that do not match its inputs
     */
    public JetScorer(HazelcastInstance hz, String model, List<String> paths, PredictionType type, long refreshMillis) {
        if (refreshMillis < 1) {
            throw new IllegalArgumentException("refreshMillis must be >= 1, was " + refreshMillis);
        }
        this.store = ModelStore.forInstance(hz);
        this.model = ModelStore.checkName(model);
        this.type = type;
        ModelDocument first = store.get(model);
        this.pathsFromModel = paths.isEmpty();
        this.paths = (pathsFromModel ? inputNames(first) : paths).toArray(new String[0]);
        this.current = bind(first);
        this.serialization = (InternalSerializationService) ((SerializationServiceSupport) hz).getSerializationService();
        this.extractors = Extractors.newBuilder(serialization).setClassLoader(JetScorer.class.getClassLoader()).build();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gridlearn-jet-scorer-" + model);
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    private static List<String> inputNames(ModelDocument m) {
        List<String> names = new ArrayList<>(m.features());
        for (InputColumn in : Predictors.inputs(m)) {
            names.add(in.name());
        }
        return names;
    }

    private Current bind(ModelDocument m) {
        int width = m.features().size() + Predictors.inputs(m).size();
        if (width != paths.length || (pathsFromModel && !inputNames(m).equals(List.of(paths)))) {
            throw new BadInputException("model '" + model + "' version " + m.version() + " reads "
                    + String.join(", ", inputNames(m)) + ", but the scorer reads the paths " + String.join(", ", paths));
        }
        return new Current(m.version(), Predictors.of(m, type), Imputation.fillValues(m), m.features().size());
    }

    private void refreshQuietly() {
        try {
            ModelDocument m = store.current(model).orElse(null);
            if (m != null && m.version() != current.version()) {
                current = bind(m);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jet scorer of model " + model + ": refresh failed, keeping version "
                    + current.version() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The score of one value with the newest version seen.
     *
     * @param key   the value's key, for messages
     * @param value a host-map value (a deserialized Compact {@code GenericRecord}, Portable,
     *              {@code HazelcastJsonValue} or POJO), not null
     * @return the prediction on the scorer's scale; NaN when an input is missing and not imputed
     * @throws BadInputException when a path holds something other than a number, boolean or null
     */
    public double score(Object key, Object value) {
        Current c = current;
        // Compact and Portable are read from their serialized form, as a query reads them: no class needed
        Object target = value instanceof GenericRecord || value instanceof Portable ? serialization.toData(value) : value;
        double[] x = new double[paths.length];
        boolean finite = true;
        for (int j = 0; j < paths.length; j++) {
            x[j] = number(key, j, target);
            if (c.fill() != null && j < c.features() && !Double.isFinite(x[j])) {
                x[j] = c.fill()[j];
            }
            finite &= Double.isFinite(x[j]);
        }
        return finite ? c.predictor().predict(x) : Double.NaN;
    }

    private double number(Object key, int j, Object target) {
        Object v;
        try {
            v = extractors.extract(target, paths[j], null);
        } catch (RuntimeException e) {
            throw new BadInputException(where(key, j) + ": cannot be read: " + e.getMessage(), e);
        }
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new BadInputException(where(key, j) + ": a value of type " + v.getClass().getName()
                + ", not a number or boolean (the model's inputs are numeric)");
    }

    private String where(Object key, int j) {
        return "model '" + model + "', key " + key + ", path '" + paths[j] + "'";
    }

    /**
     * The version scores currently come from.
     *
     * @return the version, from 1
     */
    public long version() {
        return current.version();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
