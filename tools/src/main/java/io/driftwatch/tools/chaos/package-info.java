/**
 * {@code driftwatch chaos}: the reliability suite as a command. Each scenario sets up a real broker (and
 * SMTP server or registry where it needs one), injects one kind of fault, hostile input or load, and checks
 * what a user relies on: nothing lost, nothing repeated, the service up. The same scenarios run as tests
 * tagged {@code chaos} and {@code reliability}, at the short size in the build's chaos lane ({@code -Pchaos}),
 * so CI and a user run the same code.
 */
@NullMarked
package io.driftwatch.tools.chaos;

import org.jspecify.annotations.NullMarked;
