package io.driftwatch.topology.state;

/**
 * Turns a value into bytes and back, for {@link CachedObjectStore}. Implementations own their format's
 * version byte.
 *
 * @param <T> the value type
 */
public interface BytesCodec<T> {
    byte[] toBytes(T value);

    T fromBytes(byte[] bytes);
}
