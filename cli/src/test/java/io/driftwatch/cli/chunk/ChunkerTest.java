package io.driftwatch.cli.chunk;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.topology.window.WindowShape;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chunkers against NannyML's rules (nannyml/chunk.py: SizeBasedChunker, CountBasedChunker, PeriodBasedChunker). */
class ChunkerTest {
    private static final Path FILE = Path.of("current.csv");

    private static int[] chunksOf(ChunkLayout layout, int rows) {
        return IntStream.range(0, rows).map(row -> layout.rows().chunkOfRow().applyAsInt(row)).toArray();
    }

    private static long at(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    @Test
    void sizeChunksKeepTheIncompleteLastChunkAsNannymlsDefaultDoes() throws BadInputException {
        ChunkLayout layout = new Chunker.Rows(4).layout(FILE, 10, null);
        assertThat(layout.rows().count()).isEqualTo(3);
        assertThat(chunksOf(layout, 10)).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2);
        assertThat(layout.spans()).containsOnly(ChunkSpan.UNKNOWN);
    }

    @Test
    void aCountThatDoesNotDivideTheRowsGivesOneMoreChunkOfTheRemainder() throws BadInputException {
        ChunkLayout layout = new Chunker.Count(3).layout(FILE, 10, null);
        assertThat(layout.rows().count()).isEqualTo(4);
        assertThat(chunksOf(layout, 10)).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2, 3);
    }

    @Test
    void aCountThatDividesTheRowsGivesExactlyThatManyChunks() throws BadInputException {
        assertThat(new Chunker.Count(5).layout(FILE, 10, null).rows().count()).isEqualTo(5);
    }

    @Test
    void moreChunksThanRowsIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> new Chunker.Count(11).layout(FILE, 10, null)).isInstanceOf(BadInputException.class)
                .hasMessage("--chunk-count 11: current.csv has 10 rows, fewer than the chunks asked for; give at most 10 chunks");
    }

    @Test
    void rowChunksWithTimesCutTheRowsInTimeOrderTiesInFileOrderAndSpanTheirTimes() throws BadInputException {
        long[] times = {50, 10, 40, 10, 30, 20};
        ChunkLayout layout = new Chunker.Rows(2).layout(FILE, 6, times);
        assertThat(chunksOf(layout, 6)).containsExactly(2, 0, 2, 0, 1, 1);
        assertThat(layout.spans().get(1)).isEqualTo(new ChunkSpan(Instant.ofEpochMilli(20), Instant.ofEpochMilli(30)));
    }

    @Test
    void periodChunksStartAtTheOffsetAfterEachMultipleOfThePeriodSinceTheEpoch() throws BadInputException {
        long[] times = {at("2026-03-02T05:59:59Z"), at("2026-03-02T06:00:00Z"), at("2026-03-03T05:00:00Z"),
                at("2026-03-04T12:00:00Z")};
        ChunkLayout layout = new Chunker.Period(Duration.ofDays(1), Duration.ofHours(6)).layout(FILE, 4, times);
        assertThat(chunksOf(layout, 4)).containsExactly(0, 1, 1, 2);
        assertThat(layout.spans()).containsExactly(
                new ChunkSpan(Instant.parse("2026-03-01T06:00:00Z"), Instant.parse("2026-03-02T06:00:00Z")),
                new ChunkSpan(Instant.parse("2026-03-02T06:00:00Z"), Instant.parse("2026-03-03T06:00:00Z")),
                new ChunkSpan(Instant.parse("2026-03-04T06:00:00Z"), Instant.parse("2026-03-05T06:00:00Z")));
    }

    @Test
    void periodChunksAreInTimeOrderWhateverTheFilesOrderAndOnlyPeriodsWithRowsAreChunks() throws BadInputException {
        long[] times = {at("2026-03-05T01:00:00Z"), at("2026-03-01T01:00:00Z"), at("2026-03-05T02:00:00Z"),
                at("2026-03-01T23:00:00Z")};
        ChunkLayout layout = new Chunker.Period(Duration.ofDays(1), Duration.ZERO).layout(FILE, 4, times);
        assertThat(chunksOf(layout, 4)).containsExactly(1, 0, 1, 0);
        assertThat(layout.rows().count()).isEqualTo(2);
    }

    @Test
    void aPeriodChunkStartsWhereTheStreamsWindowOfTheSameSizeAndOffsetStarts() throws BadInputException {
        WindowShape window = new WindowShape(Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofDays(4));
        long[] times = {at("2026-03-04T10:00:00Z"), at("2026-03-09T00:00:00Z"), at("2026-03-08T23:59:59Z")};
        ChunkLayout layout = new Chunker.Period(Duration.ofDays(7), Duration.ofDays(4)).layout(FILE, 3, times);
        for (int row = 0; row < times.length; row++) {
            Instant start = layout.spans().get(layout.rows().chunkOfRow().applyAsInt(row)).start();
            assertThat(start).isEqualTo(Instant.ofEpochMilli(window.startOf(times[row])));
        }
        assertThat(layout.spans().get(1).start()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    }
}
