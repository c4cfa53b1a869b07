/** The audit trail: who did what, when, from where. */
@NullMarked
package ai.ailock.distribution.engine.audit;

import org.jspecify.annotations.NullMarked;
