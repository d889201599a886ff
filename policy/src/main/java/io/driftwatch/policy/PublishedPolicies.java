package io.driftwatch.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Policies as they travel on the policies topic: each record keyed {@code MODEL/VERSIONS} (what
 * {@code policy publish} writes, e.g. {@code credit/*} or {@code credit/2.1,2.2}) with the file's text as its value.
 * The streaming service and the alerts process both read the topic through this class, so they accept the same
 * records and resolve a model version to the same effective policy. Parsed records are cached by key and content (only those still on the topic), so resolving
 * on every closed window costs a map lookup. Thread-safe.
 */
public final class PublishedPolicies {
    private final Map<String, PolicyDocument> parsedByRecord = new ConcurrentHashMap<>();

    /** The topic key of {@code policy}: its model, a slash, and {@code *} or its versions joined by commas. */
    public static String keyOf(ModelPolicy policy) {
        return policy.model() + "/" + (policy.versions().isEmpty() ? ModelPolicy.ANY : String.join(",", policy.versions()));
    }

    /**
     * The policy a record holds, when it is valid and keyed as its text says.
     *
     * @throws PolicyException with the file's problems, or one problem naming the key the text calls for
     */
    public PolicyDocument accept(String key, String text) throws PolicyException {
        requireNonNull(key, "key");
        requireNonNull(text, "text");
        PolicyDocument document = parse(key, text);
        String expected = keyOf(document.policy());
        if (!expected.equals(key)) {
            throw new PolicyException(List.of(new PolicyProblem(key, 0, 0, "published under key '" + key
                    + "', but its model and versions call for '" + expected + "'; publish it with driftwatch policy publish")), PolicyException.Kind.MISKEYED);
        }
        return document;
    }

    /**
     * The policies of {@code accepted} (topic key to text, in key order) as one set. A record that is no longer valid,
     * or that claims a model version an earlier key already has, is left out, so the answer never depends on more
     * than the records themselves; {@link #accept} is where such a record is refused and reported.
     */
    public PolicySet set(Map<String, String> accepted) {
        List<PolicyDocument> documents = new ArrayList<>();
        Set<String> current = new HashSet<>();
        accepted.forEach((key, text) -> current.add(recordKey(key, text)));
        parsedByRecord.keySet().retainAll(current);
        for (Map.Entry<String, String> record : new LinkedHashMap<>(accepted).entrySet()) {
            Optional<PolicyDocument> document = parsed(record.getKey(), record.getValue());
            if (document.isEmpty()) {
                continue;
            }
            List<PolicyDocument> with = new ArrayList<>(documents);
            with.add(document.get());
            try {
                PolicySet.of(with);
                documents = with;
            } catch (PolicyException e) {
                // Claims a model version an earlier key holds: the earlier key keeps it.
            }
        }
        try {
            return PolicySet.of(documents);
        } catch (PolicyException e) {
            throw new IllegalStateException("documents were added only while they formed a set", e);
        }
    }

    private Optional<PolicyDocument> parsed(String key, String text) {
        try {
            return Optional.of(accept(key, text));
        } catch (PolicyException e) {
            return Optional.empty();
        }
    }

    private PolicyDocument parse(String key, String text) throws PolicyException {
        PolicyDocument cached = parsedByRecord.get(recordKey(key, text));
        if (cached != null) {
            return cached;
        }
        PolicyDocument document = PolicyDocument.parse(key, text);
        parsedByRecord.put(recordKey(key, text), document);
        return document;
    }

    private static String recordKey(String key, String text) {
        return key + '\u0000' + text;
    }
}
