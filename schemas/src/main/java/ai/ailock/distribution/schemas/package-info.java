/**
 * The wire contract shared by the service and the SDK: JSON Schemas (under {@code /schemas} on the
 * classpath), their validator, canonical JSON (RFC 8785) for signatures, and the wire records both sides
 * read and write.
 */
@NullMarked
package ai.ailock.distribution.schemas;

import org.jspecify.annotations.NullMarked;
