package io.driftwatch.topology.policy;

import java.util.Map;

/**
 * What the service needs of a policy format: supplied by the caller (the lead wires the policy module in), so the
 * topology follows the policies topic without knowing how a policy is written. {@link ConfigModelRules} is the
 * source that ignores policies and judges every model by the {@code driftwatch.*} settings.
 *
 * <p>{@link #check} runs on Kafka Streams' global thread, {@link #resolve} on the stream threads, concurrently:
 * an implementation is thread-safe. Neither may throw anything but what it declares: an unchecked exception from
 * {@code check} stops the global thread (and so the service), one from {@code resolve} fails the window's task
 * again on every retry. A conflict between two accepted policies (two keys for the same model and versions) is
 * therefore {@code resolve}'s to settle, for example by the later key in {@code acceptedPolicies}' order.
 */
public interface ModelRulesSource {

    /**
     * Checks one published policy before it is accepted.
     *
     * @param key  the record's key as published, {@code MODEL/VERSIONS} (e.g. {@code credit/*}, {@code credit/2.1,2.2})
     * @param text the policy file's text as published
     * @throws RejectedPolicyException with a one-line reason the service logs and counts; the model keeps the policy
     *                                 it had
     */
    void check(String key, String text) throws RejectedPolicyException;

    /**
     * The rules of a model version from every accepted policy, defaults where they are silent.
     *
     * @param acceptedPolicies every accepted policy, topic key to text, in key order; empty when none is
     */
    ModelRules resolve(String model, String version, Map<String, String> acceptedPolicies);
}
