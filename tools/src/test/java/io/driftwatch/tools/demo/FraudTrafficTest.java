package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.baseline.ColumnBaseline;
import io.driftwatch.stats.baseline.TrainingBaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FraudTrafficTest {
    private static final DemoScenario SCENARIO = new DemoScenario(Instant.parse("2026-11-21T07:00:00Z"), Duration.ofMinutes(10),
            6, 3, 150, Duration.ofMinutes(20), 7L);

    @TempDir
    Path directory;

    @Test
    void writesItsTrainingRowsWithTheModelsPredictionsAsBaselineReadsThem() throws Exception {
        Path training = FraudTraffic.of(SCENARIO).writeTraining(directory);

        List<String> lines = Files.readAllLines(training, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(FraudTraffic.TRAINING_ROWS + 1);
        assertThat(lines.get(0)).isEqualTo("amount,merchant_category,hour,distance_km,card_present,prediction");
        TrainingBaseline baseline = DemoBaseline.build(training);
        assertThat(baseline.rows()).isEqualTo(FraudTraffic.TRAINING_ROWS);
        assertThat(baseline.columns()).extracting(ColumnBaseline::name).containsExactlyInAnyOrder("amount", "merchant_category", "hour",
                "distance_km", "card_present", "__prediction__");
    }

    @Test
    void fromTheDriftWindowAmountsQuadrupleAndMostPurchasesAreElectronics() {
        List<InferenceLog> predictions = FraudTraffic.of(SCENARIO).records().stream().map(FraudTrafficTest::decode).toList();

        assertThat(predictions).hasSize(6 * 150).allSatisfy(log -> {
            assertThat(log.getModelName()).isEqualTo("fraud");
            assertThat(log.getModelVersion()).isEqualTo("v1");
            assertThat(log.getPrediction()).isEqualTo(FraudTraffic.decide(log.getFeatures()));
        });
        List<InferenceLog> before = predictions.stream().filter(log -> SCENARIO.windowOf(log.getEventTime()) < 3).toList();
        List<InferenceLog> after = predictions.stream().filter(log -> SCENARIO.windowOf(log.getEventTime()) >= 3).toList();
        assertThat(meanAmount(after) / meanAmount(before)).isBetween(3.0, 5.0);
        assertThat(electronicsShare(before)).isLessThan(0.35);
        assertThat(electronicsShare(after)).isGreaterThan(0.65);
    }

    private static InferenceLog decode(DemoRecord record) {
        try {
            return InferenceLog.fromByteBuffer(ByteBuffer.wrap(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double meanAmount(List<InferenceLog> logs) {
        return logs.stream().mapToDouble(log -> (Double) log.getFeatures().get("amount")).average().orElseThrow();
    }

    private static double electronicsShare(List<InferenceLog> logs) {
        return logs.stream().filter(log -> "electronics".equals(String.valueOf(log.getFeatures().get("merchant_category")))).count()
                / (double) logs.size();
    }
}
