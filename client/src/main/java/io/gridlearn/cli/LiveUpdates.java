package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.kmeans.StreamingKMeans;
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.ModelDocument;

import java.util.ArrayList;
import java.util.List;

/** Brings the live models of a changed dataset up to date: live linear models, then live k-means models. */
final class LiveUpdates {
    private LiveUpdates() {
    }

    static List<ModelDocument> apply(HazelcastInstance hz, DatasetChange change) {
        List<ModelDocument> updated = new ArrayList<>(LiveModels.onChange(hz, change));
        updated.addAll(StreamingKMeans.onChange(hz, change));
        return updated;
    }
}
