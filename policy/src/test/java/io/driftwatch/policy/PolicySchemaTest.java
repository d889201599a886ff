package io.driftwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.policy.check.PolicySchema;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.quality.QualityMetric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema, the parser and the statistics must describe the same format; these tests fail when they part. */
class PolicySchemaTest {
    private static final JsonNode SCHEMA = PolicySchema.tree();

    @Test
    void thePolicyUsingEveryKeyOfTheSchemaIsValidAndUsesThemAll() throws PolicyException {
        JsonNode everyKey = PolicyFiles.document("every-key.yaml").tree().root();
        Set<String> used = new TreeSet<>();
        collectKeys(everyKey, "", used);

        Set<String> declared = new TreeSet<>();
        collectSchemaKeys(SCHEMA, "", declared, new ArrayList<>());

        assertThat(normalized(used)).containsAll(normalized(declared));
    }

    @Test
    void theSchemaNamesEveryTestOfTheCatalogAndEveryQualityMetric() {
        List<String> tests = new ArrayList<>();
        SCHEMA.at("/$defs/tests/properties").fieldNames().forEachRemaining(tests::add);
        List<String> informTests = new ArrayList<>();
        SCHEMA.at("/properties/features/properties/inform/items/enum").forEach(test -> informTests.add(test.asText()));
        List<String> metrics = new ArrayList<>();
        SCHEMA.at("/properties/triggers/properties/quality/properties/metric/enum").forEach(m -> metrics.add(m.asText()));

        assertThat(tests).isEqualTo(TestCatalog.NAMES);
        assertThat(informTests).isEqualTo(TestCatalog.NAMES);
        assertThat(metrics).isEqualTo(QualityMetric.names());
        List<String> estimated = new ArrayList<>();
        SCHEMA.at("/properties/triggers/properties/estimated_quality/properties/metric/enum").forEach(m -> estimated.add(m.asText()));
        assertThat(estimated).isEqualTo(Arrays.stream(EstimatedMetric.values()).map(EstimatedMetric::metricName).toList());
    }

    @Test
    void everyPropertyHasADescriptionAndEveryObjectRefusesUnknownKeys() {
        List<String> undescribed = new ArrayList<>();
        List<String> open = new ArrayList<>();
        checkNode(SCHEMA, "", undescribed, open);

        assertThat(undescribed).isEmpty();
        assertThat(open).isEmpty();
    }

    /** Keys named by the definition they belong to: a column's keys are the same under columns and prediction. */
    private static Set<String> normalized(Set<String> keys) {
        Set<String> byDefinition = new TreeSet<>();
        for (String key : keys) {
            String shared = key.replaceFirst("^(features\\.columns\\.\\*|prediction)(?=\\.|$)", "column")
                    .replaceFirst("^(features|column)\\.tests\\.\\*", "test");
            byDefinition.add(shared);
        }
        return byDefinition;
    }

    private static void checkNode(JsonNode node, String path, List<String> undescribed, List<String> open) {
        if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
            open.add(path);
        }
        node.path("properties").properties().forEach(property -> {
            if (!property.getValue().has("description")) {
                undescribed.add(path + "/" + property.getKey());
            }
            checkNode(property.getValue(), path + "/" + property.getKey(), undescribed, open);
        });
        node.path("$defs").properties().forEach(def -> checkNode(def.getValue(), "$defs/" + def.getKey(), undescribed, open));
    }

    private static void collectKeys(JsonNode node, String path, Set<String> keys) {
        node.properties().forEach(entry -> {
            String key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            String generic = path.equals("features.columns") || path.endsWith("tests") ? path + ".*" : key;
            keys.add(generic);
            collectKeys(entry.getValue(), generic, keys);
        });
    }

    private static void collectSchemaKeys(JsonNode node, String path, Set<String> keys, List<String> seenRefs) {
        JsonNode resolved = node.has("$ref") ? SCHEMA.at(node.path("$ref").asText().substring(1)) : node;
        if (node.has("$ref") && seenRefs.contains(path)) {
            return;
        }
        seenRefs.add(path);
        resolved.path("properties").properties().forEach(entry -> {
            String key = path.isEmpty() ? entry.getKey() : path + "." + (path.endsWith("tests") ? "*" : entry.getKey());
            keys.add(key);
            collectSchemaKeys(entry.getValue(), key, keys, seenRefs);
        });
        JsonNode additional = resolved.path("additionalProperties");
        if (additional.isObject()) {
            collectSchemaKeys(additional, path + ".*", keys, seenRefs);
        }
    }
}
