package ai.ailock.distribution.schemas;

/** The JSON Schemas of the wire contract, one file each under {@code /schemas} on the classpath. */
public enum WireSchema {
  IDENTITY_REGISTRATION("identity-registration"),
  IDENTITY_ROTATION("identity-rotation"),
  PRODUCT_CREATE("product-create"),
  POLICY("policy"),
  REQUIRED_INPUT("required-input"),
  UPLOAD_INIT("upload-init"),
  UPLOAD_COMPLETE("upload-complete"),
  MANIFEST("manifest"),
  PROBLEM("problem"),
  TRANSFER_OFFER("transfer-offer"),
  TRANSFER_REF("transfer-ref"),
  REQUIREMENTS_SUBMIT("requirements-submit"),
  ATTACHMENT_UPLOAD_INIT("attachment-upload-init"),
  ATTACHMENT_UPLOAD_COMPLETE("attachment-upload-complete"),
  PRODUCT_GRANT("product-grant"),
  DELIVERY_RECEIPT("delivery-receipt"),
  PRODUCT_ACK("product-ack"),
  TRANSFER_ACTION("transfer-action"),
  COPY_CREATE("copy-create"),
  CONTENT_REPORT("content-report"),
  CONTENT_REPORT_CLEAR("content-report-clear"),
  // interaction payloads (docs/api.md, "Interactions and ailock-batch")
  INTERACTION_PRODUCT_OFFER("interaction-product-offer"),
  INTERACTION_PAYMENT_REQUEST("interaction-payment-request"),
  INTERACTION_PAYMENT_CONFIRMED("interaction-payment-confirmed"),
  INTERACTION_PRODUCT_DELIVERY("interaction-product-delivery"),
  INTERACTION_DELIVERY_RECEIPT("interaction-delivery-receipt"),
  INTERACTION_PRODUCT_REVOKE("interaction-product-revoke"),
  INTERACTION_PRODUCT_DISPUTE("interaction-product-dispute"),
  INTERACTION_NOTICE("interaction-notice"),
  INBOX_DELIVER("inbox-deliver"),
  AILOCK_BATCH("ailock-batch");

  /** Where the schemas claim to live ({@code $id} prefix); resolved from the classpath, never fetched. */
  public static final String ID_PREFIX = "https://schemas.ailock.ai/distribution/";

  private final String fileStem;

  WireSchema(String fileStem) {
    this.fileStem = fileStem;
  }

  /** @return the schema's {@code $id} */
  public String id() {
    return ID_PREFIX + fileName();
  }

  /** @return the file name under {@code /schemas} */
  public String fileName() {
    return fileStem + ".schema.json";
  }
}
