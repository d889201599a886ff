/**
 * {@code driftwatch demo}: the whole pipeline on one laptop with nothing to set up. An embedded Kafka broker,
 * an in-process SMTP catcher, a baseline from the bundled training set, a credit model's replayed traffic with
 * planted drift and late labels, the real topologies and alerts process, and a summary read back from the
 * output topics. Also the batch variant ({@code --batch}), which runs {@code check} on the bundled sample.
 */
@NullMarked
package io.driftwatch.tools.demo;

import org.jspecify.annotations.NullMarked;
