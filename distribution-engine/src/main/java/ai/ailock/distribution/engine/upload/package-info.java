/** Chunked, resumable upload of ciphertext: sessions, chunk intake, completion against a signed manifest. */
@NullMarked
package ai.ailock.distribution.engine.upload;

import org.jspecify.annotations.NullMarked;
