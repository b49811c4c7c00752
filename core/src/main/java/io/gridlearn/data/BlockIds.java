package io.gridlearn.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.gridlearn.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An immutable set of block ids, held as sorted, disjoint, non-adjacent closed ranges {@code [from, to]}.
 * A dataset's live blocks are one such set: {@code 0-N} after a load, with gaps after blocks are removed.
 * Storage is O(ranges), not O(blocks), so a million-block dataset that never lost a block is one range.
 *
 * <p>The text form, used in schemas (JSON), on the command line and in messages, is the canonical
 * comma-separated list of ranges, e.g. {@code 0-2,5,7-9}; the empty set is the empty string.
 */
public final class BlockIds {
    private static final BlockIds EMPTY = new BlockIds(new int[0]);

    /** from₀, to₀, from₁, to₁, …; from_i ≤ to_i, to_i + 1 < from_{i+1}. */
    private final int[] bounds;
    private final long size;

    private BlockIds(int[] bounds) {
        this.bounds = bounds;
        long n = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            n += (long) bounds[i + 1] - bounds[i] + 1;
        }
        this.size = n;
    }

    /**
     * The empty set.
     *
     * @return the set with no ids (shared)
     */
    public static BlockIds empty() {
        return EMPTY;
    }

    /**
     * Blocks {@code from} to {@code toExclusive − 1}.
     *
     * @param from        the first id, ≥ 0
     * @param toExclusive one past the last id, ≥ {@code from}
     * @return the ids {@code from ≤ id < toExclusive}; empty when the two are equal
     * @throws IllegalArgumentException if {@code from < 0} or {@code toExclusive < from}
     */
    public static BlockIds range(int from, int toExclusive) {
        if (from < 0 || toExclusive < from) {
            throw new IllegalArgumentException("bad block range [" + from + ", " + toExclusive + ")");
        }
        return from == toExclusive ? EMPTY : new BlockIds(new int[] {from, toExclusive - 1});
    }

    /**
     * The set of the given ids (any order, duplicates allowed).
     *
     * @param ids the ids, each ≥ 0
     * @return the set of those ids
     * @throws IllegalArgumentException if an id is negative
     */
    public static BlockIds of(int... ids) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        List<int[]> ranges = new ArrayList<>();
        for (int id : sorted) {
            if (id < 0) {
                throw new IllegalArgumentException("block ids are >= 0, got " + id);
            }
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && id <= last[1] + 1L) {
                last[1] = Math.max(last[1], id);
            } else {
                ranges.add(new int[] {id, id});
            }
        }
        return fromRanges(ranges);
    }

    /**
     * Parses {@code 3,7-9} (spaces allowed, any order, overlaps merged); a {@link BadInputException} names
     * the part at fault.
     *
     * @param text the text form, e.g. {@code 0-2,5,7-9}; null or blank is the empty set
     * @return the set of the listed ids
     * @throws BadInputException if a part is not an id or a range {@code FROM-TO} with {@code 0 ≤ FROM ≤ TO}
     */
    @JsonCreator
    public static BlockIds parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            try {
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 0 || to < from) {
                    throw new NumberFormatException();
                }
                ranges.add(new int[] {from, to});
            } catch (NumberFormatException e) {
                throw new BadInputException("'" + p + "' in block list '" + text + "' is not a block id or a range "
                        + "FROM-TO of block ids (e.g. 3,7-9)");
            }
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1L) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        return fromRanges(merged);
    }

    private static BlockIds fromRanges(List<int[]> ranges) {
        if (ranges.isEmpty()) {
            return EMPTY;
        }
        int[] b = new int[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            b[2 * i] = ranges.get(i)[0];
            b[2 * i + 1] = ranges.get(i)[1];
        }
        return new BlockIds(b);
    }

    /**
     * The number of ids.
     *
     * @return the number of ids, Σ (to_i − from_i + 1) over the ranges
     */
    public long size() {
        return size;
    }

    /**
     * The number of ids, which fits an int for any dataset's blocks.
     *
     * @return the number of ids
     */
    public int count() {
        return Math.toIntExact(size);
    }

    /**
     * Whether the set is empty.
     *
     * @return true when the set has no ids
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The number of ranges.
     *
     * @return the number of disjoint, non-adjacent ranges (0 for the empty set)
     */
    public int rangeCount() {
        return bounds.length / 2;
    }

    /**
     * The smallest id; the set must not be empty.
     *
     * @return the smallest id
     * @throws IllegalStateException if the set is empty
     */
    public int first() {
        requireNonEmpty();
        return bounds[0];
    }

    /**
     * The largest id; the set must not be empty.
     *
     * @return the largest id
     * @throws IllegalStateException if the set is empty
     */
    public int last() {
        requireNonEmpty();
        return bounds[bounds.length - 1];
    }

    private void requireNonEmpty() {
        if (size == 0) {
            throw new IllegalStateException("empty block set");
        }
    }

    /**
     * Binary search over the ranges: O(log ranges).
     *
     * @param id a block id
     * @return true when {@code id} is in the set
     */
    public boolean contains(int id) {
        return contains(bounds, id);
    }

    static boolean contains(int[] bounds, int id) {
        int lo = 0;
        int hi = bounds.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (id < bounds[2 * mid]) {
                hi = mid - 1;
            } else if (id > bounds[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code other} is a subset of this set.
     *
     * @param other another set
     * @return true when every id of {@code other} is in this set
     */
    public boolean containsAll(BlockIds other) {
        return other.minus(this).isEmpty();
    }

    /**
     * The ids in this set or in {@code other}.
     *
     * @param other another set
     * @return this ∪ other
     */
    public BlockIds union(BlockIds other) {
        List<int[]> all = new ArrayList<>(rangeCount() + other.rangeCount());
        addRanges(all, bounds);
        addRanges(all, other.bounds);
        all.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : all) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1L) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r);
            }
        }
        return fromRanges(merged);
    }

    private static void addRanges(List<int[]> out, int[] b) {
        for (int i = 0; i < b.length; i += 2) {
            out.add(new int[] {b[i], b[i + 1]});
        }
    }

    /**
     * The ids in this set and not in {@code other}.
     *
     * @param other the ids to leave out
     * @return this ∖ other
     */
    public BlockIds minus(BlockIds other) {
        List<int[]> out = new ArrayList<>();
        int j = 0;
        int[] o = other.bounds;
        for (int i = 0; i < bounds.length; i += 2) {
            long from = bounds[i];
            long to = bounds[i + 1];
            while (j < o.length && o[j + 1] < from) {
                j += 2;
            }
            int k = j;
            while (from <= to && k < o.length && o[k] <= to) {
                if (o[k] > from) {
                    out.add(new int[] {(int) from, o[k] - 1});
                }
                from = Math.max(from, (long) o[k + 1] + 1);
                k += 2;
            }
            if (from <= to) {
                out.add(new int[] {(int) from, (int) to});
            }
        }
        return fromRanges(out);
    }

    /**
     * The ids in this set and in {@code other}.
     *
     * @param other another set
     * @return this ∩ other
     */
    public BlockIds intersect(BlockIds other) {
        return minus(minus(other));
    }

    /**
     * Calls {@code action} for every id in ascending order.
     *
     * @param action called once per id
     */
    public void forEach(IntConsumer action) {
        for (int i = 0; i < bounds.length; i += 2) {
            for (int id = bounds[i]; id <= bounds[i + 1]; id++) {
                action.accept(id);
                if (id == Integer.MAX_VALUE) {
                    break;
                }
            }
        }
    }

    /**
     * Every id, ascending (for small sets: O(size) memory).
     *
     * @return a new array of length {@link #count()}, ascending
     */
    public int[] toArray() {
        int[] out = new int[count()];
        int[] k = {0};
        forEach(id -> out[k[0]++] = id);
        return out;
    }

    /**
     * The range bounds, from₀, to₀, from₁, to₁, … (a copy).
     *
     * @return a new array of length 2 × {@link #rangeCount()}: from_i at 2i, to_i (inclusive) at 2i + 1
     */
    public int[] bounds() {
        return bounds.clone();
    }

    /**
     * A Hazelcast predicate on the block map's keys that accepts exactly these ids.
     *
     * @return a predicate on {@code Integer} keys, serialisable to members
     */
    public BlockKeyPredicate predicate() {
        return new BlockKeyPredicate(bounds);
    }

    @JsonValue
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) {
                sb.append('-').append(bounds[i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockIds b && Arrays.equals(bounds, b.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }
}
