package ai.ailock.distribution.server.config;

import ai.ailock.distribution.batch.BatchOperations;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.delivery.IssueTicket;
import ai.ailock.distribution.engine.payment.DescribeTransfer;
import ai.ailock.distribution.engine.delivery.AcknowledgeDelivery;
import ai.ailock.distribution.engine.delivery.RevokeAccess;
import ai.ailock.distribution.engine.dispute.OpenDispute;
import ai.ailock.distribution.engine.messaging.ProcessedMessages;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.interaction.InteractionDispatcher;
import ai.ailock.distribution.interaction.InteractionHandlers;
import ai.ailock.distribution.interaction.InteractionRegistry;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.server.http.ReceiptReader;
import ai.ailock.distribution.server.inbox.InProcessInbox;
import ai.ailock.distribution.server.inbox.InboxRelay;
import ai.ailock.distribution.server.inbox.MessagingProperties;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import ai.ailock.distribution.storage.jdbc.JdbcProcessedMessages;
import ai.ailock.distribution.storage.jdbc.OutboxRelay;
import ai.ailock.distribution.storage.jdbc.RelayLock;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox (issue 6): the interaction dispatcher on the engine's use cases, the outbox relay's lock, and the
 * in-process adapter (outbox relay into per-recipient in-memory inboxes) that is the single-node default; the Kafka
 * adapter ({@code transport=kafka}) is wired in {@code server.inbox.kafka}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class InteractionConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ProcessedMessages processedMessages(JdbcClient jdbc) {
    return new JdbcProcessedMessages(jdbc);
  }

  @Bean
  InteractionDispatcher interactionDispatcher(OfferTransfer offerTransfer, AcknowledgeDelivery acknowledgeDelivery,
      RevokeAccess revokeAccess, OpenDispute openDispute, ProcessedMessages processed, Transactions transactions,
      Clock clock) {
    var registry = new InteractionRegistry(InteractionHandlers.standard(offerTransfer, acknowledgeDelivery,
        ReceiptReader::read, revokeAccess, openDispute));
    return new InteractionDispatcher(registry, new SchemaValidator(), processed, transactions, clock);
  }

  @Bean
  BatchOperations batchOperations(OfferTransfer offerTransfer, DescribeTransfer describeTransfer,
      IssueTicket issueTicket, AcknowledgeDelivery acknowledgeDelivery, RevokeAccess revokeAccess,
      ProcessedMessages processed, Transactions transactions, Clock clock) {
    return new BatchOperations(offerTransfer, describeTransfer, issueTicket, acknowledgeDelivery, ReceiptReader::read,
        revokeAccess, processed, transactions, new SchemaValidator(), clock);
  }

  @Bean
  RelayLock relayLock(DataSource dataSource) {
    return new RelayLock(dataSource);
  }

  @Bean
  @ConditionalOnProperty(name = MessagingProperties.TRANSPORT, havingValue = "in-process", matchIfMissing = true)
  InProcessInbox inProcessInbox(@Value("${ailock.distribution.inbox.capacity:1000}") int capacity,
      @Value("${ailock.distribution.inbox.max-waiting-polls:1000}") int maxWaiting,
      @Value("${ailock.distribution.inbox.max-waiting-polls-per-ailock:4}") int maxWaitingPerAilock) {
    return new InProcessInbox(capacity, maxWaiting, maxWaitingPerAilock);
  }

  @Bean
  @ConditionalOnProperty(name = MessagingProperties.TRANSPORT, havingValue = "in-process", matchIfMissing = true)
  InboxRelay inboxRelay(JdbcOutbox outbox, RelayLock lock, InProcessInbox inbox) {
    return new InboxRelay(new OutboxRelay(outbox, lock, inbox::accept));
  }
}
