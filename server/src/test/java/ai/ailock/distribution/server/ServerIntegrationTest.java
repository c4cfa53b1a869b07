package ai.ailock.distribution.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service on a random port, over a fresh database on the shared embedded PostgreSQL, a filesystem blob store
 * in a temporary directory and a clock the test can move ({@link TestServerConfiguration}); claim tokens are signed
 * with a fixed test key ({@link #CLAIM_KID}), a rotated-out one ({@link #PREVIOUS_CLAIM_KID}) still verifying; the claim
 * rate limit is raised so that races of 50 claims stay about one-time claims.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DistributionServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ailock.distribution.database.mode=external", "ailock.distribution.housekeeping.interval=1h",
        "ailock.distribution.delivery.retention.interval=1h",
        "ailock.distribution.delivery.rate-limits.claim.burst=100", // the race tests fire 50 claims at once
        "ailock.distribution.delivery.claims.current-kid=" + ServerIntegrationTest.CLAIM_KID,
        "ailock.distribution.delivery.claims.signing-keys[0].kid=" + ServerIntegrationTest.CLAIM_KID,
        "ailock.distribution.delivery.claims.signing-keys[0].seed=" + ServerIntegrationTest.CLAIM_SEED,
        "ailock.distribution.delivery.claims.signing-keys[1].kid=" + ServerIntegrationTest.PREVIOUS_CLAIM_KID,
        "ailock.distribution.delivery.claims.signing-keys[1].seed=" + ServerIntegrationTest.PREVIOUS_CLAIM_SEED})
@Import(TestServerConfiguration.class)
public @interface ServerIntegrationTest {
  /** The claim-signing key the test service signs with (tests forge tokens with it to probe each check). */
  String CLAIM_KID = "test-2026-11";
  /** base64url of a fixed 32-byte Ed25519 seed; test only. */
  String CLAIM_SEED = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA";
  /** A rotated-out key that still verifies. */
  String PREVIOUS_CLAIM_KID = "test-2026-10";
  String PREVIOUS_CLAIM_SEED = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8";
}
