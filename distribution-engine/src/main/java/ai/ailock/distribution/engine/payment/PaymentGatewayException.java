package ai.ailock.distribution.engine.payment;

/** The payment provider could not be reached or refused a call; the cause carries its exception. */
public class PaymentGatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PaymentGatewayException(String message, Throwable cause) {
    super(message, cause);
  }

  public PaymentGatewayException(String message) {
    super(message);
  }
}
