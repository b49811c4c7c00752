package io.gridlearn.jet;

import com.hazelcast.function.BiFunctionEx;
import com.hazelcast.jet.Util;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.ServiceFactories;
import com.hazelcast.jet.pipeline.ServiceFactory;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import io.gridlearn.PredictionType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * gridlearn models in the host's Jet pipelines. The stage:
 *
 * <pre>{@code
 * stage.mapUsingService(GridlearnJet.scorer("orders-model"), GridlearnJet.scoreEntry())   // Entry<K, V> -> Entry<K, Double>
 * }</pre>
 *
 * and a whole pipeline that keeps a map of scores equal to a host map scored by the newest model version
 * ({@link #journalScoring}). Jet must be enabled on the members ({@code GridConfigs.memberConfig} does; a host
 * configuration: {@code config.getJetConfig().setEnabled(true)}); no resource upload is needed, since every function
 * shipped here is a gridlearn class on the members' classpath.
 */
public final class GridlearnJet {
    /** The default wait between reads of the model store. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

    private GridlearnJet() {
    }

    /**
     * A service scoring on the response scale with the newest version of {@code model}, re-read every second;
     * each input at the path of its own name, or at the given paths.
     *
     * @param model the model's name in the store
     * @param paths the attribute path of each model input (features, then extra inputs), or none to read each input at
     *              the path of its name (a model fitted on a {@code fromMap} dataset)
     * @return the service factory, for {@code mapUsingService}: one {@link JetScorer} per member
     */
    public static ServiceFactory<?, JetScorer> scorer(String model, String... paths) {
        return scorer(model, PredictionType.RESPONSE, DEFAULT_REFRESH, paths);
    }

    /**
     * A service scoring with the newest version of {@code model} on the given scale.
     *
     * @param model   the model's name in the store
     * @param type    the scale of the scores
     * @param refresh the wait between reads of the model store (a new version scores within about this long),
     *                at least 1 ms
     * @param paths   the attribute path of each model input, or none to use the inputs' names
     * @return the service factory, for {@code mapUsingService}: one {@link JetScorer} per member, shared by its
     *         processors, closed when the job ends
     */
    public static ServiceFactory<?, JetScorer> scorer(String model, PredictionType type, Duration refresh,
                                                      String... paths) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(type, "type");
        long millis = refresh.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("refresh must be at least 1 ms, was " + refresh);
        }
        List<String> p = List.of(paths);
        // the function captures only JDK types: the members' deserialization filter allows this class's lambdas
        // and the JDK's, no other gridlearn class (GridConfigs.applySerialization)
        String scale = type.name();
        return ServiceFactories.sharedService(
                ctx -> new JetScorer(ctx.hazelcastInstance(), model, p, PredictionType.valueOf(scale), millis),
                JetScorer::close);
    }

    /**
     * The mapping function for {@code mapUsingService(scorer(...), scoreEntry())}: an entry's key with its value's
     * score. An entry whose value is null (a removal from the map journal) keeps a null score, so a sink that
     * removes on null ({@link #journalScoring}) removes its score.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return the function
     */
    public static <K, V> BiFunctionEx<JetScorer, Map.Entry<K, V>, Map.Entry<K, Double>> scoreEntry() {
        return (scorer, e) -> Util.entry(e.getKey(),
                e.getValue() == null ? null : scorer.score(e.getKey(), e.getValue()));
    }

    /**
     * A pipeline that scores every change of {@code sourceMap} into {@code sinkMap}: it reads the map's event journal
     * from its oldest retained event (the map needs its event journal enabled), scores each put or update with the
     * newest version of {@code model} under the entry's key, and removes the score of a removed (or evicted or
     * expired) entry. Order is preserved per key, so once the map is quiet the sink holds one score per entry, of the
     * entry's latest value.
     *
     * <pre>{@code
     * Pipeline p = Pipeline.create().setPreserveOrder(true);
     * p.readFrom(Sources.<K, V, Map.Entry<K, V>>mapJournal(sourceMap, JournalInitialPosition.START_FROM_OLDEST,
     *                 e -> Util.entry(e.getKey(), e.getNewValue()), e -> true))
     *  .withoutTimestamps()
     *  .mapUsingService(GridlearnJet.scorer(model, paths), GridlearnJet.scoreEntry())
     *  .writeTo(Sinks.mapWithUpdating(sinkMap, Map.Entry::getKey, (Double old, Map.Entry<K, Double> e) -> e.getValue()));
     * }</pre>
     *
     * @param sourceMap the host map, with its event journal enabled
     * @param sinkMap   the map of scores by the host's keys
     * @param scorer    {@link #scorer}
     * @param <K>       the key type
     * @param <V>       the value type
     * @return the pipeline, for {@code hz.getJet().newJob(pipeline)}
     */
    public static <K, V> Pipeline journalScoring(String sourceMap, String sinkMap, ServiceFactory<?, JetScorer> scorer) {
        Pipeline p = Pipeline.create();
        // a later change of a key must not overtake an earlier one, or the sink would keep a stale score
        p.setPreserveOrder(true);
        p.readFrom(Sources.<Map.Entry<K, V>, K, V>mapJournal(sourceMap, JournalInitialPosition.START_FROM_OLDEST,
                        e -> Util.entry(e.getKey(), e.getNewValue()), e -> true))
                .withoutTimestamps()
                .mapUsingService(scorer, GridlearnJet.<K, V>scoreEntry())
                .writeTo(Sinks.<Map.Entry<K, Double>, K, Double>mapWithUpdating(sinkMap, Map.Entry::getKey,
                        (old, e) -> e.getValue()));
        return p;
    }
}
