package ai.ailock.distribution.server.inbox.kafka;

/**
 * An inbox record that can never be handled as it is (not JSON, not an interaction envelope, no authenticated
 * sender): not retried, parked on the dead-letter topic at once. A payload that fails its type's schema is not poison:
 * it is answered with a refusal.
 */
final class PoisonRecord extends RuntimeException {
  PoisonRecord(String message) {
    super(message);
  }
}
