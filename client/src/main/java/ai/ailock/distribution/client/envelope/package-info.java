/** Key envelopes: a product's input key sealed to a recipient's X25519 key (libsodium sealed box). */
@NullMarked
package ai.ailock.distribution.client.envelope;

import org.jspecify.annotations.NullMarked;
