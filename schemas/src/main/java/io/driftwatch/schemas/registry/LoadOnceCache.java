package io.driftwatch.schemas.registry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Keeps one value per key for ever once it is loaded, for values that never change (a schema id names one
 * schema for the registry's lifetime). Concurrent callers of a key that is not loaded yet share a single
 * load instead of each calling the registry: when a new schema id appears on a topic every stream task
 * asks for it at once. A failed load is not kept; every caller waiting on it gets its exception and the
 * next call loads again.
 */
final class LoadOnceCache<K, V> {
    private final ConcurrentMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();

    /** @throws RuntimeException whatever {@code loader} threw, in this thread or in the one that loaded */
    V get(K key, Function<K, V> loader) {
        requireNonNull(key, "key");
        CompletableFuture<V> existing = values.get(key);
        if (existing == null) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            existing = values.putIfAbsent(key, mine);
            if (existing == null)
                return load(key, loader, mine);
        }
        return await(key, existing);
    }

    /** Records a value learnt another way (a registration answered with its id). */
    void put(K key, V value) {
        values.putIfAbsent(requireNonNull(key, "key"), CompletableFuture.completedFuture(requireNonNull(value, "value")));
    }

    private V load(K key, Function<K, V> loader, CompletableFuture<V> mine) {
        try {
            V value = requireNonNull(loader.apply(key), "loader returned null");
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            values.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private V await(K key, CompletableFuture<V> loading) {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting for another thread's registry lookup of " + key, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure)
                throw failure;
            if (e.getCause() instanceof Error error)
                throw error;
            throw new IllegalStateException("registry lookup of " + key + " failed", e.getCause());
        }
    }
}
