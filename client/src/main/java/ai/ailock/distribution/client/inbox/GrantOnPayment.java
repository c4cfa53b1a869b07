package ai.ailock.distribution.client.inbox;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.personalize.PersonalizedGrant;
import ai.ailock.distribution.client.transfer.TransferListener;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The seller's reaction to {@code payment_confirmed}: if the transfer is {@code paid} with every input in, seals the
 * product's key (the newest version in the keyring) to the buyer's X25519 key, binding checked, and grants
 * ({@code products-grant}); when the transfer's terms ask for a personalized copy, makes the buyer's copy and grants
 * that instead ({@link PersonalizedGrant}). Idempotent: a transfer still waiting for post-payment inputs, already granted, or no
 * longer grantable is left alone (the service tells the seller again when the last input arrives), so a repeated
 * message grants nothing twice. The key is cleared after use and never logged.
 */
public final class GrantOnPayment implements InboxHandler {
  private final Commerce commerce;
  private final Delivery delivery;
  private final ProductKeyring keyring;
  private final @Nullable PersonalizedGrant personalized;

  /** For a seller whose products never ask for personalized copies (a transfer that does is refused). */
  public GrantOnPayment(SignedHttp http, ProductKeyring keyring) {
    this(http, keyring, null);
  }

  /** @param personalized makes and grants the buyer's copy when the transfer's terms ask for one */
  public GrantOnPayment(SignedHttp http, ProductKeyring keyring, @Nullable PersonalizedGrant personalized) {
    this.commerce = new Commerce(http);
    this.delivery = new Delivery(http);
    this.keyring = keyring;
    this.personalized = personalized;
  }

  @Override
  public void handle(InboxMessage message) throws IOException, GeneralSecurityException {
    react(message);
  }

  /**
   * @return the delivery ticket of a grant made now, or empty if there was nothing to grant
   * @throws ai.ailock.distribution.client.http.DistributionApiException if the service refused the grant
   * @throws java.security.InvalidKeyException if the keyring holds no key for the product
   * @throws IllegalStateException if the transfer asks for a personalized copy and none can be made here
   */
  public Optional<Ticket> react(InboxMessage message) throws IOException, GeneralSecurityException {
    TransferInfo transfer = commerce.transfer(message.transferId());
    if (!"paid".equals(transfer.state())) {
      return Optional.empty();
    }
    if (transfer.json().path("policy").path("personalized_copies").asBoolean(false)) {
      if (personalized == null) {
        throw new IllegalStateException("transfer " + transfer.transferId() + " asks for a personalized copy; "
            + "give this listener a PersonalizedGrant");
      }
      return Optional.of(personalized.grant(transfer.transferId(), TransferListener.NONE).ticket());
    }
    byte[] inputKey = keyring.latestInputKey(transfer.productId());
    try {
      return Optional.of(delivery.grant(transfer.transferId(), inputKey));
    } catch (DistributionApiException e) {
      if ("key_already_granted".equals(e.code())) {
        return Optional.empty();
      }
      throw e;
    } finally {
      Arrays.fill(inputKey, (byte) 0);
    }
  }
}
