package io.driftwatch.cli.baseline;

import io.driftwatch.cli.tabular.Table;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ReconstructionChunk;
import io.driftwatch.schemas.record.ReconstructionColumn;
import io.driftwatch.stats.baseline.BaselineBuilder;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.ProfileCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineRecordsTest {
    private static final Instant CREATED = Instant.parse("2026-11-23T08:00:00Z");
    private static TrainingBaseline training;
    private static Baseline record;

    @BeforeAll
    static void build(@TempDir Path directory) throws Exception {
        Table table = new TableReader(Map.of()).read(TrainingFiles.write(directory, "train.csv"));
        training = new BaselineBuilder(BaselineSettings.defaults()).build(table.rows(), table.columns());
        record = Baseline.fromByteBuffer(BaselineRecords.toRecord(training, "fraud", "3", "train.csv", CREATED).toByteBuffer());
    }

    private static BaselineColumn column(String name) {
        return record.getColumns().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    @Test
    void identifiesTheModelVersionAndTheContent() {
        assertThat(record.getBaselineId()).isEqualTo(training.baselineId("fraud", "3")).startsWith("fraud/3/");
        assertThat(record.getModelName()).isEqualTo("fraud");
        assertThat(record.getModelVersion()).isEqualTo("3");
        assertThat(record.getCreatedAt()).isEqualTo(CREATED);
        assertThat(record.getSource()).isEqualTo("train.csv");
        assertThat(record.getRows()).isEqualTo(TrainingFiles.ROWS);
        assertThat(record.getContentHash()).isEqualTo(training.contentHash());
        assertThat(BaselineRecords.topicKey("fraud", "3")).isEqualTo("fraud/3");
    }

    @Test
    void numericColumnCarriesItsCountsRangeAndCalibratedThreshold() {
        BaselineColumn income = column("income");

        assertThat(income.getColumnType()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(income.getCount()).isEqualTo(TrainingFiles.ROWS - TrainingFiles.missingIncomes());
        assertThat(income.getMissing()).isEqualTo(TrainingFiles.missingIncomes());
        assertThat(income.getMissingRate()).isEqualTo((double) TrainingFiles.missingIncomes() / TrainingFiles.ROWS);
        assertThat(income.getMin()).isEqualTo(TrainingFiles.INCOME_MIN);
        assertThat(income.getMax()).isEqualTo(TrainingFiles.INCOME_MAX);
        assertThat(income.getDomain()).isEmpty();
        assertThat(income.getDefaultTest()).isEqualTo("wasserstein");
        assertThat(income.getThresholds()).containsOnlyKeys("wasserstein");
        assertThat(income.getThresholds().get("wasserstein")).isEqualTo(training.columns().get(0).thresholds().get("wasserstein"));
    }

    @Test
    void categoricalColumnCarriesItsDomainMostFrequentFirst() {
        BaselineColumn region = column("region");

        assertThat(region.getColumnType()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(region.getDomain()).containsExactly("north", "south", "east", "west");
        assertThat(region.getDomainTruncated()).isFalse();
        assertThat(region.getDistinctCount()).isEqualTo(4);
        assertThat(region.getMin()).isNull();
        assertThat(region.getDefaultTest()).isEqualTo("jensen_shannon");
    }

    @Test
    void aZeroOneColumnIsComparedAsCategoriesWithItsValuesAsDomain() {
        BaselineColumn flag = column("flag");

        assertThat(flag.getComparedAsCategories()).isTrue();
        assertThat(flag.getDomain()).containsExactly("0", "1");
        assertThat(flag.getDistinctCount()).isEqualTo(2);
    }

    @Test
    void profilesDecodeFromTheRecordWithEveryValueCounted() {
        NumericProfile income = ProfileCodec.numericFromBytes(bytes(column("income").getProfile()));
        CategoricalProfile region = ProfileCodec.categoricalFromBytes(bytes(column("region").getProfile()));

        assertThat(income.count()).isEqualTo(TrainingFiles.ROWS - TrainingFiles.missingIncomes());
        assertThat(income.nullCount()).isEqualTo(TrainingFiles.missingIncomes());
        assertThat(income.min()).isEqualTo(TrainingFiles.INCOME_MIN);
        assertThat(income.max()).isEqualTo(TrainingFiles.INCOME_MAX);
        assertThat(region.exactCounts().orElseThrow().count("west")).isEqualTo(TrainingFiles.ROWS / 300);
        assertThat(region.count()).isEqualTo(TrainingFiles.ROWS);
    }

    @Test
    void recordsTheCalibrationSettingsTheThresholdsHoldFor() {
        assertThat(record.getCalibration().getChunks()).isEqualTo(CalibrationPlan.DEFAULT_CHUNKS);
        assertThat(record.getCalibration().getChunkRows()).isNull();
        assertThat(record.getCalibration().getSeed()).isEqualTo(CalibrationPlan.DEFAULT_SEED);
        assertThat(record.getCalibration().getSigmas()).isEqualTo(CalibrationPlan.SIGMAS);
        assertThat(record.getCalibration().getBinning()).isEqualTo("quantile");
        assertThat(record.getCalibration().getLogBase()).isEqualTo("e");
    }

    /** A fit of one categorical column whose shares are inserted in {@code order}. */
    private static BaselineReconstruction fitWithSharesIn(List<String> order) {
        Map<String, Double> shares = new LinkedHashMap<>();
        order.forEach(category -> shares.put(category, Map.of("north", 0.5, "south", 0.3, "east", 0.2).get(category)));
        return BaselineReconstruction.newBuilder().setMethod("pca")
                .setColumns(List.of(ReconstructionColumn.newBuilder().setName("region").setCategorical(true)
                        .setImputedCategory("north").setShares(shares).build()))
                .setScalerMeans(List.of(0.38)).setScalerScales(List.of(0.12)).setPcaMean(List.of(0.0))
                .setComponents(List.of(List.of(1.0))).setExplainedVarianceRatios(List.of(1.0))
                .setReferenceChunks(List.of(new ReconstructionChunk(10L, 0.0))).setChunking("--multivariate-chunks 1")
                .build();
    }

    @Test
    void aMultivariateFitsIdDoesNotDependOnTheOrderItsCategoryMapIsWalkedIn() {
        Baseline oneOrder = BaselineRecords.toRecord(training, null, fitWithSharesIn(List.of("north", "south", "east")),
                "fraud", "3", "train.csv", CREATED);
        Baseline otherOrder = BaselineRecords.toRecord(training, null, fitWithSharesIn(List.of("east", "north", "south")),
                "fraud", "3", "train.csv", CREATED);

        assertThat(otherOrder.getBaselineId()).isEqualTo(oneOrder.getBaselineId()).isNotEqualTo(record.getBaselineId());
        assertThat(otherOrder.getMultivariate().getColumns().get(0).getShares().keySet())
                .containsExactly("east", "north", "south");
    }
}
