package io.driftwatch.topology.quality;

import io.driftwatch.topology.quality.RequestFact.JoinedMark;
import io.driftwatch.topology.quality.RequestFact.LabelFact;
import io.driftwatch.topology.quality.RequestFact.PredictionFact;
import io.driftwatch.topology.state.BytesCodec;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes of a {@link RequestFact}, on the request-id repartition topic and in the pending store. Big-endian,
 * strings in modified UTF-8:
 * <pre>
 * u8 format version (1) | u8 kind (1 prediction, 2 label, 3 joined) | model
 * prediction: version | i64 event ms | value | i32 scores, each: class, f64 | i32 segments, each: tag, value
 * label:      i64 event ms | value
 * joined:     version | i64 prediction event ms
 * value = u8 0 + f64, or u8 1 + string
 * </pre>
 */
final class RequestFactCodec implements BytesCodec<RequestFact> {
    static final RequestFactCodec INSTANCE = new RequestFactCodec();
    private static final int FORMAT_VERSION = 1;

    Serde<RequestFact> serde() {
        return Serdes.serdeFrom((topic, fact) -> fact == null ? null : toBytes(fact),
                (topic, bytes) -> bytes == null ? null : fromBytes(bytes));
    }

    @Override
    public byte[] toBytes(RequestFact fact) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            if (fact instanceof PredictionFact prediction) {
                out.writeByte(1);
                out.writeUTF(prediction.model());
                out.writeUTF(prediction.version());
                out.writeLong(prediction.eventMillis());
                writeValue(out, prediction.prediction());
                out.writeInt(prediction.classScores().size());
                for (Map.Entry<String, Double> score : new TreeMap<>(prediction.classScores()).entrySet()) {
                    out.writeUTF(score.getKey());
                    out.writeDouble(score.getValue());
                }
                out.writeInt(prediction.segments().size());
                for (Map.Entry<String, String> segment : new TreeMap<>(prediction.segments()).entrySet()) {
                    out.writeUTF(segment.getKey());
                    out.writeUTF(segment.getValue());
                }
            } else if (fact instanceof LabelFact label) {
                out.writeByte(2);
                out.writeUTF(label.model());
                out.writeLong(label.eventMillis());
                writeValue(out, label.label());
            } else {
                JoinedMark joined = (JoinedMark) fact;
                out.writeByte(3);
                out.writeUTF(joined.model());
                out.writeUTF(joined.version());
                out.writeLong(joined.predictionMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Double number) {
            out.writeByte(0);
            out.writeDouble(number);
        } else {
            out.writeByte(1);
            out.writeUTF(value.toString());
        }
    }

    @Override
    public RequestFact fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("request fact format " + version + " is not supported by this build");
            }
            int kind = in.readUnsignedByte();
            String model = in.readUTF();
            return switch (kind) {
                case 1 -> {
                    String modelVersion = in.readUTF();
                    long eventMillis = in.readLong();
                    Object prediction = readValue(in);
                    Map<String, Double> scores = new TreeMap<>();
                    for (int i = in.readInt(); i > 0; i--) {
                        scores.put(in.readUTF(), in.readDouble());
                    }
                    Map<String, String> segments = new TreeMap<>();
                    for (int i = in.readInt(); i > 0; i--) {
                        segments.put(in.readUTF(), in.readUTF());
                    }
                    yield new PredictionFact(model, modelVersion, eventMillis, prediction, scores, segments);
                }
                case 2 -> new LabelFact(model, in.readLong(), readValue(in));
                case 3 -> new JoinedMark(model, in.readUTF(), in.readLong());
                default -> throw new IllegalStateException("unknown request fact kind " + kind);
            };
        } catch (IOException e) {
            throw new IllegalStateException("corrupt request fact (" + bytes.length + " bytes)", e);
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        return in.readUnsignedByte() == 0 ? (Object) in.readDouble() : in.readUTF();
    }
}
