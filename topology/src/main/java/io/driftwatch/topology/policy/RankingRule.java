package io.driftwatch.topology.policy;

/**
 * How a model version's drifted features are ranked ({@code alerts.ranking}): NannyML's alert-count ranking over the
 * last {@code windows} windows, the current one included, or off (features then listed by how far past its threshold
 * each is).
 */
public record RankingRule(boolean enabled, int windows) {
    /** NannyML's ranker over the windows a team looks back on by default. */
    public static final int DEFAULT_WINDOWS = 10;
    public static final RankingRule DEFAULT = new RankingRule(true, DEFAULT_WINDOWS);

    public RankingRule {
        if (windows < 1) {
            throw new IllegalArgumentException("a ranking counts over 1 or more windows, got " + windows);
        }
    }
}
