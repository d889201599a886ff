package io.driftwatch.stats.rank;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two ways of ranking features NannyML has, by the names a user types and reports print, so the batch option,
 * a policy and the stream's report spell them alike.
 */
public enum RankingMethod {
    /** {@link AlertCountRanking}: most chunks drifted first. */
    ALERT_COUNT,
    /** {@link CorrelationRanking}: drift statistic most correlated with the performance change first. */
    CORRELATION;

    /** The name in options and reports: {@code alert_count} or {@code correlation}. */
    public String methodName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(RankingMethod::methodName).toList();
    }

    /** @throws IllegalArgumentException for a name not in {@link #names()}, saying which there are */
    public static RankingMethod of(String methodName) {
        for (RankingMethod method : values()) {
            if (method.methodName().equals(methodName.toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown ranking method " + methodName + "; use one of " + names());
    }
}
