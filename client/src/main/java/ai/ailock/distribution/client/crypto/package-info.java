/**
 * The SDK's crypto core for the {@code ailock-e2ee-v1} profile (see {@code docs/crypto.md}).
 *
 * <ul>
 *   <li>Content: Cobblestone-256 ({@link CobblestoneEncryptor}, {@link CobblestoneDecryptor},
 *       {@link CobblestoneRandomAccess}) bound to a {@link CobblestoneContext}.
 *   <li>Key derivation: {@link Hkdf} (HKDF-SHA-512, RFC 5869).
 *   <li>Identities: {@link Ed25519} signatures, {@link KeyIds}, {@link X25519} key agreement and
 *       {@link SealedBox} key envelopes.
 * </ul>
 *
 * <p>Crypto failures (a ciphertext, signature or public key that does not check out) are checked
 * {@link java.security.GeneralSecurityException}s; inside an {@link java.io.InputStream} they
 * surface as {@link CiphertextIOException} carrying the {@link InvalidCiphertextException}.
 * Programming errors (wrong key length, negative length, ...) are
 * {@link IllegalArgumentException}s.
 */
@NullMarked
package ai.ailock.distribution.client.crypto;

import org.jspecify.annotations.NullMarked;
