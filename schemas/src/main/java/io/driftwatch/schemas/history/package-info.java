/** Writer schemas of earlier driftwatch versions, so topics written before a schema evolution stay readable. */
@NullMarked
package io.driftwatch.schemas.history;

import org.jspecify.annotations.NullMarked;
