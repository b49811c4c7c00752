/**
 * Tree ensembles by the histogram method: gradient-boosted trees, the {@code gbt} learner (squared-error,
 * logistic and softmax objectives, XGBoost 1.7 {@code hist}'s parameters; softmax grows one tree per class per round
 * from {@code SoftmaxHistogramAggregator}'s passes after {@code ClassCountKernel}'s label check), and Breiman's random forest, the
 * {@code random-forest} learner (Poisson bootstrap and features per split drawn by hashes, variance reduction or
 * Gini). Shared: the binning passes (exact distinct-value counts, an exact range histogram past a cap), the
 * histogram layout and hot loop in 64-bit fixed point ({@code Histograms}) and the histogram pass's common part
 * ({@code NodeHistogramAggregator}), the hashed draws ({@code Draws}), the split search ({@code SplitSearch}), the
 * tree and its predictor, feature importance ({@code TreeImportance}, also written into both model JSONs), the
 * report section ({@code TreeReport}, with its loss-per-tree pass {@code TreeLossKernel}) and the serializer hook; each learner has its
 * own per-level pass (run one histogram per member JVM: {@code io.gridlearn.data.MemberPasses}), trainer, model
 * JSON and spec. Both take instance weights ({@code io.gridlearn.pass.Weights});
 * {@code gbt} also row and feature subsampling, a held-out share ({@code io.gridlearn.data.RowGrouping}) scored
 * after every tree ({@code GbtHeldOutKernel}) and early stopping on it. It uses the pass runtime ({@code io.gridlearn.pass}, {@code io.gridlearn.data}),
 * the learner runtime ({@code io.gridlearn.runtime}), the model format ({@code io.gridlearn.model}) and the report
 * primitives ({@code io.gridlearn.report}); nothing else of the library's learners.
 */
package io.gridlearn.tree;
