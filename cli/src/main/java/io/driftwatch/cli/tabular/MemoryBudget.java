package io.driftwatch.cli.tabular;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes {@code check} may spend on the numbers it keeps of both files together, shared by the two readers:
 * half the heap left after {@value #HEADROOM_MIB} MiB of headroom (for parsing, sorting, the tests and the
 * category counts). A numeric column whose array of kept values must grow past what is left stops keeping
 * values and goes on as a sketch; the column that must grow is the largest of its file at that moment, since a
 * file's columns grow row by row together. The same column of the other file then stops too, at its next growth
 * or when it is finished, so its bytes go to columns both files can keep: a column kept in one file only would
 * be compared by sketches all the same. Thread-safe.
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
    private final Set<String> sketchedColumns = ConcurrentHashMap.newKeySet();

    MemoryBudget(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes must be >= 0, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** The budget of this JVM's heap ({@link Runtime#maxMemory()}), or the test property's when it is set. */
    static MemoryBudget ofHeap() {
        String property = System.getProperty(BUDGET_PROPERTY);
        if (property != null) {
            return new MemoryBudget(Long.parseLong(property.strip()));
        }
        long usableBytes = Runtime.getRuntime().maxMemory() - HEADROOM_MIB * 1024 * 1024;
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

    /** Notes that a file's {@code column} stopped keeping values, so the other file's stops as well. */
    void noteSketched(String column) {
        sketchedColumns.add(column);
    }

    boolean isSketched(String column) {
        return sketchedColumns.contains(column);
    }
}
