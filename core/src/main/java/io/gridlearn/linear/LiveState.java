package io.gridlearn.linear;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.grid.SerializationIds;
import io.gridlearn.stats.MomentMatrix;

import java.io.IOException;
import java.util.List;

/**
 * What a live linear model maintains between appends: its job (dataset, target, features, options as the
 * JSON of the registering fit) and the exact moments of z = [x, y] over the blocks it has seen.
 */
public final class LiveState implements IdentifiedDataSerializable {
    private String dataset;
    private String target;
    private List<String> features;
    private String optionsJson;
    private int blocksCovered;
    private MomentMatrix moments;

    public LiveState() {
    }

    LiveState(String dataset, String target, List<String> features, String optionsJson, int blocksCovered,
              MomentMatrix moments) {
        this.dataset = dataset;
        this.target = target;
        this.features = List.copyOf(features);
        this.optionsJson = optionsJson;
        this.blocksCovered = blocksCovered;
        this.moments = moments;
    }

    public String dataset() {
        return dataset;
    }

    String target() {
        return target;
    }

    List<String> features() {
        return features;
    }

    String optionsJson() {
        return optionsJson;
    }

    int blocksCovered() {
        return blocksCovered;
    }

    MomentMatrix moments() {
        return moments;
    }

    @Override
    public int getFactoryId() {
        return SerializationIds.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return SerializationIds.LIVE_STATE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(dataset);
        out.writeString(target);
        out.writeInt(features.size());
        for (String f : features) {
            out.writeString(f);
        }
        out.writeString(optionsJson);
        out.writeInt(blocksCovered);
        moments.writeData(out);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        dataset = in.readString();
        target = in.readString();
        int p = in.readInt();
        String[] fs = new String[p];
        for (int j = 0; j < p; j++) {
            fs[j] = in.readString();
        }
        features = List.of(fs);
        optionsJson = in.readString();
        blocksCovered = in.readInt();
        moments = MomentMatrix.readData(in);
    }
}
