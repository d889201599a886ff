package io.driftwatch.alerts.mail;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A PNG the HTML body shows through {@code cid:contentId}; sent as a related MIME part, so the mail client
 * shows it without fetching anything from the network.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out, and equals, hashCode and toString below read the contents
public record InlineImage(String contentId, String description, byte[] png) {
    public InlineImage {
        requireNonNull(contentId, "contentId");
        requireNonNull(description, "description");
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof InlineImage that
                && contentId.equals(that.contentId)
                && description.equals(that.description)
                && Arrays.equals(png, that.png);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * contentId.hashCode() + description.hashCode()) + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "InlineImage[contentId=" + contentId + ", description=" + description + ", png=" + png.length + " bytes]";
    }
}
