package io.gridlearn.linear;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.BlockIds;
import io.gridlearn.stats.MomentMatrix;

import java.io.IOException;
import java.util.List;

/**
 * What a live linear model maintains between changes of its dataset: its job (dataset, target, features,
 * options as the JSON of the registering fit, the frequency-weight column or null), the set C of block ids its moments cover, and the exact
 * moments M = Σ_{b ∈ C} moments(b) of z = [x, y]. The pair (C, M) is written as one value, so M always
 * covers exactly C, whatever failed in between (see {@link LiveModels}).
 */
public final class LiveState implements IdentifiedDataSerializable {
    private String dataset;
    private String target;
    private List<String> features;
    private String optionsJson;
    private BlockIds covered;
    private MomentMatrix moments;
    private String weights;

    /** An empty state, for deserialization. */
    public LiveState() {
    }

    LiveState(String dataset, String target, List<String> features, String optionsJson, BlockIds covered,
              MomentMatrix moments) {
        this(dataset, target, features, optionsJson, covered, moments, null);
    }

    LiveState(String dataset, String target, List<String> features, String optionsJson, BlockIds covered,
              MomentMatrix moments, String weights) {
        this.weights = weights;
        this.dataset = dataset;
        this.target = target;
        this.features = List.copyOf(features);
        this.optionsJson = optionsJson;
        this.covered = covered;
        this.moments = moments;
    }

    /**
     * The live model's dataset.
     *
     * @return the name of the dataset the model is kept current on
     */
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

    /**
     * The block ids whose moments {@link #moments()} holds.
     *
     * @return the set C
     */
    public BlockIds covered() {
        return covered;
    }

    MomentMatrix moments() {
        return moments;
    }

    String weights() {
        return weights;
    }

    @Override
    public int getFactoryId() {
        return LinearSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LinearSerializerHook.LIVE_STATE;
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
        out.writeString(covered.toString());
        moments.writeData(out);
        out.writeString(weights);
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
        covered = BlockIds.parse(in.readString());
        moments = MomentMatrix.readData(in);
        weights = in.readString();
    }
}
