package io.driftwatch.schemas.mapping;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingPropertiesTest {
    private static final String P = "driftwatch.mapping.inference.";

    @Test
    void readsTheFlatRecordExample() {
        InferenceMapping mapping = MappingProperties.inference(Map.of(
                P + "requestId", "id",
                P + "modelName", "model",
                P + "modelVersion", "const:v1",
                P + "prediction", "score",
                P + "features", "prefix:f_",
                P + "feature.type.age", "Number",
                "driftwatch.window.size.ms", "60000"));

        assertThat(mapping).isEqualTo(new InferenceMapping(FieldSource.field("id"), FieldSource.field("model"),
                new FieldSource.Constant("v1"), FieldSource.field("eventTime"), FieldSource.field("score"),
                new FieldGroup.Prefixed("f_"), FieldPath.parse("classScores"),
                new FieldGroup.MapAt(FieldPath.parse("segments")), Map.of("age", FeatureType.NUMBER)));
    }

    @Test
    void keepsDriftwatchsOwnNamesWhenNothingIsSet() {
        assertThat(MappingProperties.inference(Map.of())).isEqualTo(InferenceMapping.canonical());
        assertThat(MappingProperties.label(Map.of())).isEqualTo(LabelMapping.canonical());
    }

    @Test
    void readsEveryFormOfFeaturesAndSegments() {
        InferenceMapping listed = MappingProperties.inference(Map.of(
                P + "features", "fields:f_age, meta.f_income",
                P + "features.strip-prefix", "f_",
                P + "segments", "fields:country,channel",
                P + "classScores", "none",
                P + "eventTime", "record-timestamp",
                P + "requestId", "path:ns:id"));
        InferenceMapping remaining = MappingProperties.inference(Map.of(
                P + "features", "remaining",
                P + "features.exclude", "debug, raw",
                P + "segments", "map:meta.tags"));

        assertThat(listed.features()).isEqualTo(new FieldGroup.Listed(
                List.of(FieldPath.parse("f_age"), FieldPath.parse("meta.f_income")), "f_"));
        assertThat(listed.segments()).isEqualTo(new FieldGroup.Listed(
                List.of(FieldPath.parse("country"), FieldPath.parse("channel")), ""));
        assertThat(listed.classScores()).isNull();
        assertThat(listed.eventTime()).isEqualTo(new FieldSource.RecordTimestamp());
        assertThat(listed.requestId()).isEqualTo(FieldSource.field("ns:id"));
        assertThat(remaining.features()).isEqualTo(new FieldGroup.Remaining(Set.of("debug", "raw")));
        assertThat(remaining.segments()).isEqualTo(new FieldGroup.MapAt(FieldPath.parse("meta.tags")));
    }

    @Test
    void readsALabelMapping() {
        assertThat(MappingProperties.label(Map.of(
                "driftwatch.mapping.label.requestId", "ref",
                "driftwatch.mapping.label.modelName", "const:fraud",
                "driftwatch.mapping.label.label", "outcome.isFraud",
                "driftwatch.mapping.label.eventTime", "record-timestamp")))
                .isEqualTo(new LabelMapping(FieldSource.field("ref"), new FieldSource.Constant("fraud"),
                        FieldSource.field("outcome.isFraud"), new FieldSource.RecordTimestamp()));
    }

    @Test
    void namesAnUnknownKeyAndListsTheKnownOnes() {
        assertThatThrownBy(() -> MappingProperties.inference(Map.of(P + "requestID", "id")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value id for configuration driftwatch.mapping.inference.requestID: unknown mapping"
                        + " key; the keys after driftwatch.mapping.inference. are requestId, modelName, modelVersion,"
                        + " eventTime, prediction, features, features.strip-prefix, features.exclude, classScores,"
                        + " segments, feature.type.<name>");
    }

    @Test
    void namesTheKeyOfEveryValueOfTheWrongForm() {
        assertRefused(Map.of(P + "requestId", " "), P + "requestId",
                "must not be empty; remove the key to keep driftwatch's own field name");
        assertRefused(Map.of(P + "requestId", "const:r1"), P + "requestId",
                "a constant is only for the model name and version; map a field instead");
        assertRefused(Map.of(P + "modelName", "record-timestamp"), P + "modelName",
                "record-timestamp is only for eventTime");
        assertRefused(Map.of(P + "modelVersion", "const:"), P + "modelVersion", "const: needs a value, e.g. const:v1");
        assertRefused(Map.of(P + "prediction", "out..score"), P + "prediction",
                "a field path has an empty field name (two dots, or a dot at either end)");
        assertRefused(Map.of(P + "features", "prefix:"), P + "features",
                "prefix: needs the text the field names start with, e.g. prefix:f_");
        assertRefused(Map.of(P + "features.strip-prefix", "f_"), P + "features.strip-prefix",
                "only applies with features=fields:...");
        assertRefused(Map.of(P + "features", "prefix:f_", P + "features.exclude", "a"), P + "features.exclude",
                "only applies with features=remaining");
        assertRefused(Map.of(P + "feature.type.age", "int"), P + "feature.type.age",
                "unknown feature type; use number, string or boolean");
    }

    @Test
    void namesAnUnknownFormAndHowToWriteAColonInAName() {
        assertThatThrownBy(() -> MappingProperties.inference(Map.of(P + "modelName", "constant:fraud")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value constant:fraud for configuration driftwatch.mapping.inference"
                        + ".modelName: unknown form 'constant:'; write a field path such as meta.id (path:<name> for"
                        + " a name with a colon)");
    }

    private static void assertRefused(Map<String, String> properties, String key, String why) {
        assertThatThrownBy(() -> MappingProperties.inference(properties))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value ")
                .hasMessageContaining(" for configuration " + key + ": " + why);
    }
}
