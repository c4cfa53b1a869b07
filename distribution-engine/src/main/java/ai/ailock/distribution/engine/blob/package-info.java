/** Blob storage port: opaque, already-encrypted bytes addressed by {@link ai.ailock.distribution.engine.blob.BlobKey}. */
@NullMarked
package ai.ailock.distribution.engine.blob;

import org.jspecify.annotations.NullMarked;
