package io.driftwatch.cli.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.schemas.record.ReconstructionChunk;
import io.driftwatch.schemas.record.ReconstructionColumn;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.multivariate.ReconstructionThresholds;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A baseline's stored PCA reconstruction fit in {@link BaselineJson}'s view: the record's numbers as plain JSON under
 * snake_case names, one object per feature and per reference chunk, and the thresholds the chunks set (derived, not
 * stored: the stream derives them alike), so a person can read what the stream will score windows with. A number
 * that does not exist (the mean error of a chunk without rows, thresholds no chunk gives) is null. Stateless.
 */
final class BaselineReconstructionJson {
    private BaselineReconstructionJson() {
    }

    /** Sets {@code multivariate} of {@code root}: the fit, or null when the baseline has none. */
    static void addTo(ObjectNode root, @Nullable BaselineReconstruction reconstruction) {
        if (reconstruction == null) {
            root.putNull("multivariate");
            return;
        }
        ObjectNode node = root.putObject("multivariate");
        node.put("method", reconstruction.getMethod()).put("chunking", reconstruction.getChunking());
        ArrayNode columns = node.putArray("columns");
        for (ReconstructionColumn column : reconstruction.getColumns()) {
            ObjectNode one = columns.addObject().put("name", column.getName())
                    .put("kind", column.getCategorical() ? "categorical" : "continuous");
            if (column.getCategorical()) {
                one.put("imputed_category", column.getImputedCategory());
                ObjectNode shares = one.putObject("shares");
                new TreeMap<>(column.getShares()).forEach(shares::put);
            } else {
                one.put("imputed_value", column.getImputedValue());
            }
        }
        numbers(node.putArray("scaler_means"), reconstruction.getScalerMeans());
        numbers(node.putArray("scaler_scales"), reconstruction.getScalerScales());
        numbers(node.putArray("pca_mean"), reconstruction.getPcaMean());
        ArrayNode components = node.putArray("components");
        reconstruction.getComponents().forEach(component -> numbers(components.addArray(), component));
        numbers(node.putArray("explained_variance_ratios"), reconstruction.getExplainedVarianceRatios());
        ArrayNode chunks = node.putArray("reference_chunks");
        for (ReconstructionChunk chunk : reconstruction.getReferenceChunks()) {
            number(chunks.addObject().put("rows", chunk.getRows()), "value", chunk.getValue());
        }
        Optional<MetricBand> thresholds = ReconstructionThresholds.of(reconstruction.getReferenceChunks().stream()
                .mapToDouble(ReconstructionChunk::getValue).toArray());
        if (thresholds.isEmpty()) {
            node.putNull("thresholds");
        } else {
            ObjectNode band = node.putObject("thresholds");
            number(band, "lower", thresholds.get().lower());
            number(band, "upper", thresholds.get().upper());
        }
    }

    private static void numbers(ArrayNode array, List<Double> values) {
        values.forEach(array::add);
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
