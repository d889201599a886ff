package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.WindowRef;
import io.driftwatch.topology.state.BytesCodec;
import io.driftwatch.topology.trigger.TriggerState;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of a {@link TriggerState}: version byte 1, int64 last trigger time, int32 run length, then per
 * window int64 start, int64 end, a presence byte and the report id in modified UTF-8; version 2, written only while a
 * multivariate run is held, follows with the multivariate run in the same form.
 */
final class TriggerStateCodec implements BytesCodec<TriggerState> {
    @Override
    public byte[] toBytes(TriggerState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            boolean multivariate = !state.multivariateRun().isEmpty();
            out.writeByte(multivariate ? 2 : 1);
            out.writeLong(state.lastTriggerMillis());
            writeRun(out, state.driftedRun());
            if (multivariate) {
                writeRun(out, state.multivariateRun());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeRun(DataOutputStream out, List<WindowRef> run) throws IOException {
        out.writeInt(run.size());
        for (WindowRef window : run) {
            out.writeLong(window.getStart().toEpochMilli());
            out.writeLong(window.getEnd().toEpochMilli());
            out.writeBoolean(window.getReportId() != null);
            if (window.getReportId() != null) {
                out.writeUTF(window.getReportId());
            }
        }
    }

    private static List<WindowRef> readRun(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<WindowRef> run = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Instant start = Instant.ofEpochMilli(in.readLong());
            Instant end = Instant.ofEpochMilli(in.readLong());
            run.add(new WindowRef(start, end, in.readBoolean() ? in.readUTF() : null));
        }
        return run;
    }

    @Override
    public TriggerState fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != 1 && version != 2) {
                throw new IllegalStateException("trigger state format " + version + " is not supported by this build");
            }
            long lastTrigger = in.readLong();
            List<WindowRef> run = readRun(in);
            return new TriggerState(run, version == 2 ? readRun(in) : List.of(), lastTrigger);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt trigger state in a state store (" + bytes.length + " bytes)", e);
        }
    }
}
