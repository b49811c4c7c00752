/**
 * Scoring inside the host's Jet pipelines: {@link io.gridlearn.jet.GridlearnJet} gives a Jet service
 * ({@code mapUsingService}) whose {@link io.gridlearn.jet.JetScorer} reads a host value's attribute paths and scores
 * them with the newest version of a named model in the model store, and a ready pipeline that scores every change of
 * a host map (read from its event journal) into a sink map.
 *
 * <p>It uses the model package ({@link io.gridlearn.model.ModelStore}, {@link io.gridlearn.model.Predictors},
 * {@link io.gridlearn.model.Imputation}) and the root exceptions, and Hazelcast's public Jet pipeline API, which is in
 * the community {@code hazelcast} jar (no other dependency). Jet must be enabled on the members
 * ({@code GridConfigs.memberConfig} does); resource upload stays off, because the functions a job ships are
 * gridlearn's own classes, already on every member's classpath. To read attribute paths exactly as Hazelcast's
 * predicates and aggregators (and so {@code load --from-map}) read them, it uses Hazelcast's internal but stable
 * {@code com.hazelcast.query.impl.getters.Extractors} (the same class in 5.4 and 5.7) and
 * {@code SerializationServiceSupport}.
 */
package io.gridlearn.jet;
