package io.driftwatch.cli.multivariate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.cli.report.ReportJsonSection;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.multivariate.PrincipalSubspace;
import io.driftwatch.stats.multivariate.ReconstructionErrors;
import io.driftwatch.topology.multivariate.MultivariateDriftRecords;

/**
 * The multivariate drift in {@code check}'s JSON report: a top-level {@code multivariate: {method:
 * "pca_reconstruction_error", columns, components, explained_variance, thresholds: {lower, upper}}} (the variance shares
 * of the k kept components, as scikit-learn's {@code explained_variance_ratio_}) and, in each chunk of
 * {@code chunks[]}, {@code multivariate: {value, sampling_error, lower_band, upper_band, alert}}. A number that does
 * not exist (the sampling error of a one-row chunk, thresholds no reference chunk gives) is null, never NaN.
 */
public final class MultivariateJson {
    /** The method's name in the report: the stream's, so one reader takes both. */
    public static final String METHOD = MultivariateDriftRecords.METHOD;

    private MultivariateJson() {
    }

    /** {@code report}, a JSON object with {@code chunks[]} as the chunked {@code check} renders it, with the drift added. */
    public static String addTo(String report, MultivariateChunks multivariate) {
        return ReportJsonSection.add(report, root -> {
            ObjectNode summary = root.putObject("multivariate");
            summary.put("method", METHOD);
            ArrayNode columns = summary.putArray("columns");
            multivariate.features().names().forEach(columns::add);
            PrincipalSubspace subspace = multivariate.fit().subspace();
            summary.put("components", subspace.componentCount());
            ArrayNode explained = summary.putArray("explained_variance");
            double[] ratios = subspace.explainedVarianceRatios();
            for (int component = 0; component < subspace.componentCount(); component++) {
                explained.add(ratios[component]);
            }
            ObjectNode thresholds = summary.putObject("thresholds");
            MetricBand band = multivariate.thresholds();
            ReportJsonSection.number(thresholds, "lower", band == null ? Double.NaN : band.lower());
            ReportJsonSection.number(thresholds, "upper", band == null ? Double.NaN : band.upper());
            JsonNode chunks = root.get("chunks");
            if (chunks != null) {
                for (JsonNode chunk : chunks) {
                    ((ObjectNode) chunk).set("multivariate", node(multivariate.chunks().get(chunk.get("index").asInt())));
                }
            }
        });
    }

    private static ObjectNode node(ChunkReconstruction chunk) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ReconstructionErrors errors = chunk.errors();
        ReportJsonSection.number(node, "value", errors.value());
        ReportJsonSection.number(node, "sampling_error", errors.samplingError());
        ReportJsonSection.number(node, "lower_band", errors.confidenceBand().lower());
        ReportJsonSection.number(node, "upper_band", errors.confidenceBand().upper());
        node.put("alert", chunk.alert());
        return node;
    }
}
