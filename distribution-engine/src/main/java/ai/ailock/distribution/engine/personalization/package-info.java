/**
 * Per-buyer personalized copies (product-gaps.md §2, docs/personalization.md). Under end-to-end encryption only the
 * seller's Ailock can write a LICENSE.txt and a watermark into a buyer's copy; the service registers that copy as a
 * product bound to one transfer ({@link CreateCopy}), delivers it instead of the product it copies, and lets the
 * seller find the purchase behind a leaked copy by its license fingerprint ({@link TraceCopy}).
 */
@NullMarked
package ai.ailock.distribution.engine.personalization;

import org.jspecify.annotations.NullMarked;
