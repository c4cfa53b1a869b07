package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.audit.AuditTrail;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.content.ReviewContent;
import ai.ailock.distribution.engine.delivery.AcknowledgeDelivery;
import ai.ailock.distribution.engine.delivery.ClaimTokens;
import ai.ailock.distribution.engine.delivery.Claims;
import ai.ailock.distribution.engine.delivery.DeliveryPorts;
import ai.ailock.distribution.engine.delivery.DeliveryReceipts;
import ai.ailock.distribution.engine.delivery.DeliverySettings;
import ai.ailock.distribution.engine.delivery.DepositKey;
import ai.ailock.distribution.engine.delivery.DestroyAccess;
import ai.ailock.distribution.engine.delivery.DownloadSessions;
import ai.ailock.distribution.engine.delivery.GrantDelivery;
import ai.ailock.distribution.engine.delivery.IssueTicket;
import ai.ailock.distribution.engine.delivery.OfferWithKey;
import ai.ailock.distribution.engine.delivery.OpenDownload;
import ai.ailock.distribution.engine.delivery.ProductKeys;
import ai.ailock.distribution.engine.delivery.ReadDelivery;
import ai.ailock.distribution.engine.delivery.ReportContent;
import ai.ailock.distribution.engine.delivery.RevokeAccess;
import ai.ailock.distribution.engine.dispute.AssembleEvidence;
import ai.ailock.distribution.engine.dispute.OpenDispute;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import ai.ailock.distribution.engine.payment.ProviderPayments;
import ai.ailock.distribution.engine.personalization.CreateCopy;
import ai.ailock.distribution.engine.personalization.TraceCopy;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.ratelimit.Throttle;
import ai.ailock.distribution.engine.retention.EnforceRetention;
import ai.ailock.distribution.engine.retention.RetentionQueue;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.Transfers;
import ai.ailock.distribution.engine.upload.UploadSessions;
import ai.ailock.distribution.server.claim.ClaimSigningKey;
import ai.ailock.distribution.server.claim.ClaimSigningKeys;
import ai.ailock.distribution.server.claim.DevelopmentClaimKey;
import ai.ailock.distribution.server.claim.JjwtClaimTokens;
import ai.ailock.distribution.storage.jdbc.JdbcAuditTrail;
import ai.ailock.distribution.storage.jdbc.JdbcClaims;
import ai.ailock.distribution.storage.jdbc.JdbcDeliveryReceipts;
import ai.ailock.distribution.storage.jdbc.JdbcDownloadSessions;
import ai.ailock.distribution.storage.jdbc.JdbcProductKeys;
import ai.ailock.distribution.storage.jdbc.JdbcProviderPayments;
import ai.ailock.distribution.storage.jdbc.JdbcRateLimits;
import ai.ailock.distribution.storage.jdbc.JdbcRetentionQueue;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery (issue 5) on the PostgreSQL adapters: key envelopes, claims (JWTs signed by {@link JjwtClaimTokens}),
 * download sessions, receipts, revocation, disputes, refunds and the retention sweep. Every port bean can be replaced
 * by the host. Refund and dispute webhooks are wired in {@code server.stripe.PaymentConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ProductKeys productKeys(JdbcClient jdbc) {
    return new JdbcProductKeys(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  Claims claims(JdbcClient jdbc) {
    return new JdbcClaims(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  DownloadSessions downloadSessions(JdbcClient jdbc) {
    return new JdbcDownloadSessions(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  DeliveryReceipts deliveryReceipts(JdbcClient jdbc) {
    return new JdbcDeliveryReceipts(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  ProviderPayments providerPayments(JdbcClient jdbc) {
    return new JdbcProviderPayments(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  AuditTrail auditTrail(JdbcClient jdbc) {
    return new JdbcAuditTrail(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  RetentionQueue retentionQueue(JdbcClient jdbc) {
    return new JdbcRetentionQueue(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  ClaimSigningKeys claimSigningKeys(DeliveryProperties delivery, DistributionProperties properties) {
    DeliveryProperties.Claims claims = delivery.claims();
    List<DeliveryProperties.SigningKey> configured = claims.signingKeys() == null ? List.of() : claims.signingKeys();
    if (configured.isEmpty()) {
      return new ClaimSigningKeys(DevelopmentClaimKey.loadOrCreate(claims.keyFile() != null ? claims.keyFile()
          : properties.dataDir().resolve("claim-signing-key.properties")), List.of());
    }
    List<ClaimSigningKey> keys = configured.stream()
        .map(k -> ClaimSigningKey.fromSeed(k.kid(), Base64.getUrlDecoder().decode(k.seed()))).toList();
    String currentKid = claims.currentKid() != null ? claims.currentKid() : keys.get(0).kid();
    ClaimSigningKey current = keys.stream().filter(k -> k.kid().equals(currentKid)).findFirst()
        .orElseThrow(() -> new IllegalStateException("ailock.distribution.delivery.claims.current-kid names no key"));
    return new ClaimSigningKeys(current, keys.stream().filter(k -> k != current).toList());
  }

  @Bean
  @ConditionalOnMissingBean
  ClaimTokens claimTokens(ClaimSigningKeys keys, SignatureVerifier signatures, DeliveryProperties delivery,
      Clock clock) {
    return new JjwtClaimTokens(keys, signatures, delivery.claims().issuer(), delivery.claims().audience(), clock);
  }

  @Bean
  DeliveryPorts deliveryPorts(TransferChanges changes, Transfers transfers, Products products, ProductCopies copies,
      ContentChecks checks, UploadSessions uploads, BlobStore blobs, Identities identities,
      SignatureVerifier signatures, ProductKeys keys, Claims claims, DownloadSessions sessions,
      DeliveryReceipts receipts, ClaimTokens tokens, AuditLog audit,
      Transactions transactions, Clock clock, @Qualifier("ids") Supplier<UUID> ids, DeliveryProperties delivery,
      Throttle throttle) {
    return new DeliveryPorts(changes, transfers, products, copies, checks, uploads, blobs, identities, signatures,
        keys, claims, sessions, receipts, tokens, audit, transactions, clock, ids,
        new DeliverySettings(delivery.claimTtl(), delivery.sessionTtl(), delivery.receiptSkew()), throttle);
  }

  @Bean
  Throttle throttle(JdbcClient jdbc, DeliveryProperties delivery, Clock clock) {
    return new Throttle(new JdbcRateLimits(jdbc), delivery.rateLimits().byAction(), clock);
  }

  @Bean
  DepositKey depositKey(DeliveryPorts ports) {
    return new DepositKey(ports);
  }

  @Bean
  OfferWithKey offerWithKey(OfferTransfer offerTransfer, DeliveryPorts ports) {
    return new OfferWithKey(offerTransfer, ports);
  }

  @Bean
  GrantDelivery grantDelivery(DeliveryPorts ports) {
    return new GrantDelivery(ports);
  }

  @Bean
  IssueTicket issueTicket(DeliveryPorts ports) {
    return new IssueTicket(ports);
  }

  @Bean
  OpenDownload openDownload(DeliveryPorts ports) {
    return new OpenDownload(ports);
  }

  @Bean
  ReadDelivery readDelivery(DeliveryPorts ports) {
    return new ReadDelivery(ports);
  }

  @Bean
  AcknowledgeDelivery acknowledgeDelivery(DeliveryPorts ports) {
    return new AcknowledgeDelivery(ports);
  }

  @Bean
  RevokeAccess revokeAccess(DeliveryPorts ports) {
    return new RevokeAccess(ports);
  }

  @Bean
  DestroyAccess destroyAccess(DeliveryPorts ports) {
    return DestroyAccess.of(ports);
  }

  @Bean
  OpenDispute openDispute(TransferChanges changes, Throttle throttle, Clock clock) {
    return new OpenDispute(changes, throttle, clock);
  }

  @Bean
  AssembleEvidence assembleEvidence(TransferChanges changes, Products products, ProductCopies copies,
      DeliveryReceipts receipts, DownloadSessions sessions, AuditTrail trail) {
    return new AssembleEvidence(changes, products, copies, receipts, sessions, trail);
  }

  @Bean
  CreateCopy createCopy(TransferChanges changes, Products products, ProductCopies copies, AuditLog audit,
      Transactions transactions, Limits limits, DistributionProperties properties, Clock clock,
      @Qualifier("ids") Supplier<UUID> ids) {
    return new CreateCopy(changes, products, copies, audit, transactions, limits, properties.content().policy(),
        clock, ids);
  }

  @Bean
  ReportContent reportContent(DeliveryPorts ports) {
    return new ReportContent(ports);
  }

  @Bean
  ReviewContent reviewContent(ContentChecks checks, AuditLog audit, Transactions transactions, Clock clock,
      DistributionProperties properties) {
    return new ReviewContent(checks, audit, transactions, clock, properties.content().reviewerIds());
  }

  @Bean
  TraceCopy traceCopy(ProductCopies copies, Transfers transfers, AuditLog audit, Clock clock) {
    return new TraceCopy(copies, transfers, audit, clock);
  }

  @Bean
  EnforceRetention enforceRetention(RetentionQueue queue, Transfers transfers, TransferChanges changes,
      DestroyAccess destroyAccess, BlobStore blobs, AuditLog audit, Transactions transactions, Clock clock) {
    return new EnforceRetention(queue, transfers, changes, destroyAccess, blobs, audit, transactions, clock);
  }

  @Bean
  RetentionSweeper retentionSweeper(EnforceRetention retention, DeliveryProperties delivery) {
    return new RetentionSweeper(retention, delivery.retention().batch());
  }
}
