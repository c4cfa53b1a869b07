package ai.ailock.distribution.client.identity;

import java.time.Instant;

/**
 * The service's answer to {@code identities-register}.
 *
 * @param ailockId the Ailock's id (in the reference server: the key id of its first key)
 * @param keyId the registered Ed25519 key's id
 * @param createdAt when the key was first registered
 */
public record Registration(String ailockId, String keyId, Instant createdAt) {}
