package ai.ailock.distribution.server.stripe;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ailock.distribution.stripe.*}. Without {@code api-key} the local checkout emulator plays Stripe's part (the
 * single-node default); with it, {@code webhook-secret}, {@code success-url} and {@code cancel-url} are required.
 *
 * @param apiBase Stripe's API base ({@code https://api.stripe.com} when unset); tests point it at a local stub
 * @param webhookSecret the endpoint's signing secret ({@code whsec_…}); the emulator generates one at start-up if unset
 * @param webhookTolerance how old a signed event's timestamp may be
 */
@ConfigurationProperties("ailock.distribution.stripe")
public record StripeProperties(
    @Nullable String apiKey,
    @Nullable String webhookSecret,
    @Nullable URI apiBase,
    @Nullable String successUrl,
    @Nullable String cancelUrl,
    @DefaultValue("5m") Duration webhookTolerance,
    @DefaultValue Reconciler reconciler,
    @DefaultValue Emulator emulator) {

  /** The emulator is active when no API key is configured. */
  public boolean emulated() {
    return apiKey == null || apiKey.isBlank();
  }

  /**
   * @param interval how often open payment intents are checked with Stripe
   * @param minimumAge how old an open intent must be before it is checked (its webhook may still be coming)
   * @param recheckAfter how long before the same intent is checked again
   */
  public record Reconciler(@DefaultValue("5m") Duration interval, @DefaultValue("10m") Duration minimumAge,
      @DefaultValue("10m") Duration recheckAfter, @DefaultValue("50") int batch) {}

  /** @param sessionTtl how long an emulated Checkout Session stays payable */
  public record Emulator(@DefaultValue("24h") Duration sessionTtl) {}
}
