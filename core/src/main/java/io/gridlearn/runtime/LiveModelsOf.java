package io.gridlearn.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.model.ModelDocument;

import java.util.ArrayList;
import java.util.List;

/** The live models of every learner that keeps them ({@link Learner#live()}), updated in registry order. */
public final class LiveModelsOf {
    private LiveModelsOf() {
    }

    /**
     * After rows were appended: every live model of that dataset, brought up to date.
     *
     * @param hz       a member or client of the grid
     * @param appended the dataset and the blocks that were appended
     * @return the versions published, in registry order
     */
    public static List<ModelDocument> onAppend(HazelcastInstance hz, DatasetAppender.Appended appended) {
        List<ModelDocument> out = new ArrayList<>();
        for (Learner l : Learners.all()) {
            l.live().ifPresent(h -> out.addAll(h.onAppend(hz, appended)));
        }
        return out;
    }

    /**
     * After blocks were removed or replaced.
     *
     * @param hz     a member or client of the grid
     * @param change the dataset and the blocks removed or replaced
     * @return the versions published, in registry order
     */
    public static List<ModelDocument> onChange(HazelcastInstance hz, DatasetChange change) {
        List<ModelDocument> out = new ArrayList<>();
        for (Learner l : Learners.all()) {
            l.live().ifPresent(h -> out.addAll(h.onChange(hz, change)));
        }
        return out;
    }

    /**
     * When a dataset is dropped: the names of the live models that stopped following it.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dropped dataset's name
     * @return the names of the models that stopped, in registry order
     */
    public static List<String> unregisterDataset(HazelcastInstance hz, String dataset) {
        List<String> out = new ArrayList<>();
        for (Learner l : Learners.all()) {
            l.live().ifPresent(h -> out.addAll(h.unregisterDataset(hz, dataset)));
        }
        return out;
    }
}
