package io.driftwatch.topology.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic ids: the same model, version, rule and window always give the same id, so that a replayed
 * window produces a trigger CI recognises as one it has seen, and consumers can deduplicate on it.
 */
public final class TriggerIds {
    private static final int ID_HEX_CHARS = 32;
    private static final int SLUG_MAX_CHARS = 80;

    private TriggerIds() {
    }

    /** First 32 hex characters of SHA-256 over the parts, separated by a byte no part contains (NUL). */
    public static String of(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** {@code text} reduced to {@code [a-z0-9-]}, at most 80 characters cut at a word: safe in a branch name or a URL. */
    public static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.length() <= SLUG_MAX_CHARS) {
            return slug;
        }
        String cut = slug.substring(0, SLUG_MAX_CHARS + 1);
        int lastBreak = cut.lastIndexOf('-');
        return (lastBreak > 0 ? cut.substring(0, lastBreak) : cut.substring(0, SLUG_MAX_CHARS)).replaceAll("-+$", "");
    }
}
