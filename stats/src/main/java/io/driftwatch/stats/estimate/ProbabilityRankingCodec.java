package io.driftwatch.stats.estimate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The byte form of a {@link ProbabilityRanking}, for state stores and partial windows on a repartition topic; both
 * forms read back equal, bit for bit, to what was written. Big-endian ({@link DataOutputStream}).
 * <pre>
 * u8 format version (1) | i32 distinct max | u8 form (0 exact, 1 cells)
 * exact: i32 runs, each (p ascending): f64 p, i64 rows
 * cells: i32 occupied cells, each (index ascending): i32 index, i64 rows, f64 sum of p
 * </pre>
 */
public final class ProbabilityRankingCodec {
    private static final int FORMAT_VERSION = 1;
    private static final int EXACT = 0;
    private static final int CELLS = 1;
    /** A cell's p sum to at most its rows, up to the floating error of summing them. */
    private static final double SUM_SLACK = 1 + 1e-9;

    private ProbabilityRankingCodec() {
    }

    public static byte[] toBytes(ProbabilityRanking ranking) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeInt(ranking.distinctMax());
            out.writeByte(ranking.exact() ? EXACT : CELLS);
            if (ranking.exact()) {
                out.writeInt(ranking.rowsByProbability().size());
                for (Map.Entry<Double, Long> run : ranking.rowsByProbability().entrySet()) {
                    out.writeDouble(run.getKey());
                    out.writeLong(run.getValue());
                }
            } else {
                writeCells(out, ranking.cellCounts(), ranking.cellSums());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeCells(DataOutputStream out, long[] counts, double[] sums) throws IOException {
        int occupied = 0;
        for (long rows : counts) {
            occupied += rows > 0 ? 1 : 0;
        }
        out.writeInt(occupied);
        for (int cell = 0; cell < counts.length; cell++) {
            if (counts[cell] > 0) {
                out.writeInt(cell);
                out.writeLong(counts[cell]);
                out.writeDouble(sums[cell]);
            }
        }
    }

    /**
     * @throws IllegalStateException when the bytes carry a format version this build does not know
     * @throws IllegalArgumentException when the bytes are not a ranking
     */
    public static ProbabilityRanking fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("probability ranking format " + version
                        + " is not supported by this build, which reads format " + FORMAT_VERSION
                        + "; was it written by a newer driftwatch?");
            }
            int distinctMax = in.readInt();
            if (distinctMax < 1 || distinctMax > ProbabilityRanking.DISTINCT_MAX_LIMIT) {
                throw new IOException("a distinct max of " + distinctMax);
            }
            int form = in.readUnsignedByte();
            ProbabilityRanking ranking = switch (form) {
                case EXACT -> readRuns(in, distinctMax);
                case CELLS -> readCells(in, distinctMax);
                default -> throw new IOException("form " + form);
            };
            if (in.available() > 0) {
                throw new IOException(in.available() + " trailing bytes");
            }
            return ranking;
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt probability ranking (" + bytes.length + " bytes)", e);
        }
    }

    private static ProbabilityRanking readRuns(DataInputStream in, int distinctMax) throws IOException {
        int runs = in.readInt();
        if (runs < 0 || runs > distinctMax) {
            throw new IOException(runs + " runs under a distinct max of " + distinctMax);
        }
        ProbabilityRanking ranking = new ProbabilityRanking(distinctMax);
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < runs; i++) {
            double probability = in.readDouble();
            long rows = in.readLong();
            if (!(probability > previous && probability <= 1.0 && probability >= 0.0) || rows < 1) {
                throw new IOException("run " + i + ": p " + probability + " over " + rows + " rows");
            }
            ranking.addRows(probability, rows);
            previous = probability;
        }
        return ranking;
    }

    private static ProbabilityRanking readCells(DataInputStream in, int distinctMax) throws IOException {
        int occupied = in.readInt();
        if (occupied < 0 || occupied > distinctMax) {
            throw new IOException(occupied + " cells under a distinct max of " + distinctMax);
        }
        long[] counts = new long[distinctMax];
        double[] sums = new double[distinctMax];
        int previous = -1;
        for (int i = 0; i < occupied; i++) {
            int cell = in.readInt();
            long rows = in.readLong();
            double sum = in.readDouble();
            if (cell <= previous || cell >= distinctMax || rows < 1 || !(sum >= 0 && sum <= (double) rows * SUM_SLACK)) {
                throw new IOException("cell " + cell + ": " + rows + " rows summing to " + sum);
            }
            counts[cell] = rows;
            sums[cell] = sum;
            previous = cell;
        }
        return ProbabilityRanking.ofCells(distinctMax, counts, sums);
    }
}
