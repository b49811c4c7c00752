package io.gridlearn.data.hostmap;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.data.hostmap}: the projection
 * that reads a host map's entries, the two member tasks of a conversion with their results, the source keys
 * kept next to each block, and a follower's spec, status and start task. Listed in {@code META-INF/services/com.hazelcast.DataSerializerHook}; the factory id is
 * allocated in {@link SerializationIds}.
 */
public final class HostMapSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.HOST_MAP_FACTORY_ID;

    /** {@link RowProjection}. */
    public static final int ROW_PROJECTION = 1;
    /** {@link ProjectedRow}. */
    public static final int PROJECTED_ROW = 2;
    /** {@link ScanTask}. */
    public static final int SCAN_TASK = 3;
    /** {@link ScanResult}. */
    public static final int SCAN_RESULT = 4;
    /** {@link ConvertTask}. */
    public static final int CONVERT_TASK = 5;
    /** {@link ConvertResult}. */
    public static final int CONVERT_RESULT = 6;
    /** {@link SourceKeys}. */
    public static final int SOURCE_KEYS = 7;
    /** {@link FollowSpec}. */
    public static final int FOLLOW_SPEC = 8;
    /** {@link FollowStatus}. */
    public static final int FOLLOW_STATUS = 9;
    /** {@link FollowStartTask}. */
    public static final int FOLLOW_START_TASK = 10;

    /**
     * One populated instance of every registered type, for the serialization round-trip test.
     *
     * @return instances with every field set
     */
    public static java.util.List<com.hazelcast.nio.serialization.IdentifiedDataSerializable> examples() {
        ProjectedRow row = new ProjectedRow(new byte[] {0, 0, 0, 0, -1, -1, -1, -14, 0, 0, 0, 7}, "7",
                new byte[] {ProjectedRow.NUMBER, ProjectedRow.TEXT, ProjectedRow.NULL, ProjectedRow.UNREADABLE},
                new double[] {2.5, 0, 0, 0}, new String[] {null, "smb", null, "a nested record"});
        ScanResult scan = new ScanResult();
        scan.partitions = new int[] {3, 5};
        scan.rows = new long[] {10, 0};
        scan.complete = new long[] {9, 0};
        scan.columns = new ColumnTally[4];
        for (int c = 0; c < 4; c++) {
            scan.columns[c] = new ColumnTally();
            scan.columns[c].add(row, c, 3, () -> "7");
        }
        ConvertResult convert = new ConvertResult();
        convert.failure = "partition 3 now has 8 entries";
        convert.badInput = true;
        convert.blockIds = new int[] {4, 9};
        convert.rows = new int[] {100, 1};
        convert.digests = new long[] {-3L, 42L};
        convert.needed = new int[] {2};
        FollowSpec spec = new FollowSpec("orders", "orders-ds", new String[] {"price", "y"}, true, 250, "t-1");
        FollowStatus status = new FollowStatus("t-1", "[127.0.0.1]:5701");
        status.state = FollowStatus.STALLED;
        status.message = "key 7, path 'price' is now null";
        status.changes = 12;
        status.heals = 1;
        status.caughtUpTo = 1_700_000_000_000L;
        status.lastRead = 1_700_000_000_100L;
        status.lastPublished = 1_700_000_000_200L;
        status.rows = 3000;
        return java.util.List.of(new RowProjection(new String[] {"price", "customer.segment"}), row,
                new ScanTask("orders", new String[] {"price"}, new int[] {3, 5}, new int[] {12, 40}), scan,
                new ConvertTask("orders", new String[] {"price", "segment"}, new boolean[] {false, true},
                        new String[][] {{}, {"retail", "smb"}}, true, 4096, "gridlearn.data.d.1234abcd",
                        new int[] {3}, new int[] {12}, new long[] {5}, new int[][] {{12}}), convert,
                new SourceKeys(new byte[][] {{1, 2, 3}, {4}}), spec, status,
                new FollowStartTask(spec, new long[] {0, 5, 17}, true));
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case ROW_PROJECTION -> new RowProjection();
            case PROJECTED_ROW -> new ProjectedRow();
            case SCAN_TASK -> new ScanTask();
            case SCAN_RESULT -> new ScanResult();
            case CONVERT_TASK -> new ConvertTask();
            case CONVERT_RESULT -> new ConvertResult();
            case SOURCE_KEYS -> new SourceKeys();
            case FOLLOW_SPEC -> new FollowSpec();
            case FOLLOW_STATUS -> new FollowStatus();
            case FOLLOW_START_TASK -> new FollowStartTask();
            default -> null;
        };
    }
}
