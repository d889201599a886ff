package io.driftwatch.testkit.corpus;

import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.MapSchemaLookup;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.testkit.corpus.MalformedCorpus.Case;
import io.driftwatch.testkit.corpus.MalformedCorpus.Format;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedCorpusTest {
    private static final long SEED = 20240501L;

    @Test
    void decodesEveryGoodRecordExactlyAndFailsEveryMalformedOneWithAReason() {
        List<Case> cases = MalformedCorpus.generate(SEED);
        Map<Format, RecordDecoder<InferenceLog>> decoders = new EnumMap<>(Format.class);
        for (Format format : Format.values()) {
            decoders.put(format, MalformedCorpus.decoder(format, new MapSchemaLookup(MalformedCorpus.schemasById())));
        }

        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            DecodeResult<InferenceLog> result;
            try {
                result = decoders.get(c.format()).decode("corpus", c.value(), MalformedCorpus.RECORD_TIME);
            } catch (RuntimeException | Error e) {
                softly.fail(c + " threw " + e);
                continue;
            }
            if (c.isGood()) {
                softly.assertThat(result).as(c.toString()).isEqualTo(DecodeResult.decoded(c.expected()));
            } else if (result instanceof DecodeResult.Failed<InferenceLog> failed) {
                softly.assertThat(failed.reason()).as(c.toString()).isNotBlank();
                if (c.expectedCode() != null) {
                    softly.assertThat(failed.code()).as(c + ": " + failed.reason()).isEqualTo(c.expectedCode());
                }
            } else {
                softly.fail(c + " decoded to " + result);
            }
        }
        softly.assertAll();
    }

    @Test
    void holdsOverAThousandMalformedRecordsOfEveryKindInEveryFormat() {
        List<Case> cases = MalformedCorpus.generate(SEED);
        Map<Format, Set<String>> categories = cases.stream().collect(Collectors.groupingBy(Case::format,
                Collectors.mapping(Case::category, Collectors.toSet())));

        assertThat(cases.stream().filter(c -> !c.isGood()).count()).isGreaterThanOrEqualTo(1000);
        assertThat(cases.stream().filter(Case::isGood).count()).isGreaterThanOrEqualTo(100);
        assertThat(categories.get(Format.CONFLUENT_AVRO)).contains("good", "truncated", "wrong magic",
                "unknown schema", "bad union index", "length past the end", "negative length", "garbage varint",
                "huge item count", "trailing bytes", "random bytes", "random body", "huge string",
                "too many features", "too many items", "oversized", "wrong type", "incompatible schema",
                "deep nesting", "missing field", "null");
        assertThat(categories.get(Format.SINGLE_OBJECT_AVRO)).isEqualTo(categories.get(Format.CONFLUENT_AVRO));
        assertThat(categories.get(Format.JSON)).contains("good", "truncated", "flipped byte", "trailing content",
                "duplicate key", "random bytes", "avro sent to JSON", "wrong type", "missing field", "huge string",
                "deep nesting", "too many features", "too many items", "oversized", "not an object", "null", "empty");
    }

    @Test
    void theSameSeedGivesTheSameRecordsByteForByte() {
        List<Case> first = MalformedCorpus.generate(7);
        List<Case> second = MalformedCorpus.generate(7);

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).toString()).isEqualTo(first.get(i).toString());
            assertThat(Arrays.equals(second.get(i).value(), first.get(i).value())).as(first.get(i).toString()).isTrue();
        }
    }
}
