package io.driftwatch.stats.quality;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The two label pairs in which either class names the other: {@code 0}/{@code 1} and {@code false}/{@code true}.
 * A binary model of such labels may log one probability and nothing else, since both classes are known from
 * either; its positive class, the one that probability is of, is {@code 1} or {@code true} unless the user says
 * otherwise, as scikit-learn takes the greater label. Two named classes ({@code fraud}/{@code legit}) have no
 * such default: sorting would pick one by spelling, not by meaning, so which one a probability is of must be
 * said. Stateless.
 */
public final class BinaryClasses {
    private static final Map<String, String> OTHER = Map.of("0", "1", "1", "0", "false", "true", "true", "false");
    private static final Map<String, String> DEFAULT_POSITIVE = Map.of("0", "1", "1", "1", "false", "true", "true", "true");

    private BinaryClasses() {
    }

    /** @param className a class as {@link ClassName} spells it */
    public static boolean isBinary(String className) {
        return OTHER.containsKey(className);
    }

    /** The other class of {@code className}'s pair; empty for a class outside the two pairs. */
    public static Optional<String> otherOf(String className) {
        return Optional.ofNullable(OTHER.get(className));
    }

    /** The positive class of {@code className}'s pair ({@code 1} or {@code true}); empty outside the two pairs. */
    public static Optional<String> defaultPositive(String className) {
        return Optional.ofNullable(DEFAULT_POSITIVE.get(className));
    }

    /**
     * The positive class implied by every class a column holds: {@code 1} when they are all 0 or 1, {@code true}
     * when they are all true or false; empty otherwise (named classes, a mix, or none).
     */
    public static Optional<String> defaultPositive(Collection<String> classNames) {
        Optional<String> positive = Optional.empty();
        for (String className : classNames) {
            Optional<String> own = defaultPositive(className);
            if (own.isEmpty() || (positive.isPresent() && !positive.equals(own))) {
                return Optional.empty();
            }
            positive = own;
        }
        return positive;
    }
}
