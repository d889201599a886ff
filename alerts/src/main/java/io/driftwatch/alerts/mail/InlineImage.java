package io.driftwatch.alerts.mail;

import static java.util.Objects.requireNonNull;

/**
 * A PNG the HTML body shows through {@code cid:contentId}; sent as a related MIME part, so the mail client
 * shows it without fetching anything from the network.
 */
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
}
