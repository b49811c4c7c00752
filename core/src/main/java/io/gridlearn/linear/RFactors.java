package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Merges per-block R factors in a fixed binary tree over block numbers: level by level, neighbours
 * (0,1), (2,3), … merge, an odd one out moves up unchanged. The tree depends only on the number of blocks,
 * so the final R is the same bits whichever members computed the leaves (TSQR, Demmel et al. 2012).
 */
final class RFactors {
    private RFactors() {
    }

    static double[] mergeInOrder(SortedMap<Integer, double[]> byBlock, int q) {
        if (byBlock.isEmpty()) {
            throw new BadInputException("no training rows to factor");
        }
        List<double[]> level = new ArrayList<>(byBlock.values());
        while (level.size() > 1) {
            List<double[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(BlockQr.merge(level.get(i), level.get(i + 1), q));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }
}
