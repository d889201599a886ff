package io.driftwatch.cli.tabular;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalParserTest {
    private final DecimalParser parser = new DecimalParser();

    @Test
    void parsesEveryFormattedDoubleExactlyAsDoubleParseDouble() {
        Random random = new Random(42);
        String[] formats = {"%s", "%.8g", "%.3f", "%.17g", "%e", "%.1f", "%.15g", "%.0f"};
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> Math.exp(random.nextGaussian() * 10);
                case 2 -> random.nextInt(1_000_000) - 500_000;
                default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            };
            String format = formats[i % formats.length];
            String text = format.equals("%s") ? Double.toString(value) : String.format(Locale.ROOT, format, value);
            if ((text.contains("E") && !format.equals("%s")) || text.contains("Infinity")) {
                continue;
            }
            assertThat(parser.parse(text)).as(text).isTrue();
            assertThat(Double.doubleToLongBits(parser.value())).as(text)
                    .isEqualTo(Double.doubleToLongBits(Double.parseDouble(text)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "-2.5E-3", "+7", ".5", "5.", "  42  ", "-0", "123456789012345678901234567890", "1e-400", "4.9e-324"})
    void acceptsTheNumberSpellingsOfCsvFiles(String text) {
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.value()).isEqualTo(Double.parseDouble(text.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.3", "1e", "e5", "--1", "0x10", "1d", "Infinity", "NaN", "1,5", "12abc", "."})
    void rejectsTextThatIsNotADecimalNumber(String text) {
        assertThat(parser.parse(text)).isFalse();
    }
}
