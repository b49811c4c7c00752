package io.gridlearn.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.PassRunner;

import java.util.Map;

/**
 * What a {@link LearnerSpec} fits with: the grid, the dataset's schema, a pass runner over its blocks, the
 * listener that publishes each iteration as a checkpoint, the checkpoint to resume from (or null), and the
 * provenance the driver records.
 *
 * @param hazelcast   the member or client the fit runs from
 * @param catalog     the dataset catalog
 * @param schema      the dataset
 * @param modelName   the name the model is published under
 * @param runner      runs passes over the dataset's blocks (retried after member loss)
 * @param checkpoints publishes one iteration as a version of the model
 * @param resumeFrom  the checkpoint to continue from, or null for a fresh fit
 * @param provenance  dataset, fingerprint, rows, options, seed, library version, time
 */
public record FitContext(HazelcastInstance hazelcast, DatasetCatalog catalog, DatasetSchema schema, String modelName,
                         PassRunner runner, IterationListener checkpoints, ModelDocument resumeFrom,
                         Map<String, Object> provenance) {
}
