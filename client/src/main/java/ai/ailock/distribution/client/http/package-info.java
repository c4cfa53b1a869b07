/** The SDK's HTTP layer: requests signed with the Ailock's Ed25519 key, problem details as exceptions. */
@NullMarked
package ai.ailock.distribution.client.http;

import org.jspecify.annotations.NullMarked;
