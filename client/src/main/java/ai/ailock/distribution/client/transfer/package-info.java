/**
 * Resumable, chunked, end-to-end encrypted transfers. {@link ai.ailock.distribution.client.transfer.Uploader}
 * streams a file through Cobblestone-256 encryption into transport chunks sent in parallel, and resumes after a
 * crash from an owner-only state file; {@link ai.ailock.distribution.client.transfer.Downloader} fetches chunks in
 * parallel, checks each against the signed manifest, decrypts in order and publishes the file only once its
 * plaintext hash checks out. Memory use is bounded by the chunk size and the parallelism, never by the file size.
 *
 * <p>The service is reached through two narrow ports, {@link ai.ailock.distribution.client.transfer.UploadService}
 * and {@link ai.ailock.distribution.client.transfer.ContentSource}, with HTTP implementations here.
 */
@NullMarked
package ai.ailock.distribution.client.transfer;

import org.jspecify.annotations.NullMarked;
