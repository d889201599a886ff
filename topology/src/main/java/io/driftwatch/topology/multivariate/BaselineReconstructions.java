package io.driftwatch.topology.multivariate;

import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.schemas.record.ReconstructionChunk;
import io.driftwatch.schemas.record.ReconstructionColumn;
import io.driftwatch.stats.multivariate.CategoricalEncoder;
import io.driftwatch.stats.multivariate.ColumnEncoder;
import io.driftwatch.stats.multivariate.ContinuousEncoder;
import io.driftwatch.stats.multivariate.PrincipalSubspace;
import io.driftwatch.stats.multivariate.ReconstructionFit;
import io.driftwatch.stats.multivariate.ReconstructionReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PCA reconstruction fit as a baseline stores it ({@link BaselineReconstruction}) and back: {@code baseline
 * --multivariate pca} writes what it fitted, the stream scores every inference with the same numbers, so a window is
 * judged with exactly the fit and thresholds {@code check} would make on the baseline's file. A reference chunk
 * without rows travels with value NaN, as its mean is undefined; no other number may be NaN.
 */
public final class BaselineReconstructions {
    /** The method name the record carries: the one method there is. */
    public static final String METHOD = "pca";

    private BaselineReconstructions() {
    }

    /** @param chunking how the reference was cut, as the options a user types */
    public static BaselineReconstruction toRecord(ReconstructionReference reference, String chunking) {
        ReconstructionFit fit = reference.fit();
        List<ReconstructionColumn> columns = new ArrayList<>();
        for (ColumnEncoder encoder : fit.encoders()) {
            ReconstructionColumn.Builder column = ReconstructionColumn.newBuilder().setName(encoder.name());
            if (encoder instanceof CategoricalEncoder categorical) {
                column.setCategorical(true).setImputedCategory(categorical.imputedCategory())
                        .setShares(new TreeMap<>(categorical.shares()));
            } else {
                column.setCategorical(false).setImputedValue(((ContinuousEncoder) encoder).imputedValue());
            }
            columns.add(column.build());
        }
        PrincipalSubspace subspace = fit.subspace();
        List<List<Double>> components = new ArrayList<>();
        for (double[] component : subspace.components()) {
            components.add(list(component));
        }
        return BaselineReconstruction.newBuilder()
                .setMethod(METHOD)
                .setColumns(columns)
                .setScalerMeans(list(fit.scalerMeans()))
                .setScalerScales(list(fit.scalerScales()))
                .setPcaMean(list(subspace.mean()))
                .setComponents(components)
                .setExplainedVarianceRatios(list(subspace.explainedVarianceRatios()))
                .setReferenceChunks(reference.chunks().stream()
                        .map(chunk -> new ReconstructionChunk(chunk.rows(), chunk.value())).toList())
                .setChunking(chunking)
                .build();
    }

    /**
     * Restores the stored fit.
     *
     * @throws IllegalArgumentException when the record is not one this build can score with: another method, arrays
     *                                  of different lengths, a scale that is not positive
     */
    public static ReconstructionReference fromRecord(BaselineReconstruction record) {
        if (!METHOD.equals(record.getMethod())) {
            throw new IllegalArgumentException("multivariate method " + record.getMethod() + " is unknown to this build,"
                    + " which scores " + METHOD);
        }
        List<ColumnEncoder> encoders = new ArrayList<>();
        for (ReconstructionColumn column : record.getColumns()) {
            if (column.getCategorical()) {
                String imputed = column.getImputedCategory();
                if (imputed == null) {
                    throw new IllegalArgumentException("categorical column " + column.getName() + " has no imputed category");
                }
                encoders.add(new CategoricalEncoder(column.getName(), imputed, Map.copyOf(column.getShares())));
            } else {
                Double imputed = column.getImputedValue();
                if (imputed == null) {
                    throw new IllegalArgumentException("continuous column " + column.getName() + " has no imputed value");
                }
                encoders.add(new ContinuousEncoder(column.getName(), imputed));
            }
        }
        double[][] components = record.getComponents().stream().map(BaselineReconstructions::array).toArray(double[][]::new);
        PrincipalSubspace subspace = PrincipalSubspace.of(array(record.getPcaMean()), components,
                array(record.getExplainedVarianceRatios()));
        ReconstructionFit fit = ReconstructionFit.of(encoders, array(record.getScalerMeans()),
                array(record.getScalerScales()), subspace);
        return new ReconstructionReference(fit, record.getReferenceChunks().stream()
                .map(chunk -> new ReconstructionReference.Chunk(chunk.getRows(), chunk.getValue())).toList());
    }

    private static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
