package ai.ailock.distribution.client.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.schemas.WireJson;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxListenerTest {
  @TempDir Path dir;

  private final Inbox inbox = new Inbox();
  private final List<InboxListener> started = new ArrayList<>();

  /** An in-memory message source that waits (without spinning) until a message is there, like the long poll. */
  static final class Inbox implements MessageSource {
    private final List<InboxMessage> messages = new ArrayList<>();
    final AtomicInteger failuresToCome = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();

    synchronized InboxMessage add(String messageId, String type, String transferId) {
      var message = new InboxMessage(messages.size() + 1, messageId, type, transferId, "trace-" + messageId,
          Instant.now(), WireJson.mapper().createObjectNode().put("transfer_id", transferId));
      messages.add(message);
      notifyAll();
      return message;
    }

    @Override
    public synchronized InboxPage poll(long cursor, Duration wait) {
      polls.incrementAndGet();
      if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new UncheckedIOException(new ConnectException("connection refused"));
      }
      long deadline = System.nanoTime() + wait.toNanos();
      while (messages.size() <= cursor && System.nanoTime() < deadline) {
        try {
          wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      List<InboxMessage> after = messages.stream().filter(m -> m.cursor() > cursor).toList();
      return new InboxPage(after, after.isEmpty() ? cursor : after.get(after.size() - 1).cursor());
    }
  }

  /** Records what the listener reports. */
  static final class Recorder implements InboxListener.Events {
    final List<String> handled = new CopyOnWriteArrayList<>();
    final List<String> duplicates = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<Duration> pollRetries = new CopyOnWriteArrayList<>();

    @Override
    public void handled(InboxMessage message) {
      handled.add(message.messageId());
    }

    @Override
    public void duplicate(InboxMessage message) {
      duplicates.add(message.messageId());
    }

    @Override
    public void failed(InboxMessage message, Exception failure, boolean retrying) {
      failures.add(message.messageId() + (retrying ? " retrying" : " final"));
    }

    @Override
    public void pollFailed(Exception failure, Duration retryIn) {
      pollRetries.add(retryIn);
    }
  }

  private InboxListener listener(InboxCursor cursor, Recorder events, Map<String, InboxHandler> handlers) {
    var listener = new InboxListener(inbox, cursor, Duration.ofMillis(200), events);
    handlers.forEach(listener::on);
    started.add(listener);
    return listener.start();
  }

  /** Waits up to 10 s for {@code condition}. */
  static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @AfterEach
  void stop() {
    started.forEach(InboxListener::close);
  }

  @Test
  void dispatchesByTypeInOrderAndDropsARepeatedMessageId() throws Exception {
    List<String> grants = new CopyOnWriteArrayList<>();
    List<String> deliveries = new CopyOnWriteArrayList<>();
    var events = new Recorder();
    listener(InboxCursor.inMemory(), events, Map.of(
        InboxMessage.PAYMENT_CONFIRMED, m -> grants.add(m.transferId()),
        InboxMessage.PRODUCT_DELIVERY, m -> deliveries.add(m.transferId())));

    inbox.add("m1", InboxMessage.PAYMENT_CONFIRMED, "t1");
    inbox.add("m2", "product_offer", "t2");
    inbox.add("m3", InboxMessage.PRODUCT_DELIVERY, "t1");
    inbox.add("m1", InboxMessage.PAYMENT_CONFIRMED, "t1");
    inbox.add("m4", InboxMessage.PAYMENT_CONFIRMED, "t3");

    eventually(() -> grants.size() == 2);
    assertThat(grants).containsExactly("t1", "t3");
    assertThat(deliveries).containsExactly("t1");
    assertThat(events.handled).containsExactly("m1", "m3", "m4");
    assertThat(events.duplicates).containsExactly("m1");
  }

  @Test
  void aListenerRestartedFromItsCursorFileNeitherMissesNorRepeats() throws Exception {
    Path file = dir.resolve("state/inbox-cursor.json");
    List<String> seen = new CopyOnWriteArrayList<>();
    InboxHandler record = m -> seen.add(m.messageId());
    InboxListener first = listener(InboxCursor.file(file), new Recorder(), Map.of(InboxMessage.PAYMENT_CONFIRMED,
        record));
    inbox.add("a", InboxMessage.PAYMENT_CONFIRMED, "t1");
    inbox.add("b", InboxMessage.PAYMENT_CONFIRMED, "t2");
    eventually(() -> seen.size() == 2);
    first.close();

    inbox.add("c", InboxMessage.PAYMENT_CONFIRMED, "t3");
    inbox.add("b", InboxMessage.PAYMENT_CONFIRMED, "t2");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    var events = new Recorder();
    listener(InboxCursor.file(file), events, Map.of(InboxMessage.PAYMENT_CONFIRMED, record));
    inbox.add("d", InboxMessage.PAYMENT_CONFIRMED, "t4");

    eventually(() -> seen.size() == 4);
    Thread.sleep(300);
    assertThat(seen).containsExactly("a", "b", "c", "d");
    assertThat(events.duplicates).containsExactly("b");
    assertThat(InboxCursor.file(file).position()).isEqualTo(5);
  }

  @Test
  void transportFailuresAreRetriedWithBackoffAndTransientHandlerFailuresRunTheHandlerAgain() throws Exception {
    inbox.failuresToCome.set(2);
    var attempts = new ConcurrentHashMap<String, AtomicInteger>();
    var events = new Recorder();
    listener(InboxCursor.inMemory(), events, Map.of(InboxMessage.PAYMENT_CONFIRMED, m -> {
      if (attempts.computeIfAbsent(m.messageId(), id -> new AtomicInteger()).incrementAndGet() == 1) {
        throw new DistributionApiException(503, "storage_unavailable", "retry later", List.of());
      }
    }));
    inbox.add("m1", InboxMessage.PAYMENT_CONFIRMED, "t1");

    eventually(() -> events.handled.contains("m1"));
    assertThat(events.pollRetries).hasSize(2);
    assertThat(events.pollRetries.get(1)).as("backs off exponentially").isGreaterThan(events.pollRetries.get(0));
    assertThat(events.failures).containsExactly("m1 retrying");
    assertThat(attempts.get("m1")).hasValue(2);
  }

  @Test
  void aRefusalIsReportedOnceAndTheListenerMovesOn() throws Exception {
    var events = new Recorder();
    List<String> handled = new CopyOnWriteArrayList<>();
    listener(InboxCursor.inMemory(), events, Map.of(InboxMessage.PRODUCT_DELIVERY, m -> {
      if (m.transferId().equals("t1")) {
        throw new DistributionApiException(403, "download_limit_reached", "used up", List.of());
      }
      handled.add(m.transferId());
    }));
    inbox.add("m1", InboxMessage.PRODUCT_DELIVERY, "t1");
    inbox.add("m2", InboxMessage.PRODUCT_DELIVERY, "t2");

    eventually(() -> handled.contains("t2"));
    assertThat(events.failures).containsExactly("m1 final");
    assertThat(events.handled).containsExactly("m2");
  }

  @Test
  void closeInterruptsAReactionUnderWayAndLeavesItsMessageForTheNextStart() throws Exception {
    Path file = dir.resolve("inbox-cursor.json");
    var inside = new java.util.concurrent.CountDownLatch(1);
    InboxListener listener = listener(InboxCursor.file(file), new Recorder(), Map.of(InboxMessage.PRODUCT_DELIVERY,
        m -> {
          inside.countDown();
          Thread.sleep(60_000);
        }));
    inbox.add("slow", InboxMessage.PRODUCT_DELIVERY, "t1");
    assertThat(inside.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    listener.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(listener.running()).isFalse();
    assertThat(InboxCursor.file(file).position()).isZero();
    List<String> again = new CopyOnWriteArrayList<>();
    listener(InboxCursor.file(file), new Recorder(), Map.of(InboxMessage.PRODUCT_DELIVERY,
        m -> again.add(m.messageId())));
    eventually(() -> again.contains("slow"));
  }
}
