/** Authentication of callers: Ed25519-signed requests verified against registered keys. */
@NullMarked
package ai.ailock.distribution.server.auth;

import org.jspecify.annotations.NullMarked;
