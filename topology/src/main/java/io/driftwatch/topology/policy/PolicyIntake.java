package io.driftwatch.topology.policy;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Feeds the store of accepted policies from the policies topic: a policy the source accepts replaces its key's
 * previous text, a tombstone withdraws it, and one the source rejects is logged at WARN (key, offset, reason, never
 * the text) and counted, leaving the key's previous policy in force. Runs on the global thread, and again over the
 * topic at every start ({@link AcceptedPolicies}).
 */
final class PolicyIntake implements Processor<String, String, Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(PolicyIntake.class);

    private final String storeName;
    private final ModelRulesSource source;
    private final PolicyMetrics metrics;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, AcceptedPolicy> accepted;

    PolicyIntake(String storeName, ModelRulesSource source, PolicyMetrics metrics) {
        this.storeName = requireNonNull(storeName, "storeName");
        this.source = requireNonNull(source, "source");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.accepted = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        String key = record.key();
        if (key == null) {
            reject("(none)", new RejectedPolicyException(RejectedPolicyException.Kind.MISKEYED,
                    "a policy record needs a key MODEL/VERSIONS, such as credit/*; publish it again with one"));
            return;
        }
        String text = record.value();
        if (text == null) {
            accepted.delete(key);
            log.info("policy {} withdrawn (offset {}): its models fall back to the next policy or the defaults", key, offset());
            return;
        }
        try {
            source.check(key, text);
        } catch (RejectedPolicyException e) {
            reject(key, e);
            return;
        }
        accepted.put(key, new AcceptedPolicy(text, record.timestamp()));
        log.info("policy {} accepted (offset {}): it applies from the next window that closes", key, offset());
    }

    private void reject(String key, RejectedPolicyException rejection) {
        metrics.rejected(rejection.kind());
        log.warn("policy {} at offset {} rejected ({}): {}; its models keep the policy they had", key, offset(),
                rejection.kind().tag(), rejection.getMessage());
    }

    private String offset() {
        return context.recordMetadata().map(RecordMetadata::offset).map(String::valueOf).orElse("unknown");
    }
}
