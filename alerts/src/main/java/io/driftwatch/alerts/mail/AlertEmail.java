package io.driftwatch.alerts.mail;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One rendered alert email, independent of how it travels: a subject free of line breaks (no header
 * injection), an HTML body whose record values are all escaped, the same content as plain text, and the
 * charts the HTML refers to by content id.
 */
public record AlertEmail(String subject, String html, String text, List<InlineImage> images) {
    public AlertEmail {
        requireNonNull(subject, "subject");
        requireNonNull(html, "html");
        requireNonNull(text, "text");
        images = List.copyOf(images);
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("a subject must not contain a line break");
        }
    }
}
