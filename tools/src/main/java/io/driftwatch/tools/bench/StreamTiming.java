package io.driftwatch.tools.bench;

/**
 * The figures of one stream benchmark run in one input format, both sides on the same topic.
 *
 * @param plainRecordsPerSecond      a plain consumer reading and decoding every record
 * @param plainAtThreadsRecordsPerSecond as many plain consumers as driftwatch has stream threads, side by side, each
 *                                   with its share of the partitions: the plain side at equal threads (issue 26)
 * @param bareRecordsPerSecond       a bare exactly-once Kafka Streams topology, one thread, that reads and decodes every
 *                                   record with driftwatch's decoder and does nothing else ({@link DecodeOnlyTopology})
 * @param driftwatchRecordsPerSecond the full topology with exactly-once, from RUNNING until every input
 *                                   offset was committed
 * @param plainCpuMicrosPerRecord    CPU of the plain consumer's thread per record
 * @param bareCpuMicrosPerRecord     CPU of the bare topology's stream thread per record
 * @param driftwatchCpuMicrosPerRecord CPU of the stream threads per record (not the producer's network
 *                                   thread, nor the broker's), from RUNNING to the last commit
 * @param driftwatchStartSeconds     from start to RUNNING (topic checks, group join), not in the rate
 * @param threads                    Kafka Streams threads of the driftwatch side
 * @param closed                     the windows the run closed, and their profiles' sizes
 * @param heapHeldBytes              live heap after the run (after a GC) less live heap before it
 * @param peakHeapBytes              the largest heap use sampled during the run
 */
record StreamTiming(String format, int threads, String baseline, double bytesPerRecord, double plainRecordsPerSecond,
                    double plainAtThreadsRecordsPerSecond, double bareRecordsPerSecond, double driftwatchRecordsPerSecond, double plainCpuMicrosPerRecord,
                    double bareCpuMicrosPerRecord, double driftwatchCpuMicrosPerRecord, double driftwatchStartSeconds, ClosedWindows closed,
                    long heapHeldBytes, long peakHeapBytes) {
    double ratio() {
        return driftwatchRecordsPerSecond / plainRecordsPerSecond;
    }

    /** Driftwatch's CPU per record over the bare topology's: what its own work costs above the floor. */
    double cpuOverBare() {
        return driftwatchCpuMicrosPerRecord / bareCpuMicrosPerRecord;
    }

    /** Driftwatch's CPU per record over the plain consumer's. */
    double cpuOverPlain() {
        return driftwatchCpuMicrosPerRecord / plainCpuMicrosPerRecord;
    }
}
