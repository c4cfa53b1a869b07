package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.download.ReadContent;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.RegisterIdentity;
import ai.ailock.distribution.engine.identity.RotateKey;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import ai.ailock.distribution.engine.product.Catalogue;
import ai.ailock.distribution.engine.product.CreateProduct;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.upload.AcceptChunk;
import ai.ailock.distribution.engine.upload.CiphertextDigest;
import ai.ailock.distribution.engine.upload.CompleteUpload;
import ai.ailock.distribution.engine.upload.DescribeUpload;
import ai.ailock.distribution.engine.upload.ExpireUploads;
import ai.ailock.distribution.engine.upload.InitUpload;
import ai.ailock.distribution.engine.upload.TrailingDigests;
import ai.ailock.distribution.engine.upload.UploadSessions;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.server.auth.SignedRequestAuthenticator;
import ai.ailock.distribution.server.auth.SodiumSignatureVerifier;
import ai.ailock.distribution.server.http.RequestGate;
import ai.ailock.distribution.storage.jdbc.JdbcAuditLog;
import ai.ailock.distribution.storage.jdbc.JdbcContentChecks;
import ai.ailock.distribution.storage.jdbc.JdbcIdentities;
import ai.ailock.distribution.storage.jdbc.JdbcKeyBoundAccess;
import ai.ailock.distribution.storage.jdbc.JdbcProductCopies;
import ai.ailock.distribution.storage.jdbc.JdbcProducts;
import ai.ailock.distribution.storage.jdbc.JdbcTransactions;
import ai.ailock.distribution.storage.jdbc.JdbcUploadSessions;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The engine's use cases on the PostgreSQL adapters. Every bean can be replaced by the host. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {
  private static final int TRAILING_DIGESTS = 1024;

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean(name = "ids")
  Supplier<UUID> ids() {
    return UUID::randomUUID;
  }

  @Bean
  Limits limits(DistributionProperties properties) {
    var limits = properties.limits();
    return new Limits(limits.maxProductSize().toBytes(), Math.toIntExact(limits.maxChunkSize().toBytes()),
        limits.uploadSessionTtl());
  }

  @Bean
  @ConditionalOnMissingBean
  Transactions transactions(PlatformTransactionManager transactionManager) {
    return new JdbcTransactions(transactionManager);
  }

  @Bean
  @ConditionalOnMissingBean
  Identities identities(JdbcClient jdbc) {
    return new JdbcIdentities(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  Products products(JdbcClient jdbc) {
    return new JdbcProducts(jdbc);
  }

  @Bean
  ProductCopies productCopies(JdbcClient jdbc) {
    return new JdbcProductCopies(jdbc);
  }

  @Bean
  ContentChecks contentChecks(JdbcClient jdbc) {
    return new JdbcContentChecks(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  UploadSessions uploadSessions(JdbcClient jdbc, Clock clock) {
    return new JdbcUploadSessions(jdbc, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  AuditLog auditLog(JdbcClient jdbc) {
    return new JdbcAuditLog(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  SignatureVerifier signatureVerifier() {
    return new SodiumSignatureVerifier();
  }

  @Bean
  SignedRequestAuthenticator signedRequestAuthenticator(Identities identities, SignatureVerifier signatures,
      Clock clock, DistributionProperties properties) {
    return new SignedRequestAuthenticator(identities, signatures, clock, properties.auth().replayWindow());
  }

  @Bean
  RequestGate requestGate(SignedRequestAuthenticator authenticator, DistributionProperties properties) {
    return new RequestGate(authenticator, new SchemaValidator(),
        Math.toIntExact(properties.limits().maxJsonSize().toBytes()));
  }

  @Bean
  RegisterIdentity registerIdentity(Identities identities, SignatureVerifier signatures, AuditLog audit,
      Transactions transactions, Clock clock) {
    return new RegisterIdentity(identities, signatures, audit, transactions, clock);
  }

  @Bean
  RotateKey rotateKey(Identities identities, JdbcClient jdbc, SignatureVerifier signatures, AuditLog audit,
      Transactions transactions, Clock clock) {
    return new RotateKey(identities, new JdbcKeyBoundAccess(jdbc), signatures, audit, transactions, clock);
  }

  @Bean
  CreateProduct createProduct(Products products, AuditLog audit, Transactions transactions, Limits limits,
      DistributionProperties properties, Clock clock, Supplier<UUID> ids) {
    return new CreateProduct(products, audit, transactions, limits, properties.content().policy(), clock, ids);
  }

  @Bean
  Catalogue catalogue(Products products) {
    return new Catalogue(products);
  }

  @Bean
  InitUpload initUpload(Products products, UploadSessions sessions, BlobStore blobs, AuditLog audit,
      Transactions transactions, Limits limits, Clock clock, Supplier<UUID> ids) {
    return new InitUpload(products, sessions, blobs, audit, transactions, limits, clock, ids);
  }

  /** Whole-ciphertext digests of the uploads in progress on this instance (product and attachment uploads). */
  @Bean
  TrailingDigests trailingDigests(BlobStore blobs) {
    return new TrailingDigests(new CiphertextDigest(blobs), TRAILING_DIGESTS);
  }

  @Bean
  AcceptChunk acceptChunk(UploadSessions sessions, BlobStore blobs, TrailingDigests digests, Limits limits,
      Clock clock) {
    return new AcceptChunk(sessions, blobs, digests, limits, clock);
  }

  @Bean
  DescribeUpload describeUpload(UploadSessions sessions) {
    return new DescribeUpload(sessions);
  }

  @Bean
  CompleteUpload completeUpload(UploadSessions sessions, Products products, ProductCopies copies,
      Identities identities, SignatureVerifier signatures, TrailingDigests digests, AuditLog audit,
      Transactions transactions, Clock clock) {
    return new CompleteUpload(sessions, products, copies, identities, signatures, digests, audit, transactions,
        clock);
  }

  @Bean
  ExpireUploads expireUploads(UploadSessions sessions, BlobStore blobs, AuditLog audit, Transactions transactions,
      Clock clock) {
    return new ExpireUploads(sessions, blobs, audit, transactions, clock);
  }

  @Bean
  ReadContent readContent(Products products, UploadSessions sessions, BlobStore blobs, Clock clock) {
    return new ReadContent(products, sessions, blobs, clock);
  }
}
