/**
 * The signed product manifest of profile {@code ailock-e2ee-v1} ({@code manifest.schema.json}; docs/crypto.md,
 * "Manifest") and the encrypted product metadata it carries.
 */
@NullMarked
package ai.ailock.distribution.client.manifest;

import org.jspecify.annotations.NullMarked;
