/**
 * The Kafka transport ({@code ailock.distribution.messaging.transport=kafka}): the inbox topic's records go to the
 * interaction dispatcher and are answered on the reply topic; the outbox relay publishes the service's messages to the
 * outbound topic; records that cannot be handled are parked on the dead-letter topic.
 */
@NullMarked
package ai.ailock.distribution.server.inbox.kafka;

import org.jspecify.annotations.NullMarked;
