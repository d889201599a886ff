package io.driftwatch.tools.demo;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * An alert email the alerts process sent and saved: its subject, its {@code To} addresses (as the alerts process
 * routed it), the {@code .eml} and {@code .html} files, and the HTML as saved (its headline is the title of the alert
 * the email leads with).
 */
record CaughtEmail(String subject, List<String> recipients, Path eml, Path html, String htmlText) {
    CaughtEmail {
        requireNonNull(subject, "subject");
        requireNonNull(htmlText, "htmlText");
        recipients = List.copyOf(recipients);
        requireNonNull(eml, "eml");
        requireNonNull(html, "html");
    }

    /** The emails saved in {@code directory}, oldest first (their names end in the send time). */
    static List<CaughtEmail> in(Path directory) throws IOException {
        return in(directory, Set.of());
    }

    /**
     * The emails saved in {@code directory} but for {@code earlier}: a demo run into a folder an earlier run wrote to
     * must judge only its own emails, or it would report an earlier run's as caught.
     */
    static List<CaughtEmail> in(Path directory, Set<Path> earlier) throws IOException {
        List<CaughtEmail> emails = new ArrayList<>();
        for (Path eml : savedIn(directory)) {
            if (!earlier.contains(eml)) {
                String name = eml.getFileName().toString();
                Path html = eml.resolveSibling(name.substring(0, name.length() - ".eml".length()) + ".html");
                if (Files.exists(html)) {
                    emails.add(read(eml, html));
                }
            }
        }
        return emails;
    }

    /** The {@code .eml} files in {@code directory}, sorted; none when it does not exist. */
    static Set<Path> savedIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static CaughtEmail read(Path eml, Path html) throws IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            List<String> recipients = to == null ? List.of()
                    : Arrays.stream(to).map(address -> address instanceof InternetAddress internet ? internet.getAddress() : address.toString())
                    .toList();
            String subject = message.getSubject();
            return new CaughtEmail(subject == null ? "" : subject, recipients, eml, html, Files.readString(html, StandardCharsets.UTF_8));
        } catch (MessagingException e) {
            throw new IOException("cannot read the saved email " + eml + ": " + e.getMessage(), e);
        }
    }
}
