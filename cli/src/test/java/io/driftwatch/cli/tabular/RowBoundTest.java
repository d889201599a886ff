package io.driftwatch.cli.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RowBoundTest {
    private static long bound(String csv) throws IOException {
        return RowBound.of(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void countsOneRowPerLineAfterTheHeaderWithOrWithoutAFinalLineBreak() throws IOException {
        assertThat(bound("a,b\n1,2\n3,4\n")).isEqualTo(2);
        assertThat(bound("a,b\r\n1,2\r\n3,4")).isEqualTo(2);
        assertThat(bound("a,b\n")).isZero();
        assertThat(bound("")).isZero();
    }

    @Test
    void neverCountsFewerRowsThanTheFileHoldsWhenAFieldSpansLinesOrALineIsBlank() throws IOException {
        assertThat(bound("a,b\n\"x\ny\",1\n\n2,3\n")).isEqualTo(4);
    }

    @Test
    void countsEveryLineBreakWhereverItFallsInAWordOfEightBytes() throws IOException {
        java.util.Random random = new java.util.Random(3);
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder csv = new StringBuilder("h\n");
            int rows = random.nextInt(40);
            for (int row = 0; row < rows; row++) {
                csv.append("\u00e9,\u000b\u008a".repeat(random.nextInt(3))).append('\n');
            }
            assertThat(bound(csv.toString())).as(csv.toString()).isEqualTo(rows);
        }
    }

    @Test
    void countsLineBreaksAcrossItsReadBuffer() throws IOException {
        assertThat(bound("v\n" + "12345\n".repeat(100_000))).isEqualTo(100_000);
    }
}
