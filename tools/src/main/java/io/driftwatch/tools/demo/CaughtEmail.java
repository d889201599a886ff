package io.driftwatch.tools.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/** An alert email the alerts process sent and saved: its subject, and the {@code .eml} and {@code .html} files. */
record CaughtEmail(String subject, Path eml, Path html) {
    CaughtEmail {
        requireNonNull(subject, "subject");
        requireNonNull(eml, "eml");
        requireNonNull(html, "html");
    }

    /** The emails saved in {@code directory}, oldest first (their names end in the send time). */
    static List<CaughtEmail> in(Path directory) throws IOException {
        List<CaughtEmail> emails = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return emails;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path eml : files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList()) {
                String name = eml.getFileName().toString();
                Path html = eml.resolveSibling(name.substring(0, name.length() - ".eml".length()) + ".html");
                if (Files.exists(html)) {
                    emails.add(new CaughtEmail(subjectOf(eml), eml, html));
                }
            }
        }
        return emails;
    }

    private static String subjectOf(Path eml) throws IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            String subject = new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            throw new IOException("cannot read the saved email " + eml + ": " + e.getMessage(), e);
        }
    }
}
