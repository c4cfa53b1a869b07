/**
 * Per-buyer personalized copies: the seller's signed {@link ai.ailock.distribution.client.personalize.License},
 * its LICENSE.txt ({@link ai.ailock.distribution.client.personalize.LicenseText}), the copy itself
 * ({@link ai.ailock.distribution.client.personalize.PersonalizedArchive}: the product in a ZIP that carries the
 * license and a fingerprint in every entry), and reading a leaked copy back to its purchase
 * ({@link ai.ailock.distribution.client.personalize.LeakTrace}). Under end-to-end encryption the service never sees
 * plaintext, so the seller's Ailock makes each buyer's copy after payment.
 */
@NullMarked
package ai.ailock.distribution.client.personalize;

import org.jspecify.annotations.NullMarked;
