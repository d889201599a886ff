package io.driftwatch.cli.chunk;

import java.util.Arrays;

/**
 * The chunk of each row when rows are cut in time order rather than the file's: NannyML sorts by its timestamp column
 * before a size or count chunker cuts. Rows with the same time keep the file's order between them (NannyML's sort is
 * not stable, so its order among equal times is not defined).
 */
final class TimeOrder {
    private TimeOrder() {
    }

    /** For each row in the file's order, {@code rank / size}, its rank being its position once sorted by time. */
    static int[] chunksOfRows(long[] times, long size) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int[] takenAtFirst = new int[times.length];
        int[] chunkOfRow = new int[times.length];
        for (int row = 0; row < times.length; row++) {
            int first = firstIndexOf(sorted, times[row]);
            long rank = (long) first + takenAtFirst[first]++;
            chunkOfRow[row] = (int) (rank / size);
        }
        return chunkOfRow;
    }

    private static int firstIndexOf(long[] sorted, long time) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
