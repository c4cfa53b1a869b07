package ai.ailock.distribution.server.inbox.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends a record and waits for the broker's acknowledgement (acks=all), so the caller knows it was stored. */
final class SyncSend {
  private SyncSend() {}

  /** @throws KafkaException if the broker did not acknowledge within {@code timeout} */
  static void send(KafkaTemplate<String, String> template, ProducerRecord<String, String> record, Duration timeout) {
    try {
      template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while sending to " + record.topic(), e);
    } catch (ExecutionException e) {
      throw new KafkaException("not acknowledged by " + record.topic() + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("not acknowledged by " + record.topic() + " within " + timeout, e);
    } catch (KafkaException e) { // failed before it was sent, e.g. no metadata within max.block.ms
      throw new KafkaException("not acknowledged by " + record.topic() + ": " + e.getMostSpecificCause(), e);
    }
  }
}
