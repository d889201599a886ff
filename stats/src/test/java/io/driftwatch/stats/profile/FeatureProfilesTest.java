package io.driftwatch.stats.profile;

import io.driftwatch.stats.multivariate.ReconstructionErrors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureProfilesTest {
    private static FeatureProfiles empty() {
        return new FeatureProfiles(NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults());
    }

    private static Map<String, Object> features(Object age, Object country) {
        Map<String, Object> features = new HashMap<>();
        features.put("age", age);
        features.put("country", country);
        return features;
    }

    @Test
    void eachValueReachesItsOwnFeatureWhateverOrderAndSetOfFeaturesTheRecordsCarry() {
        FeatureProfiles profiles = empty();
        profiles.add(ordered("age", 40L, "country", "NO"), 0.5);
        profiles.add(ordered("country", "SE", "age", 30L), 0.5);
        profiles.add(ordered("age", null, "income", 1000.0), 0.5);
        profiles.add(ordered("income", 3000.0, "country", "NO", "age", 20L), 0.5);
        profiles.add(ordered("age", "unknown", "country", 7L), 0.5);

        NumericProfile age = (NumericProfile) profiles.profiles().get("age");
        NumericProfile income = (NumericProfile) profiles.profiles().get("income");
        CategoricalProfile country = (CategoricalProfile) profiles.profiles().get("country");
        assertThat(age.exactSample().orElseThrow().toArray()).containsExactly(20.0, 30.0, 40.0);
        assertThat(age.nullCount()).isEqualTo(1);
        assertThat(age.wrongTypeCount()).isEqualTo(1);
        assertThat(income.exactSample().orElseThrow().toArray()).containsExactly(1000.0, 3000.0);
        assertThat(country.exactCounts().orElseThrow().counts()).containsEntry("NO", 2L).containsEntry("SE", 1L);
        assertThat(country.wrongTypeCount()).isEqualTo(1);
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            features.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return features;
    }

    @Test
    void profilesEachFeatureAndThePredictionByTheKindOfTheirValues() {
        FeatureProfiles profiles = empty();
        profiles.add(features(41L, "NO"), 0.7);
        profiles.add(features(35.5, "SE"), 0.2);
        profiles.add(features(null, true), "fraud");
        NumericProfile age = (NumericProfile) profiles.profiles().get("age");
        CategoricalProfile country = (CategoricalProfile) profiles.profiles().get("country");
        NumericProfile prediction = (NumericProfile) profiles.profiles().get(FeatureProfiles.PREDICTION);
        assertThat(profiles.records()).isEqualTo(3);
        assertThat(age.count()).isEqualTo(2);
        assertThat(age.nullCount()).isEqualTo(1);
        assertThat(age.mean()).isEqualTo(38.25);
        assertThat(country.exactCounts().orElseThrow().counts()).containsEntry("NO", 1L).containsEntry("true", 1L);
        assertThat(prediction.count()).isEqualTo(2);
        assertThat(prediction.wrongTypeCount()).isEqualTo(1);
    }

    @Test
    void aBooleanAndItsSpellingInACsvCellAreOneCategory() {
        FeatureProfiles stream = empty();
        stream.add(features(30L, true), 1.0);
        stream.add(features(31L, false), 1.0);
        stream.add(features(32L, true), 1.0);
        FeatureProfiles trainingCsv = empty();
        trainingCsv.add(features(30L, "True"), 1.0);
        trainingCsv.add(features(31L, "False"), 1.0);
        trainingCsv.add(features(32L, "TRUE"), 1.0);
        assertThat(((CategoricalProfile) trainingCsv.profiles().get("country")).exactCounts().orElseThrow().counts())
                .containsExactly(Map.entry("false", 1L), Map.entry("true", 2L))
                .isEqualTo(((CategoricalProfile) stream.profiles().get("country")).exactCounts().orElseThrow().counts());
    }

    @Test
    void nullsSeenBeforeAFeaturesKindIsKnownAreCountedOnceItIs() {
        FeatureProfiles profiles = empty();
        profiles.add(features(null, null), 1.0);
        profiles.add(features(null, null), 1.0);
        assertThat(profiles.nullsBeforeKind()).containsEntry("age", 2L);
        profiles.add(features(30L, "NO"), 1.0);
        assertThat(((NumericProfile) profiles.profiles().get("age")).nullCount()).isEqualTo(2);
        assertThat(profiles.nullsBeforeKind()).isEmpty();
    }

    @Test
    void mergingPartsEqualsProfilingTheWhole() {
        Random random = new Random(7);
        FeatureProfiles whole = empty();
        FeatureProfiles first = empty();
        FeatureProfiles second = empty();
        for (int i = 0; i < 3000; i++) {
            Map<String, Object> features = features(random.nextInt(10) == 0 ? null : random.nextGaussian() * 10 + 40,
                    List.of("NO", "SE", "DK").get(random.nextInt(3)));
            double prediction = random.nextDouble();
            whole.add(features, prediction);
            (i % 3 == 0 ? first : second).add(features, prediction);
        }
        first.merge(second);
        NumericProfile mergedAge = (NumericProfile) first.profiles().get("age");
        NumericProfile wholeAge = (NumericProfile) whole.profiles().get("age");
        assertThat(first.records()).isEqualTo(3000);
        assertThat(mergedAge.count()).isEqualTo(wholeAge.count());
        assertThat(mergedAge.nullCount()).isEqualTo(wholeAge.nullCount());
        assertThat(mergedAge.mean()).isEqualTo(wholeAge.mean());
        assertThat(mergedAge.sampleVariance()).isEqualTo(wholeAge.sampleVariance());
        assertThat(((CategoricalProfile) first.profiles().get("country")).exactCounts())
                .isEqualTo(((CategoricalProfile) whole.profiles().get("country")).exactCounts());
    }

    @Test
    void aFeatureNumericInOnePartAndCategoricalInTheOtherKeepsTheMajorityKind() {
        FeatureProfiles numbers = empty();
        FeatureProfiles labels = empty();
        for (int i = 0; i < 5; i++) {
            numbers.add(Map.of("zip", (double) i), 1.0);
        }
        labels.add(Map.of("zip", "SW1A"), 1.0);
        labels.merge(numbers);
        NumericProfile zip = (NumericProfile) labels.profiles().get("zip");
        assertThat(zip.count()).isEqualTo(5);
        assertThat(zip.wrongTypeCount()).isEqualTo(1);
    }

    @Test
    void bytesRoundTripToTheSameProfiles() {
        FeatureProfiles profiles = empty();
        profiles.add(features(41L, "NO"), 0.7);
        profiles.add(features(null, "SE"), "yes");
        profiles.add(Map.of("never", "x"), 0.1);
        Map<String, Object> onlyNull = new HashMap<>();
        onlyNull.put("blank", null);
        profiles.add(onlyNull, 0.3);
        byte[] bytes = FeatureProfilesCodec.toBytes(profiles);
        FeatureProfiles restored = FeatureProfilesCodec.fromBytes(bytes);
        assertThat(restored.records()).isEqualTo(4);
        assertThat(restored.nullsBeforeKind()).containsEntry("blank", 1L);
        assertThat(FeatureProfilesCodec.toBytes(restored)).isEqualTo(bytes);
    }

    @Test
    void rejectsTruncatedBytesAndAnUnknownVersionWithAMessage() {
        FeatureProfiles profiles = empty();
        profiles.add(features(41L, "NO"), 0.7);
        byte[] bytes = FeatureProfilesCodec.toBytes(profiles);
        assertThatThrownBy(() -> FeatureProfilesCodec.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(ProfileFormatException.class);
        byte[] future = bytes.clone();
        future[0] = 9;
        assertThatThrownBy(() -> FeatureProfilesCodec.fromBytes(future))
                .hasMessage("feature-profiles format version 9 is not supported: this build reads versions 1 and 2");
    }
    @Test
    void aWindowsReconstructionErrorsSurviveItsBytesAndMergeByTheFitThatScoredThem() {
        FeatureProfiles first = empty();
        first.add(features(41L, "NO"), 0.7);
        first.addReconstructionError("credit/1/aaaa", 0.5);
        first.addReconstructionError("credit/1/aaaa", 1.5);
        FeatureProfiles second = empty();
        second.add(features(40L, "SE"), 0.2);
        second.addReconstructionError("credit/1/aaaa", 1.0);
        second.addReconstructionError("credit/1/bbbb", 2.0);

        FeatureProfiles restored = FeatureProfilesCodec.fromBytes(FeatureProfilesCodec.toBytes(first));
        restored.merge(second);

        assertThat(restored.reconstructionErrors().get("credit/1/aaaa"))
                .isEqualTo(ReconstructionErrors.empty().plus(0.5).plus(1.5).merge(ReconstructionErrors.empty().plus(1.0)));
        assertThat(restored.reconstructionErrors().get("credit/1/aaaa").value()).isEqualTo(1.0);
        assertThat(restored.reconstructionErrors().get("credit/1/bbbb").count()).isEqualTo(1);
        assertThat(FeatureProfilesCodec.toBytes(restored)[0]).as("format 2 only with errors").isEqualTo((byte) 2);
        FeatureProfiles unscored = empty();
        unscored.add(features(41L, "NO"), 0.7);
        assertThat(FeatureProfilesCodec.toBytes(unscored)[0]).as("the format before errors without them").isEqualTo((byte) 1);
    }
}
