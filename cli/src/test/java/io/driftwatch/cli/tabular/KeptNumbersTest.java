package io.driftwatch.cli.tabular;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KeptNumbersTest {
    private static KeptNumbers keep(double[] values, int firstBlockLength) {
        KeptNumbers kept = new KeptNumbers(firstBlockLength);
        for (double value : values) {
            if (!kept.hasRoom()) {
                kept.addBlock();
            }
            kept.add(value);
        }
        return kept;
    }

    @Test
    void givesBackEveryNumberInTheOrderAddedAcrossManyBlocks() {
        double[] values = new Random(7).doubles(3 * KeptNumbers.MAX_BLOCK_LENGTH + 12_345).toArray();
        KeptNumbers kept = keep(values, 1024);
        assertThat(kept.size()).isEqualTo(values.length);
        assertThat(kept.toArray()).containsExactly(values);
        assertThat(kept.size()).isZero();
    }

    @Test
    void handsEveryNumberToForEachInTheOrderAdded() {
        double[] values = new Random(8).doubles(5_000).toArray();
        List<Double> seen = new ArrayList<>();
        keep(values, 16).forEach(seen::add);
        assertThat(seen).containsExactly(Arrays.stream(values).boxed().toArray(Double[]::new));
    }

    @Test
    void doublesItsCapacityAsAnArrayWouldUntilBlocksReachTheirLargestLength() {
        KeptNumbers kept = new KeptNumbers(1024);
        List<Integer> capacities = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            kept.addBlock();
            capacities.add(kept.capacity());
        }
        assertThat(capacities).containsExactly(1024, 2048, 4096, 8192, 16_384, 32_768, 65_536, 98_304, 131_072);
        assertThat(kept.nextBlockBytes()).isEqualTo((long) KeptNumbers.MAX_BLOCK_LENGTH * Double.BYTES);
    }

    @Test
    void sortsALargeColumnIntoTheArrayArraysSortGivesBitForBit() {
        Random random = new Random(9);
        double[] values = new double[5 * KeptNumbers.MAX_BLOCK_LENGTH + 777];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 7) {
                case 0 -> random.nextGaussian() * 1e6;
                case 1 -> -random.nextDouble();
                case 2 -> random.nextBoolean() ? 0.0 : -0.0;
                case 3 -> Math.rint(random.nextGaussian() * 3);
                case 4 -> random.nextBoolean() ? Double.MIN_VALUE : -Double.MAX_VALUE;
                case 5 -> Math.exp(random.nextGaussian() * 50);
                default -> random.nextDouble() - 0.5;
            };
        }
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] sorted = keep(values, 1024).toSortedArray(new SortScratch());
        assertThat(Arrays.stream(sorted).mapToLong(Double::doubleToRawLongBits).toArray())
                .containsExactly(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray());
    }

    @Test
    void sortsAColumnOfOneRepeatedValueAndOneOfBlocksStartingSmall() {
        double[] repeated = new double[3 * KeptNumbers.MAX_BLOCK_LENGTH];
        Arrays.fill(repeated, 2.5);
        assertThat(keep(repeated, 1024).toSortedArray(new SortScratch())).containsExactly(repeated);
        double[] descending = new double[2 * KeptNumbers.MAX_BLOCK_LENGTH + 5];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = descending.length - i;
        }
        double[] expected = descending.clone();
        Arrays.sort(expected);
        assertThat(keep(descending, 16).toSortedArray(new SortScratch())).containsExactly(expected);
    }

    @Test
    void leavesASmallColumnInTheOrderAddedForTheSampleToSort() {
        assertThat(keep(new double[]{3, 1, 2}, 1024).toSortedArray(new SortScratch())).containsExactly(3.0, 1.0, 2.0);
    }

    @Test
    void sortsAPresizedColumnInItsArrayAndCutsItToTheNumbersKept() {
        double[] values = new Random(10).doubles(100_000, -5, 5).toArray();
        double[] expected = values.clone();
        Arrays.sort(expected);
        KeptNumbers full = new KeptNumbers(1024);
        full.presize(values.length);
        KeptNumbers fewer = new KeptNumbers(1024);
        fewer.presize(values.length + 3);
        for (double value : values) {
            full.add(value);
            fewer.add(value);
        }
        SortScratch scratch = new SortScratch();
        assertThat(full.toSortedArray(scratch)).containsExactly(expected);
        assertThat(fewer.toSortedArray(scratch)).containsExactly(expected);
    }

    @Test
    void givesAPresizedColumnThatOutgrewItsArrayUnsortedForTheSampleToSort() {
        KeptNumbers kept = new KeptNumbers(1024);
        kept.presize(2);
        for (double value : new double[]{3, 1, 2}) {
            if (!kept.hasRoom()) {
                kept.addBlock();
            }
            kept.add(value);
        }
        assertThat(kept.toSortedArray(new SortScratch())).containsExactly(3.0, 1.0, 2.0);
    }

    @Test
    void holdsNothingAfterItsArrayIsTaken() {
        KeptNumbers kept = keep(new double[]{3, 1, 2}, 2);
        assertThat(kept.toArray()).containsExactly(3.0, 1.0, 2.0);
        assertThat(kept.capacity()).isZero();
        assertThat(kept.toArray()).isEmpty();
    }
}
