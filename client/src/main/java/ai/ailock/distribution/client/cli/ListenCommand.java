package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.inbox.DownloadOnDelivery;
import ai.ailock.distribution.client.inbox.GrantOnPayment;
import ai.ailock.distribution.client.inbox.HttpMessageSource;
import ai.ailock.distribution.client.inbox.InboxCursor;
import ai.ailock.distribution.client.inbox.InboxListener;
import ai.ailock.distribution.client.inbox.InboxMessage;
import ai.ailock.distribution.client.transfer.DownloadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ailock listen}: reads this Ailock's inbox until Ctrl-C and reacts. {@code --grant} (seller): on
 * {@code payment_confirmed}, grants the paid transfer with the product's key from the keyring. {@code --download DIR}
 * (buyer): on {@code product_delivery}, downloads into {@code DIR/<transfer_id>/}, verifies, and acknowledges with a
 * signed receipt. The cursor is kept in {@code HOME/inbox-cursor.json}, so the next {@code listen} resumes where this
 * one stopped.
 */
@Command(name = "listen", description = {"Listen to this Ailock's inbox and react, until Ctrl-C.",
    "--grant: grant paid transfers (seller); --download DIR: download, verify and acknowledge deliveries (buyer)."})
final class ListenCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;
  @Mixin TransferFlags flags;

  @Option(names = "--grant", description = "Seller: grant a transfer when its payment is confirmed.")
  boolean grant;

  @Option(names = "--download", paramLabel = "DIR",
      description = "Buyer: download each delivered product into DIR/<transfer_id>/ and acknowledge it.")
  @Nullable Path download;

  @Option(names = "--license-terms", paramLabel = "FILE",
      description = "With --grant: the license terms written into personalized copies (default: single organization,"
          + " no redistribution).")
  @Nullable Path termsFile;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "25",
      description = "How long one poll waits for a message, 1..30 (default: ${DEFAULT-VALUE}).")
  int waitSeconds;

  @Option(names = "--cursor-file", paramLabel = "FILE",
      description = "Where the inbox position is kept (default: HOME/inbox-cursor.json).")
  @Nullable Path cursorFile;

  @Override
  public Integer call() throws Exception {
    if (!grant && download == null) {
      throw new ParameterException(spec.commandLine(), "give --grant, --download DIR or both");
    }
    if (waitSeconds < 1 || waitSeconds > HttpMessageSource.MAX_WAIT.toSeconds()) {
      throw new ParameterException(spec.commandLine(), "--wait must be between 1 and 30 seconds");
    }
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    SignedHttp http = workspace.http(keys);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InboxCursor cursor = InboxCursor.file(cursorFile != null ? cursorFile : workspace.inboxCursor());
    var listener = new InboxListener(new HttpMessageSource(http), cursor, Duration.ofSeconds(waitSeconds),
        new Report(out, err));
    if (grant) {
      var granting = new GrantOnPayment(http, workspace.keyring(keys),
          workspace.personalizedGrant(keys, flags.options(), LicenseTerms.read(termsFile)));
      listener.on(InboxMessage.PAYMENT_CONFIRMED, message -> granting.react(message).ifPresent(ticket ->
          out.println("granted  " + ticket.transferId() + ": key sealed to the buyer's key "
              + ticket.recipientKeyId())));
    }
    if (download != null) {
      var receiving = new DownloadOnDelivery(http, download, workspace.receipts(), flags.options(),
          ProgressBar.create(err, flags.progress));
      listener.on(InboxMessage.PRODUCT_DELIVERY, message -> receiving.react(message).ifPresent(received -> {
        DownloadResult result = received.download();
        if (result != null) {
          out.println("received " + message.transferId() + ": " + result.file() + ", SHA-256 " + result.clientHash()
              + " (verified)");
        }
        out.println("acked    " + message.transferId() + ": the transfer is " + received.transfer().state());
      }));
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      listener.close();
      out.println("stopped at inbox position " + cursor.position());
      out.flush();
      stopped.countDown();
    }, "ailock-listen-stop"));
    listener.start();
    out.println("listening as " + keys.keyId() + (grant ? ", granting paid transfers" : "")
        + (download != null ? ", downloading deliveries into " + download : "") + " (Ctrl-C stops)");
    out.flush();
    stopped.await();
    return 0;
  }

  /** Prints what the listener did: one line per event, failures on stderr with the usual messages. */
  private record Report(PrintWriter out, PrintWriter err) implements InboxListener.Events {
    @Override
    public void handled(InboxMessage message) {
      out.println("handled  " + message.type() + " about " + message.transferId());
      out.flush();
    }

    @Override
    public void duplicate(InboxMessage message) {
      out.println("skipped  " + message.type() + " " + message.messageId() + " (a duplicate)");
      out.flush();
    }

    @Override
    public void failed(InboxMessage message, Exception failure, boolean retrying) {
      err.println("ailock listen: " + message.type() + " about " + message.transferId() + ": "
          + Failures.message(failure) + (retrying ? " (retrying)" : ""));
      err.flush();
    }

    @Override
    public void pollFailed(Exception failure, Duration retryIn) {
      err.println("ailock listen: polling failed: " + Failures.message(failure) + "; again in "
          + retryIn.toMillis() + " ms");
      err.flush();
    }
  }
}
