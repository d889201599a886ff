package io.driftwatch.stats.quality;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner's positive class and business-value matrix applied to a window's tally, as the stream applies them. */
class OutcomeChoicesTest {
    private static final BusinessValueMatrix VALUES = BusinessValueMatrix.parse("[[0, -5], [-50, 100]]");

    /** fraud/legit: 3 frauds caught, 1 missed, 2 false alarms, 4 legit passed. */
    private static QualityTally fraudWindow() {
        QualityTally tally = new QualityTally(0);
        String[][] pairs = {{"fraud", "fraud"}, {"fraud", "fraud"}, {"fraud", "fraud"}, {"legit", "fraud"},
            {"fraud", "legit"}, {"fraud", "legit"}, {"legit", "legit"}, {"legit", "legit"}, {"legit", "legit"},
            {"legit", "legit"}};
        for (String[] pair : pairs) {
            tally.addPrediction();
            tally.add(OutcomeTyping.AUTO.outcome(pair[0], pair[1], Map.of(), Map.of(), 0));
        }
        return tally;
    }

    @Test
    void theNamedPositiveClassGivesANamedPairsFiguresAndTheBusinessValueAmongTheMetrics() {
        QualitySummary summary = new OutcomeChoices("fraud", VALUES).summary(fraudWindow());

        assertThat(summary.metrics().get("recall")).isEqualTo(0.75);
        assertThat(summary.metrics().get("precision")).isEqualTo(0.6);
        // NannyML's sum of value times count: 0*4 - 5*2 - 50*1 + 100*3.
        assertThat(summary.metrics().get("business_value")).isEqualTo(240.0);
        assertThat(summary.binary()).isNotNull();
        assertThat(summary.binary().positiveClass()).isEqualTo("fraud");
    }

    @Test
    void withoutAMatrixOrWithoutAPositiveClassThereIsNoBusinessValue() {
        assertThat(new OutcomeChoices("fraud", null).summary(fraudWindow()).metrics()).containsKey("recall")
                .doesNotContainKey("business_value");
        assertThat(new OutcomeChoices(null, VALUES).summary(fraudWindow()).metrics())
                .as("two named classes and no positive class: not read as binary").doesNotContainKeys("recall", "business_value");
        assertThat(OutcomeChoices.IMPLIED.summary(fraudWindow()).metrics()).isEqualTo(fraudWindow().summary().metrics());
    }

    @Test
    void theBusinessValueIsUnboundedBothWaysAndBetterHigher() {
        assertThat(QualityMetric.BUSINESS_VALUE.better()).isEqualTo(QualityMetric.Better.HIGHER);
        assertThat(QualityMetric.BUSINESS_VALUE.lowest()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(QualityMetric.BUSINESS_VALUE.highest()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(QualityMetric.RECALL.lowest()).isZero();
        assertThat(QualityMetric.RECALL.highest()).isEqualTo(1.0);
        assertThat(QualityMetric.of("business_value")).isEqualTo(QualityMetric.BUSINESS_VALUE);
    }
}
