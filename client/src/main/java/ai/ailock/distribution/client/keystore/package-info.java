/**
 * Secrets an Ailock keeps on its own disk: the identity {@link ai.ailock.distribution.client.keystore.KeyFile},
 * the input keys of the products it uploaded ({@link ai.ailock.distribution.client.keystore.ProductKeyring}), all
 * in owner-only files ({@link ai.ailock.distribution.client.keystore.PrivateFiles}).
 */
@NullMarked
package ai.ailock.distribution.client.keystore;

import org.jspecify.annotations.NullMarked;
