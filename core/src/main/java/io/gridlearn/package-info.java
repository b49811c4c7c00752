/**
 * gridlearn's typed Java API: {@link io.gridlearn.Gridlearn} (an embedded grid or an existing member or client),
 * {@link io.gridlearn.Dataset}, {@link io.gridlearn.Model}, the model store ({@link io.gridlearn.Models}), and
 * the spec classes of the built-in learners ({@link io.gridlearn.Linear}, {@link io.gridlearn.Logistic},
 * {@link io.gridlearn.Softmax}, {@link io.gridlearn.KMeans}, {@link io.gridlearn.Pca},
 * {@link io.gridlearn.NaiveBayes}). {@code import io.gridlearn.*;} brings all of them.
 *
 * <p>This package sits on top: it uses the runtime ({@code io.gridlearn.runtime}), the learner families, and the
 * data, model and grid packages; nothing below imports it but the exceptions it defines.
 */
package io.gridlearn;
