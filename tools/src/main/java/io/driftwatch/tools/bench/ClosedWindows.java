package io.driftwatch.tools.bench;

/**
 * What a benchmark run left on the profiles topic: proof the topology did its work, and the size of the
 * state it keeps per feature and window.
 *
 * @param windows                    windows closed (one prediction profile each)
 * @param records                    records counted in them
 * @param numericProfileBytes        mean serialized size of a numeric feature's window profile
 * @param categoricalProfileBytes    mean serialized size of a categorical feature's window profile
 */
record ClosedWindows(long windows, long records, double numericProfileBytes, double categoricalProfileBytes) {
}
