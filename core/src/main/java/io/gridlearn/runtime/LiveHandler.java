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
    /**
     * Brings the learner's live models on the appended dataset up to date; returns the versions published.
     *
     * @param hz       a member or client of the grid
     * @param appended the dataset and the blocks that were appended
     * @return the new versions of the live models, empty when none follows that dataset
     */
    List<ModelDocument> onAppend(HazelcastInstance hz, DatasetAppender.Appended appended);

    /**
     * Brings the learner's live models up to date after blocks were removed or replaced.
     *
     * @param hz     a member or client of the grid
     * @param change the dataset and the blocks removed or replaced
     * @return the new versions of the live models, empty when none follows that dataset
     */
    List<ModelDocument> onChange(HazelcastInstance hz, DatasetChange change);

    /**
     * Stops following a dropped dataset; returns the names of the models that stopped.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dropped dataset's name
     * @return the names of the models that no longer follow it
     */
    List<String> unregisterDataset(HazelcastInstance hz, String dataset);

    /**
     * A handler from three functions, e.g. a family's static methods.
     *
     * @param onAppend          after rows were appended
     * @param onChange          after blocks were removed or replaced
     * @param unregisterDataset when a dataset is dropped
     * @return the handler
     */
    static LiveHandler of(java.util.function.BiFunction<HazelcastInstance, DatasetAppender.Appended, List<ModelDocument>> onAppend,
                          java.util.function.BiFunction<HazelcastInstance, DatasetChange, List<ModelDocument>> onChange,
                          java.util.function.BiFunction<HazelcastInstance, String, List<String>> unregisterDataset) {
        return new LiveHandler() {
            @Override
            public List<ModelDocument> onAppend(HazelcastInstance hz, DatasetAppender.Appended appended) {
                return onAppend.apply(hz, appended);
            }

            @Override
            public List<ModelDocument> onChange(HazelcastInstance hz, DatasetChange change) {
                return onChange.apply(hz, change);
            }

            @Override
            public List<String> unregisterDataset(HazelcastInstance hz, String dataset) {
                return unregisterDataset.apply(hz, dataset);
            }
        };
    }
}
