package io.driftwatch.alerts.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Saves an email as files a person (or the render script) can open: {@code NAME.eml}, the exact MIME message,
 * and {@code NAME.html}, the HTML body with its charts embedded as data URIs so a browser shows it standalone.
 */
public final class EmailFiles {
    private EmailFiles() {
    }

    /**
     * @return the {@code .html} file written
     * @throws IOException when the directory cannot be written
     */
    public static Path save(Path directory, String name, AlertEmail email, MimeMessage message) throws IOException {
        Files.createDirectories(directory);
        try (OutputStream out = Files.newOutputStream(directory.resolve(name + ".eml"))) {
            message.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write " + name + ".eml: " + e.getMessage(), e);
        }
        String html = email.html();
        for (InlineImage image : email.images()) {
            html = html.replace("cid:" + image.contentId(), "data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()));
        }
        return Files.writeString(directory.resolve(name + ".html"), html, StandardCharsets.UTF_8);
    }
}
