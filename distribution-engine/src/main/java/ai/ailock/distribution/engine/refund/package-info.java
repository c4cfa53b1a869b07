/** Refunds reported by the payment provider: a full refund ends access, a partial one is recorded (issue 5). */
@NullMarked
package ai.ailock.distribution.engine.refund;

import org.jspecify.annotations.NullMarked;
