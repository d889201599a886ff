package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.MultivariateFinding;

import java.util.List;
import java.util.Locale;

/**
 * A window's multivariate drift in words, so that a person knows it is about the features together, not one of them:
 * the reconstruction error with its ±3 SE band and the inferences behind it, the reference threshold it passed, and
 * what that means, e.g. "Multivariate drift: PCA reconstruction error 1.021 (±3 SE 0.9514–1.091) on 1,000 inferences,
 * above the reference's upper threshold 0.531; the 4 features (age, income, debt, tenure) move together unlike in
 * training, though no single feature need drift".
 */
final class MultivariateLine {
    // DriftReport.multivariate.method of NannyML's data reconstruction drift, the one method the stream computes.
    private static final String PCA = "pca_reconstruction_error";
    private static final int FEATURES_NAMED_MAX = 8;

    private MultivariateLine() {
    }

    /** For the subject and the worst finding, e.g. {@code multivariate drift: PCA reconstruction error 1.021 above the reference's upper threshold 0.531}. */
    static String brief(MultivariateFinding finding) {
        return "multivariate drift: " + method(finding) + " " + Figures.of(finding.getValue()) + " " + limit(finding);
    }

    /** For the text body: "Multivariate drift: " and the {@link #details}. */
    static String full(AlertEvent window) {
        return "Multivariate drift: " + details(window);
    }

    /** The value, its band, the rows, the threshold it passed, the features of the fit and the window. */
    static String details(AlertEvent window) {
        MultivariateFinding finding = finding(window);
        StringBuilder line = new StringBuilder(method(finding)).append(' ')
                .append(Figures.of(finding.getValue()));
        Double samplingError = finding.getSamplingError();
        if (samplingError != null) {
            // As the drift report's lower: value - 3 SE, at least 0, since a distance is never negative.
            double lower = Math.max(0, finding.getValue() - 3 * samplingError);
            line.append(" (±3 SE ").append(Figures.of(lower)).append('–').append(Figures.of(finding.getValue() + 3 * samplingError))
                    .append(')');
        }
        return line.append(" on ").append(String.format(Locale.ROOT, "%,d", finding.getRows()))
                .append(finding.getRows() == 1 ? " inference, " : " inferences, ").append(limit(finding)).append("; ")
                .append(together(finding.getFeatures())).append("; window from ").append(window.getWindowStart()).toString();
    }

    static MultivariateFinding finding(AlertEvent window) {
        MultivariateFinding finding = window.getMultivariate();
        if (finding == null) {
            throw new IllegalArgumentException("alert " + window.getAlertId() + " carries no multivariate finding");
        }
        return finding;
    }

    private static String method(MultivariateFinding finding) {
        return PCA.equals(finding.getMethod()) ? "PCA reconstruction error" : finding.getMethod().replace('_', ' ');
    }

    private static String limit(MultivariateFinding finding) {
        Double upper = finding.getThresholdUpper();
        Double lower = finding.getThresholdLower();
        if (upper != null && finding.getValue() > upper) {
            return "above the reference's upper threshold " + Figures.of(upper);
        }
        if (lower != null && finding.getValue() < lower) {
            return "below the reference's lower threshold " + Figures.of(lower);
        }
        if (lower != null && upper != null) {
            return "outside the reference's thresholds " + Figures.of(lower) + "–" + Figures.of(upper);
        }
        return "outside the reference's thresholds";
    }

    private static String together(List<String> features) {
        if (features.size() == 1) {
            return "its one feature (" + features.get(0) + ") moves unlike in training";
        }
        List<String> named = features.subList(0, Math.min(features.size(), FEATURES_NAMED_MAX));
        String more = features.size() > named.size() ? " and " + (features.size() - named.size()) + " more" : "";
        String which = features.isEmpty() ? "the features" : "the " + features.size() + " features (" + String.join(", ", named) + more + ")";
        return which + " move together unlike in training, though no single feature need drift";
    }
}
