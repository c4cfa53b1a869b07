package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.attachment.AcceptAttachmentChunk;
import ai.ailock.distribution.engine.attachment.AttachmentUploads;
import ai.ailock.distribution.engine.attachment.Attachments;
import ai.ailock.distribution.engine.attachment.ReadAttachment;
import ai.ailock.distribution.engine.attachment.CompleteAttachmentUpload;
import ai.ailock.distribution.engine.attachment.InitAttachmentUpload;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.buyerinput.ReadRequirements;
import ai.ailock.distribution.engine.buyerinput.SubmitInputs;
import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.payment.PaymentIntents;
import ai.ailock.distribution.engine.payment.WebhookEvents;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferHistory;
import ai.ailock.distribution.engine.transfer.Transfers;
import ai.ailock.distribution.engine.upload.TrailingDigests;
import ai.ailock.distribution.schemas.RequiredInputsSchema;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.storage.jdbc.JdbcAttachmentUploads;
import ai.ailock.distribution.storage.jdbc.JdbcAttachments;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import ai.ailock.distribution.storage.jdbc.JdbcPaymentIntents;
import ai.ailock.distribution.storage.jdbc.JdbcTransfers;
import ai.ailock.distribution.storage.jdbc.JdbcWebhookEvents;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transfers, buyer inputs and attachments on the PostgreSQL adapters (issue 4). Payments are wired in
 * {@code server.stripe.PaymentConfiguration}. Every port bean can be replaced by the host.
 */
@Configuration(proxyBeanMethods = false)
class TransferConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Transfers transfers(JdbcClient jdbc) {
    return new JdbcTransfers(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  PaymentIntents paymentIntents(JdbcClient jdbc) {
    return new JdbcPaymentIntents(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  WebhookEvents webhookEvents(JdbcClient jdbc) {
    return new JdbcWebhookEvents(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  Attachments attachments(JdbcClient jdbc) {
    return new JdbcAttachments(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  AttachmentUploads attachmentUploads(JdbcClient jdbc, Clock clock) {
    return new JdbcAttachmentUploads(jdbc, clock);
  }

  /** The transactional outbox: inbox messages are written with the state change that sends them. */
  @Bean
  @ConditionalOnMissingBean
  JdbcOutbox outbox(JdbcClient jdbc, Clock clock) {
    return new JdbcOutbox(jdbc, clock);
  }

  @Bean
  TransferChanges transferChanges(Transfers transfers, AuditLog audit, Transactions transactions, JdbcOutbox outbox) {
    return new TransferChanges(transfers, audit, transactions, outbox);
  }

  @Bean
  OfferTransfer offerTransfer(Products products, ProductCopies copies, ContentChecks checks, Identities identities,
      Transfers transfers, AuditLog audit, Transactions transactions, Clock clock,
      @Qualifier("ids") Supplier<UUID> ids, JdbcOutbox outbox) {
    return new OfferTransfer(products, copies, checks, identities, transfers, audit, transactions, clock, ids,
        outbox);
  }

  @Bean
  RequiredInputsSchema requiredInputsSchema() {
    return new RequiredInputsSchema(new SchemaValidator());
  }

  @Bean
  SubmitInputs submitInputs(TransferChanges changes, Attachments attachments, RequiredInputsSchema schema,
      Clock clock) {
    return new SubmitInputs(changes, attachments, schema, clock);
  }

  @Bean
  ReadRequirements readRequirements(Products products, Transfers transfers, TransferChanges changes) {
    return new ReadRequirements(products, transfers, changes);
  }

  @Bean
  TransferHistory transferHistory(Transfers transfers) {
    return new TransferHistory(transfers);
  }

  @Bean
  InitAttachmentUpload initAttachmentUpload(TransferChanges changes, AttachmentUploads uploads, BlobStore blobs,
      AuditLog audit, Transactions transactions, Limits limits, Clock clock, @Qualifier("ids") Supplier<UUID> ids) {
    return new InitAttachmentUpload(changes, uploads, blobs, audit, transactions, limits, clock, ids);
  }

  @Bean
  ReadAttachment readAttachment(TransferChanges changes, Attachments attachments, AttachmentUploads uploads,
      BlobStore blobs) {
    return new ReadAttachment(changes, attachments, uploads, blobs);
  }

  @Bean
  AcceptAttachmentChunk acceptAttachmentChunk(AttachmentUploads uploads, BlobStore blobs, TrailingDigests digests,
      Limits limits, Clock clock) {
    return new AcceptAttachmentChunk(uploads, blobs, digests, limits, clock);
  }

  @Bean
  CompleteAttachmentUpload completeAttachmentUpload(TransferChanges changes, AttachmentUploads uploads,
      Attachments attachments, Identities identities, TrailingDigests digests, AuditLog audit,
      Transactions transactions, Clock clock, @Qualifier("ids") Supplier<UUID> ids) {
    return new CompleteAttachmentUpload(changes, uploads, attachments, identities, digests, audit, transactions, clock,
        ids);
  }
}
