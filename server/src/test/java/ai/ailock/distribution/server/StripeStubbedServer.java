package ai.ailock.distribution.server;

import ai.ailock.distribution.server.stripe.SignedEvents;
import ai.ailock.distribution.server.stripe.StripeApiStub;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service configured for real Stripe (an API key, a webhook secret), its stripe-java client pointed at the local
 * {@link StripeApiStub} through {@code ailock.distribution.stripe.api-base}. Subclasses share one context.
 */
@ServerIntegrationTest
abstract class StripeStubbedServer {
  static final StripeApiStub STRIPE = StripeApiStub.shared();

  @LocalServerPort
  int port;

  @Autowired
  Clock clock;

  Market market;

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    registry.add("ailock.distribution.stripe.api-key", () -> "sk_test_stub");
    registry.add("ailock.distribution.stripe.webhook-secret", () -> SignedEvents.SECRET);
    registry.add("ailock.distribution.stripe.api-base", STRIPE::apiBase);
    registry.add("ailock.distribution.stripe.success-url", () -> "https://buyer.example/paid?session={CHECKOUT_SESSION_ID}");
    registry.add("ailock.distribution.stripe.cancel-url", () -> "https://buyer.example/cancelled");
  }

  @BeforeEach
  void market() {
    STRIPE.useClock(clock);
    market = new Market(port, clock);
  }

  /** Posts a correctly signed event (timestamp = the service's clock now). */
  java.net.http.HttpResponse<String> deliver(String eventId, String type, tools.jackson.databind.node.ObjectNode session) {
    long now = clock.instant().getEpochSecond();
    String payload = SignedEvents.event(eventId, type, session, now);
    return SignedEvents.post(port, payload, SignedEvents.signature(payload, SignedEvents.SECRET, now));
  }
}
