package ai.ailock.distribution.client.inbox;

import ai.ailock.distribution.client.transfer.Retry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Reads an Ailock's inbox in the background and hands each message to the handler registered for its type, one at a
 * time, in order. The cursor moves past a message once its handler returned or failed for good (saved first, for a
 * file cursor), so a listener restarted from the same cursor neither misses nor repeats a message; a message id seen
 * recently is dropped as a duplicate. Transport failures of the poll, and transient failures of a handler, are
 * retried with exponential back-off (250 ms doubling, at most 30 s, ±25 %); everything is reported through
 * {@link Events}, nothing is swallowed. Messages of a type without a handler are passed over.
 *
 * <pre>{@code
 * var listener = new InboxListener(new HttpMessageSource(http), InboxCursor.file(home.resolve("inbox-cursor.json")))
 *     .on(InboxMessage.PAYMENT_CONFIRMED, new GrantOnPayment(http, keyring))
 *     .start();
 * ...
 * listener.close();   // stops taking messages; a reaction under way is interrupted and comes again next time
 * }</pre>
 */
public final class InboxListener implements AutoCloseable {
  /** The default long-poll wait. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(25);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** What the listener did; called on the listener's thread, one call at a time. Every method defaults to nothing. */
  public interface Events {
    Events NONE = new Events() {};

    /** A handler completed for {@code message}. */
    default void handled(InboxMessage message) {}

    /** {@code message} repeats a message id handled before; it was dropped. */
    default void duplicate(InboxMessage message) {}

    /**
     * The handler of {@code message} failed, or saving the cursor after it did.
     *
     * @param retrying true if the failure is transient and the handler runs again after a back-off
     */
    default void failed(InboxMessage message, Exception failure, boolean retrying) {}

    /** Polling failed; the next poll follows after {@code retryIn}. */
    default void pollFailed(Exception failure, Duration retryIn) {}
  }

  private final MessageSource source;
  private final InboxCursor cursor;
  private final Duration wait;
  private final Events events;
  private final Map<String, InboxHandler> handlers = new ConcurrentHashMap<>();
  private final ReentrantLock handling = new ReentrantLock();
  private volatile boolean running;
  private boolean reacting;
  private @Nullable Thread thread;

  /** A listener long-polling for {@link #DEFAULT_WAIT} that reports nothing. */
  public InboxListener(MessageSource source, InboxCursor cursor) {
    this(source, cursor, DEFAULT_WAIT, Events.NONE);
  }

  /** @param wait how long one poll may wait for a message */
  public InboxListener(MessageSource source, InboxCursor cursor, Duration wait, Events events) {
    this.source = source;
    this.cursor = cursor;
    this.wait = wait;
    this.events = events;
  }

  /**
   * Registers the handler of one interaction type (before {@link #start}).
   *
   * @throws IllegalStateException if the type has a handler already or the listener runs
   */
  public InboxListener on(String type, InboxHandler handler) {
    synchronized (this) {
      if (thread != null) {
        throw new IllegalStateException("register handlers before starting the listener");
      }
      if (handlers.putIfAbsent(type, handler) != null) {
        throw new IllegalStateException("a handler for " + type + " is registered already");
      }
    }
    return this;
  }

  /** Starts the background thread (a daemon named {@code ailock-inbox}). */
  public synchronized InboxListener start() {
    if (thread != null) {
      throw new IllegalStateException("the listener was started already");
    }
    running = true;
    Thread loop = new Thread(this::run, "ailock-inbox");
    loop.setDaemon(true);
    thread = loop;
    loop.start();
    return this;
  }

  /** @return true between {@link #start} and {@link #close} */
  public boolean running() {
    return running;
  }

  /**
   * Stops: no message is handled after this returns. A reaction under way is interrupted (its message is not moved
   * past, so it comes again after a restart) and waited for; a poll under way is abandoned (its answer is ignored).
   */
  @Override
  public void close() {
    Thread loop;
    synchronized (this) {
      running = false;
      loop = thread;
      notifyAll();
      if (loop != null && reacting && loop != Thread.currentThread()) {
        loop.interrupt();
      }
    }
    if (loop == null || loop == Thread.currentThread()) {
      return;
    }
    handling.lock();
    handling.unlock();
  }

  private void run() {
    int pollFailures = 0;
    while (running) {
      InboxPage page;
      try {
        page = source.poll(cursor.position(), wait);
        pollFailures = 0;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        Duration retryIn = Retry.waitBefore(e, backoff(++pollFailures));
        events.pollFailed(e, retryIn);
        if (!pause(retryIn)) {
          return;
        }
        continue;
      }
      for (InboxMessage message : page.messages()) {
        handling.lock();
        try {
          if (!running || !deliver(message)) {
            return;
          }
        } finally {
          handling.unlock();
        }
      }
    }
  }

  /** @return false if the listener stopped while handling {@code message} (the cursor stays before it) */
  private boolean deliver(InboxMessage message) {
    if (message.cursor() <= cursor.position()) {
      return true;
    }
    if (cursor.seen(message.messageId())) {
      events.duplicate(message);
    } else {
      InboxHandler handler = handlers.get(message.type());
      if (handler != null && !handleWithRetries(handler, message)) {
        return false;
      }
    }
    try {
      cursor.advance(message);
    } catch (IOException e) {
      events.failed(message, e, false);
    }
    return true;
  }

  private boolean handleWithRetries(InboxHandler handler, InboxMessage message) {
    for (int failures = 1; ; failures++) {
      try {
        react(handler, message);
        events.handled(message);
        return true;
      } catch (Exception e) {
        if (!running) {
          return false;
        }
        boolean retrying = Retry.isTransient(e);
        events.failed(message, e, retrying);
        if (!retrying) {
          return true;
        }
        if (!pause(Retry.waitBefore(e, backoff(failures)))) {
          return false;
        }
      }
    }
  }

  /** Runs the handler interruptible by {@link #close}; nothing else on this thread is ever interrupted. */
  private void react(InboxHandler handler, InboxMessage message) throws Exception {
    synchronized (this) {
      if (!running) {
        throw new InterruptedException("the listener stopped");
      }
      reacting = true;
    }
    try {
      handler.handle(message);
    } finally {
      synchronized (this) {
        reacting = false;
        Thread.interrupted(); // an interrupt meant for the reaction must not break the cursor's write
      }
    }
  }

  private static Duration backoff(int failures) {
    return Retry.backoff(FIRST_BACKOFF, failures, MAX_BACKOFF);
  }

  /** @return false if the listener stopped meanwhile */
  private synchronized boolean pause(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    try {
      for (long left = duration.toMillis(); running && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return running;
  }
}
