/**
 * The performance of each model version's latest windows, read back from the quality reports topic into a global
 * store, so that the drift stage can rank a window's features by how their drift followed the model's performance.
 */
@NullMarked
package io.driftwatch.topology.performance;

import org.jspecify.annotations.NullMarked;
