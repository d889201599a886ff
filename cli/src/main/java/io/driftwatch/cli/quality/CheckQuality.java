package io.driftwatch.cli.quality;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.quality.ClassMetrics;
import io.driftwatch.stats.quality.ClassName;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.stats.quality.QualitySummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The model's quality on both files of a {@code check}, each where it has labels. It informs and never decides:
 * without thresholds from the reference's own chunks there is no rule to judge a quality by, so the exit code stays
 * the drift verdict's. A label column in neither file, or a positive class neither file's labels hold, is a
 * mistake in the options rather than an answer.
 */
public record CheckQuality(QualityRequest request, FileQuality reference, FileQuality current) {
    public CheckQuality {
        requireNonNull(request, "request");
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
    }

    /** @throws BadInputException as {@link FileQuality#of(Path, QualityRequest)}, or for the two mistakes above */
    public static CheckQuality of(Path referenceFile, Path currentFile, QualityRequest request) throws BadInputException {
        FileQuality reference = FileQuality.of(referenceFile, request);
        FileQuality current = FileQuality.of(currentFile, request);
        if (!reference.hasLabelColumn() && !current.hasLabelColumn()) {
            throw new BadInputException("--labels " + request.labelColumn() + ": neither " + referenceFile + " nor "
                    + currentFile + " has that column; name the column that holds the true labels");
        }
        if (request.positiveClass() != null) {
            String positive = ClassName.ofTyped(request.positiveClass());
            Set<String> labelled = new TreeSet<>();
            Stream.of(reference.summary(), current.summary()).filter(summary -> summary != null)
                    .forEach(summary -> labelled.addAll(labelClasses(summary)));
            if (!labelled.isEmpty() && !labelled.contains(positive)) {
                throw new BadInputException("--positive-class " + request.positiveClass() + " is not a class of the labels"
                        + " in column '" + request.labelColumn() + "', which hold " + String.join(", ", labelled)
                        + "; name one of them");
            }
        }
        return new CheckQuality(request, reference, current);
    }

    /** Every metric either file has, in {@link QualityMetric}'s order, then any other by name. */
    public List<String> metricNames() {
        Set<String> present = new TreeSet<>();
        Stream.of(reference.summary(), current.summary()).filter(summary -> summary != null)
                .forEach(summary -> present.addAll(summary.metrics().keySet()));
        List<String> names = new ArrayList<>();
        for (String name : QualityMetric.names()) {
            if (present.remove(name)) {
                names.add(name);
            }
        }
        names.addAll(present);
        return names;
    }

    private static Set<String> labelClasses(QualitySummary summary) {
        Set<String> classes = new TreeSet<>();
        for (ClassMetrics quality : summary.perClass()) {
            if (quality.support() > 0) {
                classes.add(quality.label());
            }
        }
        return classes;
    }
}
