package io.driftwatch.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code check}'s {@code --multivariate} option, a mixin: which multivariate drift method to compute per chunk. Only
 * {@code pca} (NannyML's data-reconstruction drift) exists; the name leaves room for another method.
 */
public final class MultivariateOptions {
    /** The one method there is. */
    public static final String PCA = "pca";

    @Option(names = "--multivariate", paramLabel = "METHOD",
            description = "With a chunker: also compute multivariate drift per chunk. pca: NannyML's PCA reconstruction"
                    + " error of the compared features, fitted on the reference, thresholds from the reference's"
                    + " chunks. Informs; never changes the exit code.")
    private @Nullable String method;

    /**
     * Whether multivariate drift is asked for.
     *
     * @param chunked whether a chunker was given
     * @throws BadInputException when a method other than {@code pca} is named, or one is asked without a chunker
     */
    public boolean requested(boolean chunked) throws BadInputException {
        if (method == null) {
            return false;
        }
        requireKnown(method);
        if (!chunked) {
            throw new BadInputException("--multivariate pca judges each chunk of the current file: cut it with"
                    + " --chunk-rows N, --chunk-count K or --chunk-period P");
        }
        return true;
    }

    /**
     * Refuses a method other than {@code pca}, the one {@code check} and {@code baseline} both know.
     *
     * @throws BadInputException naming the method given and the one there is
     */
    static void requireKnown(String method) throws BadInputException {
        if (!PCA.equals(method.toLowerCase(Locale.ROOT))) {
            throw new BadInputException("--multivariate " + method + ": the one method is pca (NannyML's PCA"
                    + " reconstruction error); give --multivariate pca");
        }
    }
}
