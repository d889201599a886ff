package io.driftwatch.alerts.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.alerts.policy.AlertGroup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpMailerTest {
    private static final Instant NOW = Instant.parse("2026-11-20T11:05:00Z");
    private GreenMail greenMail;

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private GreenMail start(String protocol) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort());
        greenMail.start();
        greenMail.setUser("oncall@example.test", "oncall", "secret");
        return greenMail;
    }

    private static SmtpSettings settings(int port, SmtpSecurity security, String user, SmtpPassword password) {
        return new SmtpSettings("127.0.0.1", port, security, user, password, "*", Duration.ofSeconds(5),
                "driftwatch@example.test");
    }

    private static AlertEmail email() {
        return new AlertEmailRenderer(new RenderSettings("", 3)).render(AlertEmailRendererTest.incident());
    }

    @Test
    void sendsOverSmtpsWithAuthenticationAndTheMessageHasTextHtmlAndCharts() throws Exception {
        GreenMail server = start(ServerSetup.PROTOCOL_SMTPS);
        SmtpPassword password = SmtpPassword.fromEnvironment("DW_SMTP_PASSWORD", Map.of("DW_SMTP_PASSWORD", "secret"));
        AlertGroup group = AlertEmailRendererTest.incident();

        int rejected = new SmtpMailer(settings(server.getSmtps().getPort(), SmtpSecurity.SSL, "oncall", password))
                .send(email(), List.of("oncall@example.test"), group.alertIds(), NOW);

        assertThat(rejected).isZero();
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getSubject()).startsWith("[driftwatch CRITICAL] fraud v3: age drifted");
        assertThat(received.getHeader("X-Driftwatch-Alert-Ids", ",")).isEqualTo(String.join(",", group.alertIds()));
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Trigger:       5c0e9a1f2b");
        MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
        assertThat(related.getContentType()).startsWith("multipart/related");
        assertThat(related.getBodyPart(0).getContentType()).startsWith("text/html");
        assertThat(related.getCount()).isEqualTo(4);
        assertThat(related.getBodyPart(1).getContentType()).startsWith("image/png");
        assertThat(related.getBodyPart(1).getHeader("Content-ID")).containsExactly("<chart-1@driftwatch>");
    }

    @Test
    void aWrongPasswordIsAPermanentAuthenticationFailureAndTheRotatedFileIsReadOnTheNextAttempt() throws Exception {
        GreenMail server = start(ServerSetup.PROTOCOL_SMTPS);
        Path secret = Files.writeString(directory.resolve("smtp-password"), "wrong\n");
        SmtpMailer mailer = new SmtpMailer(settings(server.getSmtps().getPort(), SmtpSecurity.SSL, "oncall", SmtpPassword.fromFile(secret)));

        assertThatThrownBy(() -> mailer.send(email(), List.of("oncall@example.test"), List.of("a"), NOW)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeliveryFailure.AUTHENTICATION);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("driftwatch.smtp.user").doesNotContain("wrong");
        });
        assertThat(server.getReceivedMessages()).isEmpty();

        Files.writeString(secret, "secret\n");
        mailer.send(email(), List.of("oncall@example.test"), List.of("a"), NOW);
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void requiredStarttlsIsNeverDowngradedToPlainTextWhenTheServerDoesNotOfferIt() {
        GreenMail server = start(ServerSetup.PROTOCOL_SMTP);
        SmtpPassword password = SmtpPassword.fromEnvironment("P", Map.of("P", "secret"));
        SmtpMailer mailer = new SmtpMailer(settings(server.getSmtp().getPort(), SmtpSecurity.STARTTLS, "oncall", password));

        assertThatThrownBy(() -> mailer.send(email(), List.of("oncall@example.test"), List.of("a"), NOW)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeliveryFailure.TLS);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("driftwatch.smtp.security");
        });
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessItsHostIsTrusted() {
        GreenMail server = start(ServerSetup.PROTOCOL_SMTPS);
        SmtpSettings verifying = new SmtpSettings("127.0.0.1", server.getSmtps().getPort(), SmtpSecurity.SSL, null, null, "",
                Duration.ofSeconds(5), "driftwatch@example.test");

        assertThatThrownBy(() -> new SmtpMailer(verifying).send(email(), List.of("oncall@example.test"), List.of("a"), NOW))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.reason()).isEqualTo(DeliveryFailure.TLS));
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsNotListeningIsAPassingRefusal() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SmtpMailer mailer = new SmtpMailer(settings(port, SmtpSecurity.NONE, null, null));

        assertThatThrownBy(() -> mailer.send(email(), List.of("oncall@example.test"), List.of("a"), NOW)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeliveryFailure.REFUSED);
            assertThat(e.permanent()).isFalse();
        });
    }

    @Test
    void thePasswordNeverAppearsInTheSettingsText() {
        SmtpPassword password = SmtpPassword.fromEnvironment("P", Map.of("P", "hunter2"));
        assertThat(settings(25, SmtpSecurity.NONE, "u", password).toString()).doesNotContain("hunter2").contains("[hidden");
    }
}
