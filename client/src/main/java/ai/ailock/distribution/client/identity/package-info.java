/**
 * Identities at the service: registering an Ailock's public keys ({@code identities-register}) and looking up
 * another Ailock's ({@code identities-get}), with the X25519 binding checked before anything is sealed to a key.
 */
@NullMarked
package ai.ailock.distribution.client.identity;

import org.jspecify.annotations.NullMarked;
