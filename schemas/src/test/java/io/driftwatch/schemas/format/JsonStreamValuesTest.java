package io.driftwatch.schemas.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonStreamValuesTest {
    private static final DecodeLimits LIMITS = new DecodeLimits(1 << 20, 256 << 10, 10_000, 12, 64);
    private static final ObjectMapper JSON = JsonDecoder.mapperFor(LIMITS);

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"requestId\":\"r1\",\"eventTime\":1700000000000,\"features\":{\"age\":41,\"income\":52000.5,\"ok\":true,"
            + "\"country\":\"NO\",\"gone\":null},\"prediction\":0.25}",
        "{\"big\":123456789012345678901234567890,\"min\":-9223372036854775808,\"exp\":1e308,\"tiny\":4.9e-324,"
            + "\"negzero\":-0.0,\"intzero\":-0,\"frac\":0.1000000000000000055511151231257827}",
        "{\"nested\":{\"a\":{\"b\":[1,2.5,\"x\",null,false,[],{}]}},\"text\":\"\\u00e9\\n\\\"q\\\"\"}",
        "  {\"spaces\" : [ 1 , 2 ] }  \n"
    })
    void readsTheSameValuesAsTheTreeDoes(String record) throws Exception {
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
        JsonNode tree = JSON.readTree(bytes);

        Map<String, Object> streamed = JsonStreamValues.read(JSON, bytes, LIMITS);

        assertThat(streamed).isNotNull();
        assertThat(streamed).containsExactlyEntriesOf(JsonPlainValues.of(tree, null, LIMITS).fields());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "[1,2]",
        "\"text\"",
        "null",
        "{\"a\":1,\"a\":2}",
        "{\"a\":1} {\"b\":2}",
        "{\"a\":1",
        "{\"a\":[1,2}",
        "{\"a\":NaN}",
        "{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12]}"
    })
    void givesUpOnWhatTheTreePathMustExplain(String record) {
        assertThat(JsonStreamValues.read(JSON, record.getBytes(StandardCharsets.UTF_8), LIMITS)).isNull();
    }
}
