/**
 * The Ailock SDK: an Ailock's keys ({@link ai.ailock.distribution.client.AilockKeys}) and, in sub-packages, the
 * crypto core ({@code crypto}), the signed HTTP layer ({@code http}), local key storage ({@code keystore}),
 * identities ({@code identity}), signed manifests ({@code manifest}), key envelopes ({@code envelope}), delivery
 * receipts ({@code receipt}), resumable chunked transfers ({@code transfer}) and the command line ({@code cli}).
 */
@NullMarked
package ai.ailock.distribution.client;

import org.jspecify.annotations.NullMarked;
