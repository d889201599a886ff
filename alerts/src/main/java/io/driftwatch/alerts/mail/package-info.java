/** The email itself: subject, HTML and text bodies, inline charts, and its delivery through Jakarta Mail. */
@NullMarked
package io.driftwatch.alerts.mail;

import org.jspecify.annotations.NullMarked;
