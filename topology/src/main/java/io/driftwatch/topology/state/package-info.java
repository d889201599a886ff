/** State stores shaped for driftwatch: live profile objects in memory, written to their changelog at commit. */
@NullMarked
package io.driftwatch.topology.state;

import org.jspecify.annotations.NullMarked;
