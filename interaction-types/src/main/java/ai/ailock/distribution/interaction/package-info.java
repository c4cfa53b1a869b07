/** Inbound adapter for the Ailock inbox (issue 6). */
@NullMarked
package ai.ailock.distribution.interaction;

import org.jspecify.annotations.NullMarked;
