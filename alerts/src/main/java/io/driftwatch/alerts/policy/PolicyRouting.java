package io.driftwatch.alerts.policy;

import java.util.Map;

/**
 * What the alerts process needs of a policy format to route each model's emails by its policy: supplied by the
 * caller (the lead wires the policy module in), so the mailer follows the policies topic without knowing how a
 * policy is written, and without importing the streaming service's side of it. Called from the consumer loop only.
 */
public interface PolicyRouting {

    /**
     * Whether a published policy is applied; a refused one leaves its key's previous policy in force (the streaming
     * service logs and counts the reason, so the alerts process only notes it at DEBUG).
     *
     * @param key  the record's key as published, {@code MODEL/VERSIONS}
     * @param text the policy file's text as published
     */
    boolean accepts(String key, String text);

    /**
     * The route of a model version from every accepted policy (topic key to text, in key order), defaults where they
     * are silent. Must not throw: it is asked for every alert read.
     */
    AlertRouting.Route route(String model, String version, Map<String, String> acceptedPolicies);
}
