package io.gridlearn.linear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.Passes;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.eval.RegressionMetrics;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live linear models ({@code fit … --live}): the exact moments of the model's columns are kept in the grid,
 * and every append adds the new blocks' moments — one aggregation over the new blocks only — and re-solves,
 * O(d³), publishing a new version. Because the moments are exact sums, the maintained total equals the
 * moments a full pass would compute, bit for bit, so a live model always equals a full refit with
 * {@code --solver cholesky} on the current data (tested). Removing blocks would subtract exactly the same
 * way; this version supports appends only.
 */
public final class LiveModels {
    /** Live model states by model name. */
    public static final String LIVE_MAP = "gridlearn.live";

    private LiveModels() {
    }

    /** The options a live model is solved with: the normal-equation route, no split. */
    static LinearOptions liveOptions(LinearOptions o) {
        if (o.grouping().hasTest() || o.grouping().folds() > 1 || o.pathLength() > 0 || !o.method().equals("exact")
                || !o.missing().equals("error")) {
            throw new BadInputException("--live models are refitted from maintained statistics: no --test-fraction, "
                    + "--folds, --path, --method average, --missing skip or --missing mean");
        }
        return o.withSolver("cholesky");
    }

    /** Fits {@code job} once (one pass), publishes it and registers it as live. */
    public static ModelDocument register(HazelcastInstance hz, String name, LinearJob job) {
        LinearOptions o = liveOptions(job.options());
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(job.dataset());
        LinearDesign design = LinearDesign.resolve(schema, job.target(), job.features());
        LinearPassAggregator pass = Passes.aggregate(catalog, schema, () -> new LinearPassAggregator(
                design.zColumns(), RowGrouping.NONE, schema.blockSize(), false, o.intercept()));
        if (pass.badRows() > 0) {
            throw new BadInputException("dataset '" + schema.name() + "': " + pass.badRows()
                    + " rows have a missing or infinite value; a live model needs clean data");
        }
        LiveState state = new LiveState(schema.name(), design.target(), design.features(), toJson(o),
                schema.blocks(), pass.moments(0));
        ModelStore store = ModelStore.forInstance(hz);
        long current = store.current(name).map(ModelDocument::version).orElse(0L);
        ModelDocument published = store.publish(name, current, solve(schema, design, o, state));
        hz.<String, LiveState>getMap(LIVE_MAP).set(name, state);
        return published;
    }

    /** After an append: brings every live model of that dataset up to date; returns the versions published. */
    public static List<ModelDocument> onAppend(HazelcastInstance hz, DatasetAppender.Appended appended) {
        IMap<String, LiveState> live = hz.getMap(LIVE_MAP);
        DatasetSchema after = appended.after();
        List<ModelDocument> published = new ArrayList<>();
        for (Map.Entry<String, LiveState> e : live.entrySet()) {
            LiveState s = e.getValue();
            if (s.dataset().equals(after.name())) {
                published.add(update(hz, e.getKey(), s, after));
            }
        }
        return published;
    }

    private static ModelDocument update(HazelcastInstance hz, String name, LiveState s, DatasetSchema after) {
        LinearOptions o = fromJson(s.optionsJson());
        LinearDesign design = LinearDesign.resolve(after, s.target(), s.features());
        int from = s.blocksCovered();
        int to = after.blocks();
        IMap<Integer, RowBlock> blocks = new DatasetCatalog(hz).blocks(after);
        LinearPassAggregator delta = blocks.aggregate(new LinearPassAggregator(design.zColumns(), RowGrouping.NONE,
                after.blockSize(), false, o.intercept()), Predicates.and(Predicates.greaterEqual("__key", from),
                Predicates.lessThan("__key", to)));
        if (delta.blocks() != to - from) {
            throw new GridlearnException("live model '" + name + "': the update saw " + delta.blocks() + " of "
                    + (to - from) + " new blocks; refit it");
        }
        if (delta.badRows() > 0) {
            throw new BadInputException("live model '" + name + "': " + delta.badRows()
                    + " appended rows have a missing or infinite value");
        }
        MomentMatrix total = new MomentMatrix(s.moments().dimension());
        total.add(s.moments(), 1);
        total.add(delta.moments(0), 1);
        LiveState next = new LiveState(s.dataset(), s.target(), s.features(), s.optionsJson(), to, total);
        ModelStore store = ModelStore.forInstance(hz);
        long current = store.current(name).map(ModelDocument::version).orElse(0L);
        ModelDocument published = store.publish(name, current, solve(after, design, o, next));
        hz.<String, LiveState>getMap(LIVE_MAP).set(name, next);
        return published;
    }

    private static ModelDocument solve(DatasetSchema schema, LinearDesign design, LinearOptions o, LiveState s) {
        MomentMatrix m = s.moments();
        LinearSolution fit = LinearSolver.solve(m, null, design.features(), o);
        Map<String, Object> summary = new LinkedHashMap<>(fit.summary());
        summary.put("live", true);
        summary.put("blocksCovered", s.blocksCovered());
        RegressionMetrics rm = LinearTrainer.heldOut(m, fit.intercept(), fit.coefficients());
        Map<String, Double> train = new LinkedHashMap<>();
        train.put("rows", (double) rm.n());
        train.put("r2", rm.r2());
        train.put("mse", rm.mse());
        train.put("rmse", rm.rmse());
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        metrics.put("train", train);
        return LinearTrainer.document(schema, design, o, fit, summary, metrics, m.count());
    }

    private static String toJson(LinearOptions o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("cannot write options", e);
        }
    }

    private static LinearOptions fromJson(String json) {
        try {
            return Json.mapper().readValue(json, LinearOptions.class);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("corrupt live model options: " + e.getOriginalMessage(), e);
        }
    }
}
