package ai.ailock.distribution.server.stripe;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The webhook endpoint's signing secret: configured ({@code ailock.distribution.stripe.webhook-secret}, required with a
 * real Stripe key), or generated at start-up for the local emulator, which signs its events with it.
 */
public record WebhookSecret(String value) {
  public WebhookSecret {
    if (value.isBlank()) {
      throw new IllegalArgumentException("the webhook secret must not be blank");
    }
  }

  public static WebhookSecret generate() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return new WebhookSecret("whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  @Override
  public String toString() {
    return "WebhookSecret[redacted]";
  }
}
