package io.driftwatch.cli.tabular;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes {@code check} may spend on the numbers it keeps of one file. Both files together get half the heap
 * left after {@value #HEADROOM_MIB} MiB of headroom (for parsing, sorting, the tests and the category counts),
 * shared in proportion to the files' sizes, so each reader decides alone and the same files always give the
 * same columns sketched. A numeric column whose array of kept values must grow past what is left stops keeping
 * values and goes on as a sketch; the column that must grow is the largest of its file at that moment, since a
 * file's columns grow row by row together. Thread-safe.
 *
 * <p>{@value #BUDGET_PROPERTY} (bytes) replaces the share of the heap; it exists for tests, which need a small
 * budget on small files, and is not a user setting.
 */
public final class MemoryBudget {
    /** For tests only: the budget in bytes instead of the share of the heap. */
    public static final String BUDGET_PROPERTY = "driftwatch.check.keptValuesBytes";
    static final long HEADROOM_MIB = 64;
    static final MemoryBudget UNLIMITED = new MemoryBudget(Long.MAX_VALUE);

    private final long budgetBytes;
    private final AtomicLong reservedBytes = new AtomicLong();

    MemoryBudget(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes must be >= 0, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** The budget of this JVM's heap ({@link Runtime#maxMemory()}), or the test property's when it is set. */
    static MemoryBudget ofHeap() {
        return ofHeap(Runtime.getRuntime().maxMemory());
    }

    static MemoryBudget ofHeap(long maxHeapBytes) {
        String property = System.getProperty(BUDGET_PROPERTY);
        if (property != null) {
            return new MemoryBudget(Long.parseLong(property.strip()));
        }
        long usableBytes = maxHeapBytes - HEADROOM_MIB * 1024 * 1024;
        return new MemoryBudget(Math.max(0, usableBytes / 2));
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** Takes {@code bytes} more from the budget when they fit; false, taking nothing, when they do not. */
    boolean tryReserve(long bytes) {
        while (true) {
            long reserved = reservedBytes.get();
            if (bytes > budgetBytes - reserved) {
                return false;
            }
            if (reservedBytes.compareAndSet(reserved, reserved + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        reservedBytes.addAndGet(-bytes);
    }

    /**
     * This budget split between two files in proportion to their sizes in bytes (half each when both are empty).
     */
    MemoryBudget[] splitBySize(long firstFileBytes, long secondFileBytes) {
        long totalBytes = firstFileBytes + secondFileBytes;
        double firstShare = totalBytes == 0 ? 0.5 : (double) firstFileBytes / totalBytes;
        long firstBudgetBytes = budgetBytes == Long.MAX_VALUE ? budgetBytes : (long) (budgetBytes * firstShare);
        long secondBudgetBytes = budgetBytes == Long.MAX_VALUE ? budgetBytes : budgetBytes - firstBudgetBytes;
        return new MemoryBudget[]{new MemoryBudget(firstBudgetBytes), new MemoryBudget(secondBudgetBytes)};
    }
}
