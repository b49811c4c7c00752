package io.gridlearn.eval;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.PredictionType;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.StagedBlocks;
import io.gridlearn.data.hostmap.SourceKeys;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code predict --into-map}: on one member, scores the blocks of a dataset built from a host map
 * ({@code load --from-map}) that this member owned when the caller planned the work, and writes each row's
 * prediction into the target map under the row's source key, the host's own key, as its serialized bytes (so no
 * member needs the key's class). A block was written in its source entries' partition, and a key hashes to the
 * same partition in every map, so the block, its source keys and the predictions written under them share a
 * partition: on the member that owns it, nothing but the backups of the predictions crosses the network.
 *
 * <p>Scoring is {@link PredictProcessor}'s (the same bits as local prediction). The result is
 * {@code [blocks scored, rows written]}; a block that is gone, or whose keys are, is not counted, and the caller
 * compares the counts with the dataset's.
 */
public final class PredictIntoMapTask implements Callable<long[]>, HazelcastInstanceAware, IdentifiedDataSerializable {
    private String modelJson;
    private int[] inputColumns;
    private int type;
    private String blockMap;
    private String targetMap;
    private int[] blockIds;
    private transient HazelcastInstance hz;

    /** For Hazelcast's factory. */
    public PredictIntoMapTask() {
    }

    /**
     * @param modelJson    the model document, as JSON (a model that predicts one value per row on {@code type})
     * @param inputColumns the dataset column of each model feature, then of each extra input
     * @param type         the scale of the predictions
     * @param blockMap     the dataset's block map ({@link io.gridlearn.data.DatasetSchema#mapName()})
     * @param targetMap    the map the predictions are written into, keyed by the source keys
     * @param blockIds     the blocks this member scores
     */
    public PredictIntoMapTask(String modelJson, int[] inputColumns, PredictionType type, String blockMap,
                              String targetMap, int[] blockIds) {
        this.modelJson = modelJson;
        this.inputColumns = inputColumns.clone();
        this.type = type.ordinal();
        this.blockMap = blockMap;
        this.targetMap = targetMap;
        this.blockIds = blockIds.clone();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
    }

    @Override
    public long[] call() {
        IMap<Integer, RowBlock> blocks = hz.getMap(blockMap);
        IMap<Integer, SourceKeys> keys = hz.getMap(StagedBlocks.keysMapName(blockMap));
        IMap<Data, Double> target = hz.getMap(targetMap);
        PredictProcessor scorer = new PredictProcessor(modelJson, inputColumns, -1, PredictionType.values()[type]);
        long scored = 0;
        long rows = 0;
        for (int id : blockIds) {
            RowBlock b = blocks.get(id);
            SourceKeys k = keys.get(id);
            if (b == null || k == null || k.size() != b.rows()) {
                continue;
            }
            double[] p = scorer.process(new AbstractMap.SimpleImmutableEntry<>(id, b)).values();
            Map<Data, Double> out = new HashMap<>(2 * b.rows());
            for (int r = 0; r < b.rows(); r++) {
                out.put(new HeapData(k.key(r)), p[r]);
            }
            target.putAll(out);
            scored++;
            rows += b.rows();
        }
        return new long[] {scored, rows};
    }

    @Override
    public int getFactoryId() {
        return EvalSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EvalSerializerHook.PREDICT_INTO_MAP_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(inputColumns);
        out.writeInt(type);
        out.writeString(blockMap);
        out.writeString(targetMap);
        out.writeIntArray(blockIds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        inputColumns = in.readIntArray();
        type = in.readInt();
        blockMap = in.readString();
        targetMap = in.readString();
        blockIds = in.readIntArray();
    }
}
