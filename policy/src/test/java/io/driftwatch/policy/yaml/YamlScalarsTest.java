package io.driftwatch.policy.yaml;

import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlScalarsTest {
    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "ON", "off", "y", "n", "null", "~", "true", "False", "0123", "42", "-1", "+1",
            "1e5", "1.5", ".5", ".inf", ".NaN", "0x1f", "0o17", "0b101", "1_000", "12:30", "2024-06-01",
            "2024-06-01T10:00:00Z", "a: b", "#tag", "- x", "[a]", "{a}", "*", "&x", "!x", "|", ">", "%x", "@x", "`x",
            "a #b", " padded ", "", "tab\there", "line\nbreak", "quote\"d", "back\\slash", "Zürich", "x\u2028y"})
    void everyStringReadsBackAsItself(String text) throws PolicyException {
        String yaml = "model: " + YamlScalars.string(text) + "\n";

        if (text.isBlank()) {
            assertThat(YamlScalars.string(text)).startsWith("\"");
            return;
        }
        assertThat(PolicyDocument.parse("p.yaml", yaml).policy().model()).isEqualTo(text);
    }

    @Test
    void wordsNoReaderCouldMisreadStayPlain() {
        assertThat(YamlScalars.string("north")).isEqualTo("north");
        assertThat(YamlScalars.string("request_id")).isEqualTo("request_id");
        assertThat(YamlScalars.string("ml@example.com")).isEqualTo("ml@example.com");
        assertThat(YamlScalars.string("1d")).isEqualTo("1d");
        assertThat(YamlScalars.string("500ms")).isEqualTo("500ms");
    }

    @Test
    void stringsYamlWouldReadAsSomethingElseAreQuoted() {
        assertThat(YamlScalars.string("yes")).isEqualTo("\"yes\"");
        assertThat(YamlScalars.string("off")).isEqualTo("\"off\"");
        assertThat(YamlScalars.string("0123")).isEqualTo("\"0123\"");
        assertThat(YamlScalars.string("0xff")).isEqualTo("\"0xff\"");
        assertThat(YamlScalars.string("a: b")).isEqualTo("\"a: b\"");
        assertThat(YamlScalars.string("line\nbreak")).isEqualTo("\"line\\nbreak\"");
    }

    @Test
    void numbersAreWrittenInPlainDecimalsThatReadBackExactly() throws PolicyException {
        assertThat(YamlScalars.number(1.0e7)).isEqualTo("10000000");
        assertThat(YamlScalars.number(250000)).isEqualTo("250000");
        assertThat(YamlScalars.number(0.05)).isEqualTo("0.05");
        assertThat(YamlScalars.number(-0.0)).isEqualTo("0");
        assertThat(YamlScalars.number(1.0e-7)).isEqualTo("0.0000001");
        double threshold = 0.07726175577821884;
        String yaml = "model: m\nfeatures: {columns: {x: {expect: {max: " + YamlScalars.number(threshold) + "}}}}\n";
        assertThat(PolicyDocument.parse("p.yaml", yaml).policy().features().columns().get("x").expect().orElseThrow()
                .max()).hasValue(threshold);
    }

    @Test
    void aNumberThatIsNotFiniteIsRefused() {
        assertThatThrownBy(() -> YamlScalars.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a policy number must be finite, got NaN");
    }
}
