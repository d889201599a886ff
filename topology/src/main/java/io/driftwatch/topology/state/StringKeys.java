package io.driftwatch.topology.state;


import java.nio.charset.StandardCharsets;

/** UTF-8 string keys of state stores. */
public final class StringKeys implements BytesCodec<String> {
    public static final StringKeys CODEC = new StringKeys();

    @Override
    public byte[] toBytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
