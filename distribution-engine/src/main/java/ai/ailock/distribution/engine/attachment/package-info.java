/**
 * Buyer attachments: files a buyer supplies for a {@code file} input, end-to-end encrypted to the seller (Cobblestone
 * context {@code attachment:<transfer>:<input>}, the key in a sealed box for the seller's X25519 key). They are
 * uploaded in chunks with the same rules as products: chunk intake is the upload engine's {@code AcceptChunk}, run
 * over attachment sessions through {@link AttachmentChunkSessions}. The service stores ciphertext and the envelope.
 */
@NullMarked
package ai.ailock.distribution.engine.attachment;

import org.jspecify.annotations.NullMarked;
