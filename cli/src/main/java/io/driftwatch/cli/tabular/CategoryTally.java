package io.driftwatch.cli.tabular;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts one categorical column's labels while a file is read. A CSV label is counted from its bytes in the
 * scanner's buffer: a label seen before costs a hash and a comparison, no String and no boxed count, so a column of
 * a million rows and fifty labels allocates fifty keys instead of a million Strings. Labels given as Strings (JSON,
 * Parquet) are counted as given. {@link #counts()} decodes each distinct byte sequence once, as {@code new String(bytes,
 * UTF_8)} would decode every value, and adds the counts of sequences that decode alike (malformed UTF-8), so the counts
 * equal those of a map keyed by every value's String. Not thread-safe.
 */
final class CategoryTally {
    private static final int INITIAL_SLOTS = 64;

    /** Open addressing with linear probing: {@code slotCodes[hash & mask]} is a label's code plus one, 0 when free. */
    private int[] slotCodes = new int[INITIAL_SLOTS];
    private int[] slotHashes = new int[INITIAL_SLOTS];
    private byte[][] labels = new byte[16][];
    private long[] labelCounts = new long[16];
    private int labelCount;
    private final Map<String, Long> countsByString = new HashMap<>();

    /** Counts the label written as bytes {@code [start, end)} of {@code bytes}, UTF-8. */
    void add(byte[] bytes, int start, int end) {
        int hash = hash(bytes, start, end);
        int mask = slotCodes.length - 1;
        int slot = hash & mask;
        while (slotCodes[slot] != 0) {
            int code = slotCodes[slot] - 1;
            if (slotHashes[slot] == hash && sameBytes(labels[code], bytes, start, end)) {
                labelCounts[code]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (labelCount == labels.length) {
            labels = Arrays.copyOf(labels, labelCount * 2);
            labelCounts = Arrays.copyOf(labelCounts, labelCount * 2);
        }
        labels[labelCount] = Arrays.copyOfRange(bytes, start, end);
        labelCounts[labelCount] = 1;
        labelCount++;
        slotCodes[slot] = labelCount;
        slotHashes[slot] = hash;
        if (labelCount * 2 > slotCodes.length) {
            rehash();
        }
    }

    /** Counts {@code label} as given. */
    void add(String label) {
        countsByString.merge(label, 1L, Long::sum);
    }

    /** Each distinct label with how many times it was counted, whichever way it came. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>(countsByString);
        for (int code = 0; code < labelCount; code++) {
            counts.merge(new String(labels[code], StandardCharsets.UTF_8), labelCounts[code], Long::sum);
        }
        return counts;
    }

    private void rehash() {
        int[] codes = new int[slotCodes.length * 2];
        int[] hashes = new int[codes.length];
        int mask = codes.length - 1;
        for (int slot = 0; slot < slotCodes.length; slot++) {
            if (slotCodes[slot] != 0) {
                int target = slotHashes[slot] & mask;
                while (codes[target] != 0) {
                    target = (target + 1) & mask;
                }
                codes[target] = slotCodes[slot];
                hashes[target] = slotHashes[slot];
            }
        }
        slotCodes = codes;
        slotHashes = hashes;
    }

    /** {@code Arrays.equals} over a range, looped by hand: labels are a few bytes, shorter than its set-up. */
    private static boolean sameBytes(byte[] label, byte[] bytes, int start, int end) {
        if (label.length != end - start) {
            return false;
        }
        for (int i = 0; i < label.length; i++) {
            if (label[i] != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int start, int end) {
        int hash = 1;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash ^ (hash >>> 16);
    }
}
