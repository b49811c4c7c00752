package io.gridlearn.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.model.ModelDocument;

import java.util.List;

/**
 * How a learner keeps its live models current when their dataset changes. The runtime calls every registered
 * handler after an append, a removal or a replacement of blocks, and when a dataset is dropped.
 */
public interface LiveHandler {
    /** Brings the learner's live models on the appended dataset up to date; returns the versions published. */
    List<ModelDocument> onAppend(HazelcastInstance hz, DatasetAppender.Appended appended);

    /** Brings the learner's live models up to date after blocks were removed or replaced. */
    List<ModelDocument> onChange(HazelcastInstance hz, DatasetChange change);

    /** Stops following a dropped dataset; returns the names of the models that stopped. */
    List<String> unregisterDataset(HazelcastInstance hz, String dataset);
}
