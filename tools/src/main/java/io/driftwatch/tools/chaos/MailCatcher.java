package io.driftwatch.tools.chaos;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.broker.LocalPorts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real SMTP server (GreenMail) on one fixed local port that a scenario can take down and bring back, as an
 * SMTP outage does: the alerts process keeps the one address it was configured with. Remembers every email
 * accepted across restarts, by the alert ids it carries ({@code X-Driftwatch-Alert-Ids}), since each GreenMail
 * start begins with an empty store. Thread-safe.
 */
final class MailCatcher implements AutoCloseable {
    private static final String ALERT_IDS_HEADER = "X-Driftwatch-Alert-Ids";

    private final int port;
    private final List<List<String>> earlierEmails = new ArrayList<>();
    private @Nullable GreenMail server;

    private MailCatcher(int port) {
        this.port = port;
    }

    /** Starts the server on a free local port. */
    static MailCatcher start() throws IOException, InterruptedException {
        int port = LocalPorts.free();
        MailCatcher catcher = new MailCatcher(port);
        catcher.up();
        return catcher;
    }

    int port() {
        return port;
    }

    /** Brings the server (back) up on the same port; a connection attempt is refused until then. */
    synchronized void up() throws InterruptedException {
        if (server == null) {
            GreenMail starting = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            // GreenMail's connection threads join the group of the thread that starts it. A client killed in the
            // middle of a conversation ends such a thread with an exception, which the default handler would
            // print as a stack trace into the scenario's transcript; this group logs it at DEBUG instead.
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread starter = new Thread(new ClientsGoneQuietly(), () -> {
                try {
                    starting.start();
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }, "mail-catcher-start");
            starter.start();
            starter.join();
            if (failure.get() != null) {
                throw failure.get();
            }
            server = starting;
        }
    }

    /** Takes the server down: connections are refused, as when an SMTP relay is out. */
    synchronized void down() {
        if (server != null) {
            earlierEmails.addAll(alertIdsOf(server));
            server.stop();
            server = null;
        }
    }

    /** The alert ids of every email accepted so far, one list per email, in order of arrival. */
    synchronized List<List<String>> emails() {
        List<List<String>> emails = new ArrayList<>(earlierEmails);
        if (server != null) {
            emails.addAll(alertIdsOf(server));
        }
        return emails;
    }

    private static List<List<String>> alertIdsOf(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).map(MailCatcher::alertIds).toList();
    }

    private static List<String> alertIds(MimeMessage message) {
        try {
            String ids = message.getHeader(ALERT_IDS_HEADER, ",");
            return ids == null ? List.of() : List.of(ids.split(","));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the header " + ALERT_IDS_HEADER + " of a caught email", e);
        }
    }

    @Override
    public synchronized void close() {
        down();
    }

    /** Logs, rather than prints, how a connection thread ended when its client was killed mid-conversation. */
    private static final class ClientsGoneQuietly extends ThreadGroup {
        private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

        ClientsGoneQuietly() {
            super("mail-catcher");
        }

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            log.debug("an SMTP connection ended early on {}: {}", thread.getName(), e.toString());
        }
    }
}
