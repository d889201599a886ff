/**
 * {@code driftwatch demo}: the whole pipeline on one laptop with nothing to set up. An embedded Kafka broker,
 * an in-process SMTP catcher, the baselines and policies of a credit and a fraud model, their replayed traffic with
 * planted drift and late labels, the real topologies and alerts process, and a summary per model read back from the
 * output topics. Also the batch variant ({@code --batch}), which runs {@code check --policy} on the bundled sample.
 */
@NullMarked
package io.driftwatch.tools.demo;

import org.jspecify.annotations.NullMarked;
