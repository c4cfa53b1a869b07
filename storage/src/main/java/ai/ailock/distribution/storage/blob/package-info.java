/**
 * Blob store adapters: {@link ai.ailock.distribution.storage.blob.FileSystemBlobStore} (single-node default) and
 * {@link ai.ailock.distribution.storage.blob.S3BlobStore} (AWS S3, MinIO, Cloudflare R2).
 */
@NullMarked
package ai.ailock.distribution.storage.blob;

import org.jspecify.annotations.NullMarked;
