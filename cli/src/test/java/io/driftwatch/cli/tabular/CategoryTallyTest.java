package io.driftwatch.cli.tabular;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTallyTest {
    @Test
    void countsEachLabelAsAMapKeyedByEveryValuesStringWould() {
        Random random = new Random(11);
        CategoryTally tally = new CategoryTally();
        Map<String, Long> byString = new HashMap<>();
        byte[] line = new byte[64];
        for (int i = 0; i < 200_000; i++) {
            String label = "c" + random.nextInt(700) + (random.nextBoolean() ? "é" : "");
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            int start = random.nextInt(8);
            System.arraycopy(bytes, 0, line, start, bytes.length);
            tally.add(line, start, start + bytes.length);
            byString.merge(new String(line, start, bytes.length, StandardCharsets.UTF_8), 1L, Long::sum);
        }
        assertThat(tally.counts()).isEqualTo(byString);
    }

    @Test
    void addsTheCountsOfMalformedByteSequencesThatDecodeToTheSameLabel() {
        CategoryTally tally = new CategoryTally();
        tally.add(new byte[]{'a', (byte) 0xC3}, 0, 2);
        tally.add(new byte[]{'a', (byte) 0xFF}, 0, 2);
        tally.add(new byte[]{'a', (byte) 0xFF}, 0, 2);
        assertThat(tally.counts()).containsExactly(Map.entry("a\uFFFD", 3L));
    }

    @Test
    void addsLabelsGivenAsStringsToTheSameLabelsGivenAsBytes() {
        CategoryTally tally = new CategoryTally();
        tally.add("NA");
        tally.add("NA".getBytes(StandardCharsets.UTF_8), 0, 2);
        tally.add("x");
        assertThat(tally.counts()).isEqualTo(Map.of("NA", 2L, "x", 1L));
    }
}
