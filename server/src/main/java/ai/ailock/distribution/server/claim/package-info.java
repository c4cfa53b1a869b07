/**
 * Claim tokens as JWTs (jjwt): EdDSA-signed by the service with rotatable keys named by {@code kid}, read back with
 * every check design §3.5 asks for, and the service's signing keys (configured, or a development key kept under the
 * data directory). docs/delivery.md specifies the token.
 */
@NullMarked
package ai.ailock.distribution.server.claim;

import org.jspecify.annotations.NullMarked;
