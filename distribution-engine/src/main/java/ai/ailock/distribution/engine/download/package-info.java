/** Serving a product's manifest and ciphertext chunks to those entitled to them. */
@NullMarked
package ai.ailock.distribution.engine.download;

import org.jspecify.annotations.NullMarked;
