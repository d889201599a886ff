package io.driftwatch.topology.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link CachedObjectStore} around a persistent, changelogged RocksDB store of the same name, so
 * the changelog topic and restore work as for any Kafka Streams store. Kafka Streams' own record cache is
 * disabled underneath: this store is the cache.
 */
public final class CachedObjectStoreBuilder<K, V> implements StoreBuilder<CachedObjectStore<K, V>> {
    private final StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;
    private final BytesCodec<K> keyCodec;
    private final BytesCodec<V> valueCodec;

    public CachedObjectStoreBuilder(String name, BytesCodec<K> keyCodec, BytesCodec<V> valueCodec) {
        this(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(requireNonNull(name, "name")),
                Serdes.Bytes(), Serdes.ByteArray()), keyCodec, valueCodec);
    }

    private CachedObjectStoreBuilder(StoreBuilder<KeyValueStore<Bytes, byte[]>> inner, BytesCodec<K> keyCodec,
                                     BytesCodec<V> valueCodec) {
        this.inner = inner.withCachingDisabled();
        this.keyCodec = requireNonNull(keyCodec, "keyCodec");
        this.valueCodec = requireNonNull(valueCodec, "valueCodec");
    }

    @Override
    public StoreBuilder<CachedObjectStore<K, V>> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<CachedObjectStore<K, V>> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<CachedObjectStore<K, V>> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<CachedObjectStore<K, V>> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public CachedObjectStore<K, V> build() {
        return new CachedObjectStore<>(inner.build(), keyCodec, valueCodec);
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
