package io.driftwatch.cli.quality;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.LabelledFileQuality;
import io.driftwatch.cli.tabular.RowChunks;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.stats.quality.BinaryConfusion;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.QualitySummary;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

import static java.util.Objects.requireNonNull;

/**
 * The model's quality on one file, or on some of its rows, as {@code check} reports it: the stream's quality
 * summary (the same tally and definitions as the windows' quality reports), or why there is none (the file has
 * no label column, or no row with both a label and a prediction). This is the function a chunk calls:
 * {@link #of(Path, QualityRequest, LongPredicate)} with the chunk's rows.
 *
 * @param hasLabelColumn whether the file has the label column at all
 * @param summary        the quality; null when there is none
 * @param whyNone        why there is no quality; null when there is
 */
public record FileQuality(boolean hasLabelColumn, @Nullable QualitySummary summary, @Nullable String whyNone) {
    public FileQuality {
        if ((summary == null) == (whyNone == null)) {
            throw new IllegalArgumentException("a file has either a quality or a reason it has none");
        }
    }

    /** The quality of every row of {@code file}. */
    public static FileQuality of(Path file, QualityRequest request) throws BadInputException {
        return read(file, request, null);
    }

    /**
     * The quality of the rows of {@code file} that {@code selected} picks, by 0-based index among its data rows: a
     * chunk's. A chunk may hold one class, and may get every prediction wrong.
     *
     * @throws BadInputException when the file has labels but not the prediction or a score column, a score is not
     *                           a probability, or the labels do not fit the rows' task
     */
    public static FileQuality of(Path file, QualityRequest request, LongPredicate selected) throws BadInputException {
        return read(file, request, requireNonNull(selected, "selected"));
    }

    /**
     * The quality of each of {@code file}'s chunks, in one read: each as {@link #of(Path, QualityRequest, LongPredicate)}
     * gives it for that chunk's rows.
     *
     * @throws BadInputException as {@link #of(Path, QualityRequest, LongPredicate)}
     */
    public static List<FileQuality> ofChunks(Path file, QualityRequest request, RowChunks chunks) throws BadInputException {
        requireNonNull(request, "request");
        List<String> columns = columnsOf(file);
        List<FileQuality> qualities = new ArrayList<>();
        if (!columns.contains(request.labelColumn())) {
            for (int chunk = 0; chunk < chunks.count(); chunk++) {
                qualities.add(noLabelColumn(request));
            }
            return qualities;
        }
        request.columns().requireIn(file, columns);
        for (Optional<QualitySummary> summary : LabelledFileQuality.readChunks(file, request.columns(), request.typing(),
                chunks.count(), chunks.chunkOfRow())) {
            qualities.add(of(summary, request));
        }
        return qualities;
    }

    private static FileQuality read(Path file, QualityRequest request, @Nullable LongPredicate selected)
            throws BadInputException {
        requireNonNull(request, "request");
        List<String> columns = columnsOf(file);
        if (!columns.contains(request.labelColumn())) {
            return noLabelColumn(request);
        }
        request.columns().requireIn(file, columns);
        return of(selected == null
                ? LabelledFileQuality.readFile(file, request.columns(), request.typing())
                : LabelledFileQuality.readRows(file, request.columns(), request.typing(), selected), request);
    }

    private static FileQuality noLabelColumn(QualityRequest request) {
        return new FileQuality(false, null, "no column '" + request.labelColumn() + "' of true labels (--labels): no quality");
    }

    private static FileQuality of(Optional<QualitySummary> summary, QualityRequest request) {
        return summary.map(quality -> new FileQuality(true, quality, null)).orElseGet(() -> new FileQuality(true, null,
                "no row has both a label in column '" + request.labelColumn() + "' and a prediction in column '"
                        + request.columns().prediction() + "': no quality"));
    }

    private static List<String> columnsOf(Path file) throws BadInputException {
        try (RowReader rows = RowReader.open(file)) {
            return rows.columns();
        }
    }

    /** NannyML's business value ({@link BusinessValueMatrix#total}) and its per-prediction form. */
    public record BusinessValue(double total, double perPrediction) {
    }

    /** The business value; empty without a matrix, or for a model that is not binary. */
    public Optional<BusinessValue> businessValue(@Nullable BusinessValueMatrix matrix) {
        BinaryConfusion binary = summary == null ? null : summary.binary();
        if (matrix == null || binary == null) {
            return Optional.empty();
        }
        return Optional.of(new BusinessValue(matrix.total(binary), matrix.perPrediction(binary)));
    }
}
