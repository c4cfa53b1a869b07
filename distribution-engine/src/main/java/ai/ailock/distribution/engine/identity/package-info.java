/** Ailocks, their registered keys, and the verification of what they sign. */
@NullMarked
package ai.ailock.distribution.engine.identity;

import org.jspecify.annotations.NullMarked;
