/**
 * The learner runtime: the registry of learners ({@link io.gridlearn.runtime.Learner}, found with
 * {@link java.util.ServiceLoader}), the spec interface every fit takes ({@link io.gridlearn.runtime.LearnerSpec}),
 * the typed options a learner declares for the command line ({@link io.gridlearn.runtime.LearnerOption}), and
 * the fit driver ({@link io.gridlearn.runtime.FitDriver}) that runs any learner the same way: provenance,
 * checkpoints and resume, progress, cancellation, publication in the model store.
 *
 * <p>The runtime knows no learner by name: a learner family (a package such as {@code io.gridlearn.linear})
 * registers itself in {@code META-INF/services/io.gridlearn.runtime.Learner}. It may use {@code data},
 * {@code model}, {@code pass} and {@code stats}; nothing here imports a learner family or the client.
 */
package io.gridlearn.runtime;
