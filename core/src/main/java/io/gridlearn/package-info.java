/**
 * gridlearn's typed Java API: {@link io.gridlearn.Gridlearn} (an embedded grid or an existing member or client),
 * {@link io.gridlearn.Dataset}, {@link io.gridlearn.Model}, the model store ({@link io.gridlearn.Models}), and
 * the spec classes of the built-in learners ({@link io.gridlearn.Linear}, {@link io.gridlearn.Logistic},
 * {@link io.gridlearn.Softmax}, {@link io.gridlearn.KMeans}, {@link io.gridlearn.Pca},
 * {@link io.gridlearn.NaiveBayes}). {@code import io.gridlearn.*;} brings all of them, and the two exceptions
 * every module shares: {@link io.gridlearn.BadInputException} (the caller's fault, named precisely enough to fix;
 * exit status 2 on the command line) and {@link io.gridlearn.GridlearnException} (anything else; exit status 1).
 *
 * <p>The facade sits on top: it uses the runtime ({@code io.gridlearn.runtime}), the learner families, and the
 * data, model and grid packages. Every package may use the two exceptions; nothing else here is imported below.
 */
package io.gridlearn;
