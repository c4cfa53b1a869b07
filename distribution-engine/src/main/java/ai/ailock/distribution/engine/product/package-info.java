/** Products: metadata, policy and the published, encrypted content version. */
@NullMarked
package ai.ailock.distribution.engine.product;

import org.jspecify.annotations.NullMarked;
