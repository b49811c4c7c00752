package io.gridlearn.data.csv;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Recycles unit byte arrays between the reader and the workers. Units are megabytes each, so allocating
 * one per block would churn the (often humongous-object) heap for no reason; the number of arrays is
 * bounded by the blocks-in-flight limit.
 */
final class BufferPool {
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();

    byte[] take(int minLength) {
        byte[] b = free.poll();
        if (b != null && b.length >= minLength) {
            return b;
        }
        // Headroom so that a slightly longer next unit still fits a recycled array.
        return new byte[(int) Math.min(Integer.MAX_VALUE - 16, minLength + (long) minLength / 8 + 64)];
    }

    void give(byte[] b) {
        free.offer(b);
    }
}
