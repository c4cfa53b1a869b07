/** Signed delivery receipts: the recipient's Ed25519 statement that it received and verified a product. */
@NullMarked
package ai.ailock.distribution.client.receipt;

import org.jspecify.annotations.NullMarked;
