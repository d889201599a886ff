package io.driftwatch.topology.window;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The windows one input partition cuts for one model version: the shape in force, the shapes before it with the
 * event time each took over from, and the latest event time already placed in a window. Mutable; owned by the
 * aggregation processor.
 *
 * <p>A new shape takes over at a boundary of the shape before it, the first at or after the time its policy was
 * published: every input partition computes the same boundary from the same record, whenever it learns of it, so
 * their partial windows still merge into one window each. The last window of the old shape ends there whole, and
 * the first window of the new shape starts there, shorter than its size when the two grids do not line up. Each
 * record is placed in exactly one window, so none is lost or counted twice. A partition that has already placed a
 * record at or after that boundary (it learned of the policy only after) takes the next boundary after that record
 * instead, and says so ({@link #change}).
 */
public final class WindowGrid {
    /** Shapes kept: older ones cut windows that closed long ago. */
    public static final int KEPT_SHAPES = 8;

    private final List<Long> fromMillis;
    private final List<WindowShape> shapes;
    private long placedThroughMillis;

    private WindowGrid(List<Long> fromMillis, List<WindowShape> shapes, long placedThroughMillis) {
        this.fromMillis = fromMillis;
        this.shapes = shapes;
        this.placedThroughMillis = placedThroughMillis;
    }

    /** A grid that has always had {@code shape}. */
    public static WindowGrid of(WindowShape shape) {
        List<Long> from = new ArrayList<>(List.of(Long.MIN_VALUE));
        List<WindowShape> shapes = new ArrayList<>(List.of(requireNonNull(shape, "shape")));
        return new WindowGrid(from, shapes, Long.MIN_VALUE);
    }

    /** The shape windows are cut with from the latest change on. */
    public WindowShape current() {
        return shapes.get(shapes.size() - 1);
    }

    /** The event time from which {@link #current()} cuts the windows; Long.MIN_VALUE when it always has. */
    public long currentFromMillis() {
        return fromMillis.get(fromMillis.size() - 1);
    }

    /** The window holding {@code eventMillis}: its start, end, and the event time at which it closes. */
    public Span spanOf(long eventMillis) {
        int index = shapes.size() - 1;
        while (index > 0 && fromMillis.get(index) > eventMillis) {
            index--;
        }
        WindowShape shape = shapes.get(index);
        long alignedStart = shape.startOf(eventMillis);
        long start = Math.max(alignedStart, fromMillis.get(index));
        long end = alignedStart + shape.size().toMillis();
        if (index + 1 < shapes.size()) {
            end = Math.min(end, fromMillis.get(index + 1));
        }
        return new Span(start, end, end + shape.grace().toMillis());
    }

    /** A record at {@code eventMillis} was placed in its window. */
    public void placed(long eventMillis) {
        placedThroughMillis = Math.max(placedThroughMillis, eventMillis);
    }

    /**
     * Cuts with {@code next} from the first boundary of the current shape at or after {@code publishedMillis} (and
     * after the current shape took over), or, when a record at or after that boundary has already been placed, from
     * the first boundary after the latest record placed.
     *
     * @param publishedMillis when the policy that asks for {@code next} was published; Long.MIN_VALUE when unknown
     *                        (the settings' windows, after a policy was withdrawn)
     * @return what changed: nothing when {@code next} is already the shape in force
     */
    public Change change(WindowShape next, long publishedMillis) {
        requireNonNull(next, "next");
        WindowShape current = current();
        if (current.equals(next)) {
            return Change.NONE;
        }
        long boundary = current.boundaryAtOrAfter(Math.max(publishedMillis, currentFromMillis()));
        Change change = Change.AT_BOUNDARY;
        if (placedThroughMillis != Long.MIN_VALUE && boundary <= placedThroughMillis) {
            boundary = current.boundaryAtOrAfter(placedThroughMillis + 1);
            change = publishedMillis == Long.MIN_VALUE ? Change.AT_BOUNDARY : Change.LATE;
        }
        if (boundary == currentFromMillis()) {
            shapes.set(shapes.size() - 1, next);
        } else {
            fromMillis.add(boundary);
            shapes.add(next);
        }
        if (shapes.size() > KEPT_SHAPES) {
            shapes.remove(0);
            fromMillis.remove(0);
            fromMillis.set(0, Long.MIN_VALUE);
        }
        return change;
    }

    /** A window's bounds and the event time of its input partition at which it closes (end plus grace). */
    public record Span(long startMillis, long endMillis, long closeAtMillis) {
    }

    /** How a change of shape was placed. */
    public enum Change {
        /** The shape was already in force. */
        NONE,
        /** At the first boundary after the policy's publication, as every input partition places it. */
        AT_BOUNDARY,
        /** Later: this partition had already placed records past that boundary when it learned of the policy. */
        LATE
    }

    /**
     * Bytes: version byte 1, int32 count, per shape int64 from, size, grace and offset in milliseconds, then int64
     * placed-through.
     */
    public static final BytesCodec<WindowGrid> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(WindowGrid grid) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(1);
                out.writeInt(grid.shapes.size());
                for (int i = 0; i < grid.shapes.size(); i++) {
                    WindowShape shape = grid.shapes.get(i);
                    out.writeLong(grid.fromMillis.get(i));
                    out.writeLong(shape.size().toMillis());
                    out.writeLong(shape.grace().toMillis());
                    out.writeLong(shape.offset().toMillis());
                }
                out.writeLong(grid.placedThroughMillis);
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        @Override
        public WindowGrid fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int version = in.readUnsignedByte();
                if (version != 1) {
                    throw new IllegalStateException("window grid format " + version + " is not supported by this build");
                }
                int count = in.readInt();
                List<Long> from = new ArrayList<>(count);
                List<WindowShape> shapes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    from.add(in.readLong());
                    shapes.add(new WindowShape(Duration.ofMillis(in.readLong()), Duration.ofMillis(in.readLong()),
                            Duration.ofMillis(in.readLong())));
                }
                return new WindowGrid(from, shapes, in.readLong());
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("corrupt window grid in a state store (" + bytes.length + " bytes)", e);
            }
        }
    };
}
