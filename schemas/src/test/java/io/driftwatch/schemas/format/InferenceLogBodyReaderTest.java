package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-pass reader agrees with Avro's reader on every record it accepts, and with the scan on what it accepts. */
class InferenceLogBodyReaderTest {
    private static final DecodeLimits LIMITS = DecodeLimits.DEFAULT;

    private static InferenceLog randomLog(SplittableRandom random) {
        Map<String, Object> features = new HashMap<>();
        int count = random.nextInt(0, 30);
        for (int i = 0; i < count; i++) {
            Object value = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> random.nextDouble() * 1e6 - 5e5;
                case 2 -> random.nextLong();
                case 3 -> "v\u00e9" + random.nextInt(100);
                default -> random.nextBoolean();
            };
            features.put("f" + i + (i % 7 == 0 ? "_\u00fcml" : ""), value);
        }
        Map<String, Double> scores = random.nextBoolean() ? null : Map.of("yes", random.nextDouble(), "no", random.nextDouble());
        Map<String, String> segments = random.nextBoolean() ? null : Map.of("country", "NO");
        return new InferenceLog("req-" + random.nextInt(), "fraud", "v" + random.nextInt(3),
                Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)), features,
                random.nextBoolean() ? (Object) random.nextDouble() : (Object) ("class-" + random.nextInt(4)), scores, segments);
    }

    private static byte[] body(InferenceLog log, boolean blocking) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = blocking ? EncoderFactory.get().blockingBinaryEncoder(out, null)
                : EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(InferenceLog.class).write(log, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static InferenceLog avroRead(byte[] body) throws IOException {
        return new SpecificDatumReader<>(InferenceLog.class).read(null, DecoderFactory.get().binaryDecoder(body, null));
    }

    private static boolean scans(byte[] body) {
        try {
            AvroBodyScanner.scan(InferenceLog.getClassSchema(), body, 0, LIMITS);
            return true;
        } catch (RecordFault fault) {
            return false;
        }
    }

    @Test
    void readsWhatAvroReadsWithPlainAndBlockedMaps() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            InferenceLog log = randomLog(random);
            for (boolean blocking : new boolean[] {false, true}) {
                byte[] body = body(log, blocking);
                InferenceLog read = InferenceLogBodyReader.read(body, 0, LIMITS);
                assertThat(read).as("record %d, blocking %s", i, blocking).isEqualTo(avroRead(body)).isEqualTo(log);
            }
        }
    }

    @Test
    void acceptsExactlyWhatTheScanAcceptsWhenBytesAreCutOrDamaged() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] body = body(randomLog(random), random.nextBoolean());
            byte[] damaged = random.nextBoolean()
                    ? Arrays.copyOf(body, random.nextInt(body.length))
                    : damage(body, random);
            InferenceLog read = InferenceLogBodyReader.read(damaged, 0, LIMITS);
            assertThat(read != null).as("damaged record %d: one-pass and scan agree", i).isEqualTo(scans(damaged));
            if (read != null) {
                accepted++;
                assertThat(read).isEqualTo(avroRead(damaged));
            }
        }
        assertThat(accepted).as("some damage leaves a well-formed record, which both accept").isPositive();
    }

    @Test
    void leavesAStringOverTheLimitToTheCheckedPath() throws IOException {
        InferenceLog log = randomLog(new SplittableRandom(3));
        log.setRequestId("x".repeat(5_000));
        byte[] body = body(log, false);
        assertThat(InferenceLogBodyReader.read(body, 0, LIMITS.withMaxStringBytes(4_096))).isNull();
        assertThat(InferenceLogBodyReader.read(body, 0, LIMITS)).isEqualTo(log);
    }

    private static byte[] damage(byte[] body, SplittableRandom random) {
        byte[] damaged = body.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
        }
        return damaged;
    }
}
