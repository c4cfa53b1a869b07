package ai.ailock.distribution.server.claim;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.delivery.ClaimToken;
import ai.ailock.distribution.engine.delivery.ClaimTokens;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import ai.ailock.distribution.engine.transfer.TransferId;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * {@link ClaimTokens} as compact JWS (RFC 7515/7519) through jjwt 0.13: header {@code {"alg":"EdDSA","kid":…,
 * "typ":"ailock-claim+jwt"}}, claims {@code iss}, {@code aud}, {@code sub} (the recipient Ailock), {@code jti},
 * {@code iat}, {@code exp}, {@code transfer_id} and {@code cnf.jkt} (RFC 7800: the recipient's Ed25519 key thumbprint).
 *
 * <p>Reading refuses, all as {@code claim_invalid}: more than {@value #MAX_TOKEN_CHARS} characters; any algorithm but
 * EdDSA (jjwt's parser knows no other, so {@code none} and HS256 with the public key as secret fail); a {@code kid}
 * that names none of the signing keys; a signature that does not verify strictly (jjwt's EdDSA is
 * {@link SodiumEdDsa}: the service's libsodium verifier, which refuses the non-canonical signatures Java 17's Ed25519
 * accepts); another
 * {@code typ}, issuer or audience; missing or malformed claims. Expiry is reported, not enforced (see
 * {@link ClaimTokens#read}). Thread-safe.
 */
public final class JjwtClaimTokens implements ClaimTokens {
  public static final String TYPE = "ailock-claim+jwt";
  static final int MAX_TOKEN_CHARS = 4096;

  private final ClaimSigningKeys keys;
  private final SodiumEdDsa edDsa;
  private final String issuer;
  private final String audience;
  private final JwtParser parser;

  public JjwtClaimTokens(ClaimSigningKeys keys, SignatureVerifier strict, String issuer, String audience,
      Clock clock) {
    this.keys = keys;
    this.edDsa = new SodiumEdDsa(strict);
    this.issuer = issuer;
    this.audience = audience;
    this.parser = Jwts.parser()
        .sig().clear().add(edDsa).and()
        .keyLocator(new LocatorAdapter<Key>() {
          @Override
          protected Key locate(ProtectedHeader header) {
            if (!SodiumEdDsa.ID.equals(header.getAlgorithm()) || header.getKeyId() == null) {
              throw new JwtException("unexpected algorithm or no kid");
            }
            return keys.find(header.getKeyId()).orElseThrow(() -> new JwtException("unknown kid"))
                .verifyingKey();
          }
        })
        .requireIssuer(issuer)
        .requireAudience(audience)
        .clock(() -> Date.from(clock.instant()))
        .build();
  }

  @Override
  public Issued issue(ClaimToken claim) {
    ClaimSigningKey key = keys.current();
    String token = Jwts.builder()
        .header().keyId(key.kid()).type(TYPE).and()
        .issuer(issuer)
        .audience().add(audience).and()
        .subject(claim.subject().value())
        .id(claim.jti().toString())
        .issuedAt(Date.from(claim.issuedAt()))
        .expiration(Date.from(claim.expiresAt()))
        .claim("transfer_id", claim.transfer().toString())
        .claim("cnf", Map.of("jkt", claim.keyThumbprint()))
        .signWith(key.signingKey(), edDsa)
        .compact();
    return new Issued(token, key.kid());
  }

  @Override
  public ClaimToken read(String token) {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw invalid();
    }
    Header header;
    Claims claims;
    try {
      var jws = parser.parseSignedClaims(token);
      header = jws.getHeader();
      claims = jws.getPayload();
    } catch (ExpiredJwtException e) {
      header = e.getHeader(); // thrown only after the signature verified
      claims = e.getClaims();
    } catch (JwtException | IllegalArgumentException | ClassCastException e) {
      throw invalid();
    }
    if (!TYPE.equals(header.getType()) || !(header instanceof ProtectedHeader)) {
      throw invalid();
    }
    return claimsOf(claims);
  }

  private static ClaimToken claimsOf(Claims claims) {
    try {
      Object cnf = claims.get("cnf");
      Object jkt = cnf instanceof Map<?, ?> map ? map.get("jkt") : null;
      Date issuedAt = claims.getIssuedAt();
      Date expiresAt = claims.getExpiration();
      if (!(jkt instanceof String thumbprint) || issuedAt == null || expiresAt == null || claims.getSubject() == null
          || claims.getId() == null) {
        throw invalid();
      }
      return new ClaimToken(UUID.fromString(claims.getId()),
          TransferId.parse(claims.get("transfer_id", String.class)), new AilockId(claims.getSubject()), thumbprint,
          Instant.ofEpochMilli(issuedAt.getTime()), Instant.ofEpochMilli(expiresAt.getTime()));
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  private static DistributionException invalid() {
    return new DistributionException(ErrorCode.CLAIM_INVALID, "the claim token is not valid for this request");
  }
}
