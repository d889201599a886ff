package io.driftwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.QualityMetric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A policy tree that has passed validation, as a typed {@link ModelPolicy}. Also binds merged trees (the effective
 * policy), whose every layer was validated, so it assumes the schema's shape and states nothing twice.
 */
final class PolicyBinder {
    private static final String OFF = "off";

    private PolicyBinder() {
    }

    static ModelPolicy bind(JsonNode root) {
        JsonNode versions = root.path("versions");
        return new ModelPolicy(root.path("model").asText(ModelPolicy.ANY),
                versions.isArray() ? strings(versions) : List.of(),
                window(root.path("window")), features(root.path("features")),
                root.has("prediction") ? Optional.of(column(root.path("prediction"))) : Optional.empty(),
                outcome(root.path("outcome")), triggers(root.path("triggers")), alerts(root.path("alerts")));
    }

    private static WindowPolicy window(JsonNode window) {
        return new WindowPolicy(duration(window.path("size")), duration(window.path("grace")), duration(window.path("offset")));
    }

    private static FeaturesPolicy features(JsonNode features) {
        Map<String, ColumnPolicy> columns = new LinkedHashMap<>();
        features.path("columns").properties().forEach(entry -> columns.put(entry.getKey(), column(entry.getValue())));
        Set<String> exclude = new LinkedHashSet<>(strings(features.path("exclude")));
        return new FeaturesPolicy(exclude, tests(features.path("tests")),
                features.has("inform") ? Optional.of(strings(features.path("inform"))) : Optional.empty(), columns);
    }

    static ColumnPolicy column(JsonNode column) {
        return new ColumnPolicy(columnType(column.path("type")), tests(column.path("tests")),
                column.has("expect") ? Optional.of(expectation(column.path("expect"))) : Optional.empty());
    }

    private static Optional<Map<String, TestSpec>> tests(JsonNode tests) {
        if (!tests.isObject()) {
            return Optional.empty();
        }
        Map<String, TestSpec> specs = new LinkedHashMap<>();
        tests.properties().forEach(entry -> specs.put(entry.getKey(), test(entry.getValue())));
        return Optional.of(specs);
    }

    static TestSpec test(JsonNode test) {
        JsonNode threshold = test.path("threshold");
        Optional<ThresholdSpec> thresholdSpec = threshold.isNumber()
                ? Optional.of(new ThresholdSpec.Level(threshold.asDouble()))
                : threshold.isTextual() ? Optional.of(new ThresholdSpec.Calibrated()) : Optional.empty();
        JsonNode logBase = test.path("log_base");
        return new TestSpec(thresholdSpec, word(test.path("binning")).map(PolicyBinder::binning),
                logBase.isMissingNode() ? Optional.empty() : Optional.of("2".equals(logBase.asText()) ? LogBase.TWO : LogBase.E),
                word(test.path("ks_method")).map(name -> KsMethod.valueOf(name.toUpperCase(Locale.ROOT))),
                test.path("binned_estimates").isBoolean() ? Optional.of(test.path("binned_estimates").asBoolean())
                        : Optional.empty());
    }

    private static Binning binning(String name) {
        return Binning.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Expectation expectation(JsonNode expect) {
        return new Expectation(columnType(expect.path("type")),
                expect.path("required").isBoolean() ? Optional.of(expect.path("required").asBoolean()) : Optional.empty(),
                number(expect.path("min")), number(expect.path("max")),
                expect.has("values") ? Optional.of(strings(expect.path("values"))) : Optional.empty(),
                word(expect.path("unseen")).map(UnseenValues::parse), number(expect.path("max_missing")),
                word(expect.path("severity")).map(Severity::parse));
    }

    private static OutcomePolicy outcome(JsonNode outcome) {
        JsonNode positive = outcome.path("positive_class");
        JsonNode matrix = outcome.path("business_value");
        return new OutcomePolicy(positive.isValueNode() ? Optional.of(positive.asText()) : Optional.empty(),
                matrix.isArray() ? Optional.of(new BusinessValueMatrix(matrix.path(0).path(0).asDouble(),
                        matrix.path(0).path(1).asDouble(), matrix.path(1).path(0).asDouble(), matrix.path(1).path(1).asDouble()))
                        : Optional.empty());
    }

    private static TriggersPolicy triggers(JsonNode triggers) {
        JsonNode drift = triggers.path("dataset_drift");
        JsonNode multivariate = triggers.path("multivariate_drift");
        JsonNode schema = triggers.path("schema");
        JsonNode quality = triggers.path("quality");
        JsonNode estimated = triggers.path("estimated_quality");
        return new TriggersPolicy(
                drift.isMissingNode() ? Optional.empty() : Optional.of(new TriggersPolicy.DatasetDrift(!isOff(drift),
                        number(drift.path("share")), integer(drift.path("consecutive")))),
                multivariate.isMissingNode() ? Optional.empty() : Optional.of(new TriggersPolicy.MultivariateDrift(
                        !isOff(multivariate), integer(multivariate.path("consecutive")))),
                schema.isMissingNode() ? Optional.empty() : Optional.of(new TriggersPolicy.SchemaRule(!isOff(schema),
                        word(schema.path("min_severity")).map(Severity::parse))),
                quality.isMissingNode() ? Optional.empty() : Optional.of(new TriggersPolicy.Quality(!isOff(quality),
                        word(quality.path("metric")).map(QualityMetric::of), number(quality.path("worse_than")),
                        number(quality.path("max_drop")), quality.path("min_labels").isNumber()
                                ? OptionalLong.of(quality.path("min_labels").asLong()) : OptionalLong.empty())),
                estimated.isMissingNode() ? Optional.empty() : Optional.of(new TriggersPolicy.EstimatedQuality(!isOff(estimated),
                        word(estimated.path("metric")).map(EstimatedMetric::of), number(estimated.path("worse_than")),
                        estimated.path("on_alert").isBoolean() ? Optional.of(estimated.path("on_alert").asBoolean())
                                : Optional.empty(), estimated.path("min_predictions").isNumber()
                                ? OptionalLong.of(estimated.path("min_predictions").asLong()) : OptionalLong.empty())),
                duration(triggers.path("cooldown")));
    }

    private static AlertsPolicy alerts(JsonNode alerts) {
        JsonNode ranking = alerts.path("ranking");
        return new AlertsPolicy(alerts.has("to") ? Optional.of(strings(alerts.path("to"))) : Optional.empty(),
                word(alerts.path("min_severity")).map(Severity::parse), integer(alerts.path("rate_per_hour")),
                ranking.isMissingNode() ? Optional.empty() : Optional.of(new AlertsPolicy.Ranking(!isOff(ranking),
                        word(ranking.path("method")), integer(ranking.path("windows")), word(ranking.path("metric")),
                        word(ranking.path("performance")))));
    }

    private static boolean isOff(JsonNode rule) {
        return rule.isTextual() && OFF.equals(rule.asText());
    }

    private static Optional<ColumnType> columnType(JsonNode type) {
        return word(type).map(ColumnType::parse);
    }

    private static Optional<String> word(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Duration> duration(JsonNode node) {
        return node.isTextual() ? PolicyDurations.parse(node.asText()) : Optional.empty();
    }

    private static OptionalDouble number(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }

    private static OptionalInt integer(JsonNode node) {
        return node.isNumber() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}
