package io.driftwatch.stats.profile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSorterTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 255, 256, 257, 2048, 5000})
    void sortsEveryBatchInTheOrderArraysSortGivesBitForBit(int length) {
        Random random = new Random(length);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = switch (random.nextInt(8)) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> random.nextBoolean() ? Double.MIN_VALUE : -Double.MIN_VALUE;
                case 3 -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
                case 4 -> Math.floor(random.nextGaussian() * 3);
                default -> random.nextGaussian() * Math.exp(random.nextGaussian() * 20);
            };
        }
        double[] expected = values.clone();
        Arrays.sort(expected);

        BatchSorter.ofThisThread().sort(values, length);

        assertThat(Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray())
                .containsExactly(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 4096})
    void sortsOnlyTheBatchAndLeavesTheRestOfTheArrayAlone(int length) {
        Random random = new Random(7);
        double[] values = random.doubles(length + 10, -1e6, 1e6).toArray();
        double[] tail = Arrays.copyOfRange(values, length, length + 10);
        double[] expected = Arrays.copyOf(values, length);
        Arrays.sort(expected);

        BatchSorter.ofThisThread().sort(values, length);

        assertThat(Arrays.copyOf(values, length)).containsExactly(expected);
        assertThat(Arrays.copyOfRange(values, length, length + 10)).containsExactly(tail);
    }
}
