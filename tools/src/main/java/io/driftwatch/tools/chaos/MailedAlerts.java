package io.driftwatch.tools.chaos;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * What the on-call inbox holds, counted per alert id: how many emails each alert arrived in. Against the alerts
 * that were committed it answers the two promises of the alerts process: none lost (every id at least once) and
 * how many times an alert was mailed again.
 */
record MailedAlerts(int emails, Map<String, Integer> emailsPerAlert) {
    MailedAlerts {
        emailsPerAlert = Map.copyOf(emailsPerAlert);
    }

    /** Counts the emails {@code catcher} has accepted so far. */
    static MailedAlerts in(MailCatcher catcher) {
        List<List<String>> emails = catcher.emails();
        Map<String, Integer> perAlert = new TreeMap<>();
        emails.forEach(ids -> ids.forEach(id -> perAlert.merge(id, 1, Integer::sum)));
        return new MailedAlerts(emails.size(), perAlert);
    }

    /**
     * Waits until every one of {@code alertIds} has been mailed at least once, for as long as emails keep
     * arriving: it gives up only when none has come for {@code stalled}, so a large backlog has the time it needs.
     *
     * @return how long it took
     * @throws TimeoutException naming how many were still not mailed
     */
    static Duration awaitAll(MailCatcher catcher, Collection<String> alertIds, Duration stalled) throws InterruptedException, TimeoutException {
        long start = System.nanoTime();
        long lastProgress = start;
        int emails = 0;
        for (MailedAlerts mailed = in(catcher); !mailed.missing(alertIds).isEmpty(); mailed = in(catcher)) {
            if (mailed.emails() > emails) {
                emails = mailed.emails();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stalled.toNanos()) {
                List<String> missing = mailed.missing(alertIds);
                throw new TimeoutException(missing.size() + " of " + alertIds.size() + " alerts not mailed, and no email for "
                        + stalled.toSeconds() + " s; first missing " + missing.get(0));
            }
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Waits until {@code catcher} holds at least {@code emails} emails.
     *
     * @return how long it took
     * @throws TimeoutException naming how many there were
     */
    static Duration awaitEmails(MailCatcher catcher, int emails, Duration timeout) throws InterruptedException, TimeoutException {
        long start = System.nanoTime();
        int received;
        while ((received = catcher.emails().size()) < emails) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new TimeoutException(received + " of " + emails + " emails received within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The ids among {@code alertIds} that no email carried. */
    List<String> missing(Collection<String> alertIds) {
        return alertIds.stream().filter(id -> !emailsPerAlert.containsKey(id)).toList();
    }

    /** Ids some email carried that are not among {@code alertIds}. */
    List<String> unexpected(Collection<String> alertIds) {
        return emailsPerAlert.keySet().stream().filter(id -> !alertIds.contains(id)).toList();
    }

    /** How many times an alert arrived again after its first email, over all alerts. */
    int repeats() {
        return emailsPerAlert.values().stream().mapToInt(count -> count - 1).sum();
    }

    /** The ids mailed more than once. */
    List<String> repeated() {
        return emailsPerAlert.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** A check's observation: emails, distinct alerts and repeats. */
    String summary() {
        return emails + " emails for " + emailsPerAlert.size() + " distinct alerts, " + repeats() + " repeated";
    }
}
