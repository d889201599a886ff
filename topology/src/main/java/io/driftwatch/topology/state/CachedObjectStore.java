package io.driftwatch.topology.state;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A key-value store whose values are live Java objects, updated in place by the one processor that owns
 * them, and serialized only when Kafka Streams commits. Profiles are cheap to update per record and costly
 * to serialize (a window holds a profile per feature, each up to tens of kilobytes), so a store that
 * serialized on every put would spend its time encoding. Dirty values are written to a logged inner store
 * in {@link #flushCache}, which Kafka Streams calls for its own caching stores while it prepares a commit,
 * before it commits the offsets (and, under {@code exactly_once_v2}, the transaction): the changelog always
 * matches the committed offsets, so a restart restores exactly the state those offsets imply. This relies
 * on Kafka Streams' internal {@link CachedStateStore} contract (checked against 4.3.1 by an integration
 * test that kills the service mid-stream); {@link #commit}, which runs after the transaction, would be too
 * late. {@link #clearCache} drops uncommitted objects when a transaction is aborted.
 *
 * <p>Objects live in memory only between two commits: each commit writes the dirty ones and drops them all,
 * so the inner store is the one source of truth at every commit, whatever Kafka Streams does with the store
 * in between (restoring it, recycling a task between active and standby). The next read of a value
 * deserializes it once for the following commit interval. Not thread-safe: a store belongs to one task.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class CachedObjectStore<K, V> implements StateStore, CachedStateStore<K, V> {
    private final KeyValueStore<Bytes, byte[]> inner;
    private final BytesCodec<K> keyCodec;
    private final BytesCodec<V> valueCodec;
    private final Map<Bytes, V> live = new HashMap<>();
    private final Set<Bytes> dirty = new HashSet<>();
    private final Set<Bytes> deleted = new HashSet<>();
    private @Nullable K lastKey;
    private @Nullable Bytes lastKeyBytes;

    CachedObjectStore(KeyValueStore<Bytes, byte[]> inner, BytesCodec<K> keyCodec, BytesCodec<V> valueCodec) {
        this.inner = requireNonNull(inner, "inner");
        this.keyCodec = requireNonNull(keyCodec, "keyCodec");
        this.valueCodec = requireNonNull(valueCodec, "valueCodec");
    }

    /** The value of {@code key}, read from the inner store on first use; null when there is none. */
    public @Nullable V get(K key) {
        Bytes bytes = bytesOf(key);
        V value = live.get(bytes);
        if (value != null || deleted.contains(bytes)) {
            return value;
        }
        byte[] stored = inner.get(bytes);
        if (stored == null) {
            return null;
        }
        value = valueCodec.fromBytes(stored);
        live.put(bytes, value);
        return value;
    }

    /** Stores {@code value}, or records that the live object of {@code key} changed; written at the next commit. */
    public void put(K key, V value) {
        Bytes bytes = bytesOf(key);
        live.put(bytes, requireNonNull(value, "value"));
        dirty.add(bytes);
        deleted.remove(bytes);
    }

    public void delete(K key) {
        Bytes bytes = bytesOf(key);
        live.remove(bytes);
        dirty.remove(bytes);
        deleted.add(bytes);
    }

    /**
     * Every entry, read from the inner store after writing pending changes: for rebuilding an index once
     * after a restore, not for the per-record path.
     */
    public Map<K, V> readAll() {
        writeDirty();
        Map<K, V> entries = new LinkedHashMap<>();
        try (KeyValueIterator<Bytes, byte[]> iterator = inner.all()) {
            while (iterator.hasNext()) {
                KeyValue<Bytes, byte[]> entry = iterator.next();
                V value = live.computeIfAbsent(entry.key, key -> valueCodec.fromBytes(entry.value));
                entries.put(keyCodec.fromBytes(entry.key.get()), value);
            }
        }
        return entries;
    }

    /** The key's bytes; a processor reads and then writes the same key, so the last one is kept. */
    private Bytes bytesOf(K key) {
        Bytes bytes = lastKeyBytes;
        if (bytes == null || !key.equals(lastKey)) {
            bytes = Bytes.wrap(keyCodec.toBytes(key));
            lastKeyBytes = bytes;
            lastKey = key;
        }
        return bytes;
    }

    private void writeDirty() {
        for (Bytes key : dirty) {
            // put() makes a key dirty and its value live; live values are dropped only once written or discarded.
            inner.put(key, valueCodec.toBytes(requireNonNull(live.get(key), "a dirty key's value is live")));
        }
        for (Bytes key : deleted) {
            inner.delete(key);
        }
        dirty.clear();
        deleted.clear();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    @SuppressWarnings("deprecation") // flush() gives way to commit(), but Kafka Streams may still call it on a store
    public void flush() {
        writeDirty();
        live.clear();
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeDirty();
        live.clear();
        inner.commit(changelogOffsets);
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void flushCache() {
        writeDirty();
        live.clear();
    }

    @Override
    public void clearCache() {
        live.clear();
        dirty.clear();
        deleted.clear();
    }

    @Override
    public void close() {
        live.clear();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }
}
