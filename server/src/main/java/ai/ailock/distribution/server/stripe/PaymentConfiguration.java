package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.payment.ConfirmPayment;
import ai.ailock.distribution.engine.payment.DescribeTransfer;
import ai.ailock.distribution.engine.payment.InvoiceTransfer;
import ai.ailock.distribution.engine.payment.PaymentGateway;
import ai.ailock.distribution.engine.payment.PaymentIntents;
import ai.ailock.distribution.engine.payment.ProviderPayments;
import ai.ailock.distribution.engine.delivery.DestroyAccess;
import ai.ailock.distribution.engine.delivery.GrantDelivery;
import ai.ailock.distribution.engine.dispute.RecordChargeDispute;
import ai.ailock.distribution.engine.refund.RecordRefund;
import ai.ailock.distribution.engine.payment.ReconcilePayments;
import ai.ailock.distribution.engine.payment.WebhookEvents;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.Transfers;
import ai.ailock.distribution.server.config.DistributionProperties;
import com.stripe.StripeClient;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments: Stripe when {@code ailock.distribution.stripe.api-key} is set (then {@code webhook-secret},
 * {@code success-url} and {@code cancel-url} are required), otherwise the local checkout emulator with a webhook secret
 * generated at start-up (or the configured one). The invoice, the payment confirmation and the reconciler are the same
 * either way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class PaymentConfiguration {
  /** True while no Stripe API key is configured: the emulator plays Stripe's part. */
  static final String EMULATED = "'${ailock.distribution.stripe.api-key:}'.trim().isEmpty()";

  @Bean
  WebhookSecret webhookSecret(StripeProperties properties) {
    String configured = properties.webhookSecret();
    if (configured != null && !configured.isBlank()) {
      return new WebhookSecret(configured);
    }
    if (!properties.emulated()) {
      throw new IllegalStateException(
          "ailock.distribution.stripe.webhook-secret is required when ailock.distribution.stripe.api-key is set");
    }
    return WebhookSecret.generate();
  }

  @Bean
  @ConditionalOnExpression(EMULATED)
  CheckoutEmulator checkoutEmulator(JdbcClient jdbc, Clock clock, StripeProperties stripe,
      DistributionProperties properties) {
    return new CheckoutEmulator(jdbc, clock, properties.basePath(), stripe.emulator().sessionTtl());
  }

  @Bean
  @ConditionalOnMissingBean
  PaymentGateway paymentGateway(StripeProperties properties, ObjectProvider<CheckoutEmulator> emulator) {
    if (properties.emulated()) {
      return emulator.getObject();
    }
    if (properties.successUrl() == null || properties.cancelUrl() == null) {
      throw new IllegalStateException("ailock.distribution.stripe.success-url and .cancel-url are required when "
          + "ailock.distribution.stripe.api-key is set");
    }
    StripeClient.StripeClientBuilder client = StripeClient.builder()
        .setApiKey(properties.apiKey())
        .setMaxNetworkRetries(2)
        .setConnectTimeout(10_000)
        .setReadTimeout(30_000);
    if (properties.apiBase() != null) {
      client.setApiBase(properties.apiBase().toString().replaceAll("/+$", ""));
    }
    return new StripePaymentGateway(client.build(), properties.successUrl(), properties.cancelUrl());
  }

  @Bean
  StripeWebhooks stripeWebhooks(WebhookSecret secret, StripeProperties properties, Clock clock) {
    return new StripeWebhooks(secret, properties.webhookTolerance(), clock);
  }

  @Bean
  WebhookIntake webhookIntake(StripeWebhooks webhooks, ConfirmPayment confirmPayment, RecordRefund recordRefund,
      RecordChargeDispute recordDispute, GrantDelivery grantDelivery) {
    return new WebhookIntake(webhooks, confirmPayment, recordRefund, recordDispute, grantDelivery);
  }

  @Bean
  InvoiceTransfer invoiceTransfer(TransferChanges changes, Products products, PaymentIntents intents,
      PaymentGateway gateway, AuditLog audit, Clock clock, Supplier<UUID> ids) {
    return new InvoiceTransfer(changes, products, intents, gateway, audit, clock, ids);
  }

  @Bean
  DescribeTransfer describeTransfer(TransferChanges changes, PaymentIntents intents) {
    return new DescribeTransfer(changes, intents);
  }

  @Bean
  ConfirmPayment confirmPayment(TransferChanges changes, Transfers transfers, PaymentIntents intents,
      WebhookEvents events, AuditLog audit, PaymentGateway gateway, Clock clock, ProviderPayments providerPayments) {
    return new ConfirmPayment(changes, transfers, intents, events, audit, gateway.provider(), clock, providerPayments);
  }

  @Bean
  RecordRefund recordRefund(TransferChanges changes, Transfers transfers, PaymentIntents intents,
      ProviderPayments providerPayments, WebhookEvents events, DestroyAccess destroyAccess, AuditLog audit,
      PaymentGateway gateway, Clock clock) {
    return new RecordRefund(changes, transfers, intents, providerPayments, events, destroyAccess, audit,
        gateway.provider(), clock);
  }

  @Bean
  RecordChargeDispute recordChargeDispute(TransferChanges changes, Transfers transfers, PaymentIntents intents,
      ProviderPayments providerPayments, WebhookEvents events, AuditLog audit, PaymentGateway gateway, Clock clock) {
    return new RecordChargeDispute(changes, transfers, intents, providerPayments, events, audit, gateway.provider(),
        clock);
  }

  @Bean
  ReconcilePayments reconcilePayments(PaymentIntents intents, PaymentGateway gateway, ConfirmPayment confirmPayment,
      Transactions transactions, Clock clock, StripeProperties properties) {
    StripeProperties.Reconciler reconciler = properties.reconciler();
    return new ReconcilePayments(intents, gateway, confirmPayment, transactions, clock, reconciler.minimumAge(),
        reconciler.recheckAfter());
  }

  @Bean
  PaymentReconciler paymentReconciler(ReconcilePayments reconcilePayments, StripeProperties properties) {
    return new PaymentReconciler(reconcilePayments, properties.reconciler().batch());
  }
}
