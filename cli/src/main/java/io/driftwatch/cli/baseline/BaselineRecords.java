package io.driftwatch.cli.baseline;

import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.schemas.record.BaselineQuality;
import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.schemas.record.CalibrationSettings;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ReconstructionColumn;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.baseline.ColumnBaseline;
import io.driftwatch.stats.baseline.ColumnFacts;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.stats.quality.QualitySummary;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Maps a {@link TrainingBaseline} (statistics module, no Avro) to the published {@link Baseline} record
 * (schemas module). It lives here because this is the first module that sees both; the mapping adds
 * only what the statistics do not know: model, version, source, creation time, the CBPE fit and the PCA
 * reconstruction fit. Stateless.
 */
public final class BaselineRecords {
    private BaselineRecords() {
    }

    /** The compacted topic's key of a model version's baseline: the latest one per key is what stays. */
    public static String topicKey(String model, String version) {
        return requireNonNull(model, "model") + '/' + requireNonNull(version, "version");
    }

    /** The record of a baseline without a CBPE fit; {@code source} is where the training data came from. */
    public static Baseline toRecord(TrainingBaseline baseline, String model, String version, String source,
                                    Instant createdAt) {
        return toRecord(baseline, null, model, version, source, createdAt);
    }

    /**
     * @param estimation the CBPE fit to store; null for none. Its numbers are part of the content hash, so a baseline
     *                   with a fit never shares an id with one without, nor with one of another fit
     * @param source     where the training data came from, for people (the file name)
     */
    public static Baseline toRecord(TrainingBaseline baseline, @Nullable BaselineEstimation estimation, String model,
                                    String version, String source, Instant createdAt) {
        return toRecord(baseline, estimation, null, model, version, source, createdAt);
    }

    /**
     * @param estimation   the CBPE fit to store; null for none
     * @param multivariate the PCA reconstruction fit to store; null for none. Each fit's numbers are part of the
     *                     content hash, so a baseline with a fit never shares an id with one without, nor with one of
     *                     another fit; without either, the id is the statistics' alone, as before fits existed
     * @param source       where the training data came from, for people (the file name)
     */
    public static Baseline toRecord(TrainingBaseline baseline, @Nullable BaselineEstimation estimation,
                                    @Nullable BaselineReconstruction multivariate, String model, String version,
                                    String source, Instant createdAt) {
        requireNonNull(baseline, "baseline");
        TrainingBaseline hashed = baseline;
        if (estimation != null) {
            hashed = folded(hashed, estimation::toByteBuffer);
        }
        BaselineReconstruction reconstruction = multivariate == null ? null : canonical(multivariate);
        if (reconstruction != null) {
            hashed = folded(hashed, reconstruction::toByteBuffer);
        }
        return Baseline.newBuilder()
                .setBaselineId(hashed.baselineId(model, version))
                .setModelName(model)
                .setModelVersion(version)
                .setCreatedAt(requireNonNull(createdAt, "createdAt"))
                .setSource(requireNonNull(source, "source"))
                .setRows(baseline.rows())
                .setContentHash(hashed.contentHash())
                .setCalibration(calibration(baseline.settings()))
                .setColumns(baseline.columns().stream().map(BaselineRecords::column).toList())
                .setQuality(quality(baseline.quality()))
                .setPerformanceEstimation(estimation)
                .setMultivariate(reconstruction)
                .build();
    }

    // Avro writes a map's entries in the map's iteration order, which for an unmodifiable Map.copyOf changes from one
    // JVM to the next; with each category map in key order, the same fit has the same bytes, hash and id every run.
    private static BaselineReconstruction canonical(BaselineReconstruction multivariate) {
        List<ReconstructionColumn> columns = multivariate.getColumns().stream()
                .map(column -> ReconstructionColumn.newBuilder(column).setShares(new TreeMap<>(column.getShares())).build())
                .toList();
        return BaselineReconstruction.newBuilder(multivariate).setColumns(columns).build();
    }

    /** A fit's Avro bytes. */
    private interface AvroBytes {
        ByteBuffer get() throws IOException;
    }

    // The statistics hash the data, settings and quality; the fits are made here, so they are folded in here: the
    // hash of the hash so far followed by the fit's Avro bytes, the CBPE fit first, so a baseline with only a CBPE
    // fit keeps the id it had before the multivariate fit existed.
    private static TrainingBaseline folded(TrainingBaseline baseline, AvroBytes fit) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(baseline.contentHash().getBytes(StandardCharsets.US_ASCII));
            sha256.update(fit.get());
            return new TrainingBaseline(baseline.rows(), baseline.columns(), baseline.settings(),
                    HexFormat.of().formatHex(sha256.digest()), baseline.quality());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("SHA-256 and Avro's in-memory encoding are always available", e);
        }
    }

    private static @Nullable BaselineQuality quality(@Nullable QualitySummary quality) {
        if (quality == null) {
            return null;
        }
        return new BaselineQuality(quality.labelled(), Map.copyOf(quality.metrics()));
    }

    private static @Nullable CalibrationSettings calibration(BaselineSettings settings) {
        if (!settings.calibrate()) {
            return null;
        }
        CalibrationPlan plan = settings.plan();
        return CalibrationSettings.newBuilder()
                .setChunks(plan.chunks())
                .setChunkRows(plan.equalSplit() ? null : plan.chunkRows())
                .setSeed(plan.seed())
                .setSigmas(CalibrationPlan.SIGMAS)
                .setBinning(settings.options().binning().name().toLowerCase(Locale.ROOT))
                .setLogBase(settings.options().logBase() == LogBase.E ? "e" : "2")
                .build();
    }

    private static BaselineColumn column(ColumnBaseline column) {
        ColumnFacts facts = column.facts();
        return BaselineColumn.newBuilder()
                .setName(column.name())
                .setColumnType(facts.type() == ColumnType.NUMERIC ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL)
                .setCount(facts.count())
                .setMissing(facts.missing())
                .setMissingRate(facts.missingRate())
                .setProfile(ByteBuffer.wrap(ProfileCodec.toBytes(column.profile())))
                .setMin(facts.min())
                .setMax(facts.max())
                .setDistinctCount(facts.distinctCount())
                .setDomain(facts.domain())
                .setDomainTruncated(facts.domainTruncated())
                .setDefaultTest(column.defaultTest())
                .setComparedAsCategories(column.asCategories())
                .setThresholds(column.thresholds())
                .setNotCalibrated(column.notCalibrated())
                .build();
    }
}
