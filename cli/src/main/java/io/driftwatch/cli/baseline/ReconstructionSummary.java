package io.driftwatch.cli.baseline;

import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.multivariate.ColumnEncoder;
import io.driftwatch.stats.multivariate.PrincipalSubspace;
import io.driftwatch.stats.multivariate.ReconstructionFitter;
import io.driftwatch.stats.multivariate.ReconstructionReference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lines {@code baseline --multivariate pca} prints about the PCA reconstruction fit it stored: the rows and
 * chunks it was fitted on, each feature with its kind, the components kept and the variance they explain, each
 * reference chunk's rows and mean error (the first {@value #LISTED_CHUNKS}), and the thresholds those set, the band outside which a window's mean error
 * alerts. A person reads here what the stream will hold its windows to. Stateless.
 */
public final class ReconstructionSummary {
    private static final String CHUNK_ROW = "  %-8s %10s %12s%n";
    /** Chunks listed at most: a file cut into windows' worth of rows can have thousands; the JSON view has them all. */
    static final int LISTED_CHUNKS = 20;

    private ReconstructionSummary() {
    }

    /** @param chunking the options that cut the reference chunks, as typed */
    public static String render(ReconstructionReference reference, String chunking) {
        StringBuilder text = new StringBuilder();
        long rows = reference.chunks().stream().mapToLong(ReconstructionReference.Chunk::rows).sum();
        text.append(String.format(Locale.ROOT, "Multivariate drift (PCA reconstruction error), fitted on %d rows in %d"
                + " chunks (%s)%n", rows, reference.chunks().size(), chunking));
        List<String> features = reference.fit().encoders().stream().map(ReconstructionSummary::feature).toList();
        text.append("  features: ").append(String.join(", ", features)).append(System.lineSeparator());
        PrincipalSubspace subspace = reference.fit().subspace();
        double[] ratios = subspace.explainedVarianceRatios();
        double explained = 0;
        for (int component = 0; component < subspace.componentCount(); component++) {
            explained += ratios[component];
        }
        text.append(String.format(Locale.ROOT, "  components: %d of %d kept, explaining %.1f%% of the variance (the"
                        + " fewest above %.0f%%)%n", subspace.componentCount(), ratios.length, 100 * explained,
                100 * ReconstructionFitter.VARIANCE_SHARE));
        text.append(String.format(Locale.ROOT, CHUNK_ROW, "chunk", "rows", "mean error"));
        int listed = Math.min(LISTED_CHUNKS, reference.chunks().size());
        for (int chunk = 0; chunk < listed; chunk++) {
            ReconstructionReference.Chunk one = reference.chunks().get(chunk);
            text.append(String.format(Locale.ROOT, CHUNK_ROW, chunk, one.rows(), number(one.value())));
        }
        if (listed < reference.chunks().size()) {
            text.append(String.format(Locale.ROOT, "  ... and %d more chunks (all of them in the .json output)%n",
                    reference.chunks().size() - listed));
        }
        Optional<MetricBand> thresholds = reference.thresholds();
        text.append(thresholds.map(band -> String.format(Locale.ROOT, "  thresholds: lower %s, upper %s (mean -/+ 3 sd"
                        + " of the chunks' mean errors)%n",
                number(band.lower()), number(band.upper())))
                .orElse("  thresholds: none, no reference chunk has a mean error" + System.lineSeparator()));
        return text.toString();
    }

    private static String feature(ColumnEncoder encoder) {
        return encoder.name() + " (" + encoder.kind().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
