package io.driftwatch.alerts.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * The MIME form of an {@link AlertEmail}: {@code multipart/alternative} of the plain text and a
 * {@code multipart/related} holding the HTML and its charts as inline parts named by Content-ID. The
 * Message-ID derives from the alert ids, so if a crash ever repeats an email (see "What it guarantees" in
 * docs/alerts.md) the copy carries the same Message-ID and mail clients can fold the two.
 */
public final class MimeMessages {
    private MimeMessages() {
    }

    /**
     * @throws MessagingException when an address is malformed
     */
    public static MimeMessage build(Session session, AlertEmail email, String from, List<String> recipients,
                                    List<String> alertIds, Instant sentAt) throws MessagingException {
        String messageId = "<" + digest(alertIds) + "@driftwatch>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from, true));
        for (String recipient : recipients) {
            message.addRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(recipient, true));
        }
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(sentAt));
        message.setHeader("X-Driftwatch-Alert-Ids", String.join(",", alertIds));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        related.addBodyPart(html);
        for (InlineImage image : email.images()) {
            MimeBodyPart png = new MimeBodyPart();
            png.setDataHandler(new DataHandler(new ByteArrayDataSource(image.png(), "image/png")));
            png.setContentID("<" + image.contentId() + ">");
            png.setDisposition(MimeBodyPart.INLINE);
            png.setFileName(image.contentId().replace('@', '-') + ".png");
            png.setDescription(SubjectLine.clean(image.description()), StandardCharsets.UTF_8.name());
            related.addBodyPart(png);
        }
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(relatedPart);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static String digest(List<String> alertIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest(String.join("\n", alertIds).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
