package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferProgress;
import ai.ailock.distribution.client.transfer.TransferProgress.Phase;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a transfer's progress: on a terminal, one line redrawn in place (at most every 100 ms) with percentage,
 * bar, MB/s and ETA; otherwise plain lines, one every 5 seconds and one at the end of each phase. Speeds are in
 * MB/s (10^6 bytes), sizes in MiB.
 */
public final class ProgressBar implements TransferListener {
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final boolean tty;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private Phase phase = Phase.DONE;
  private long phaseStart;
  private long lastDraw;
  private TransferProgress last = new TransferProgress(Phase.DONE, 0, 0);

  ProgressBar(PrintWriter err, boolean tty) {
    this(err, tty, System::nanoTime);
  }

  ProgressBar(PrintWriter err, boolean tty, LongSupplier nanoClock) {
    this.err = err;
    this.tty = tty;
    this.nanoClock = nanoClock;
    this.intervalNanos = tty ? 100_000_000L : 5_000_000_000L;
  }

  /** @return a bar for a terminal, plain lines otherwise, or nothing if {@code mode} is {@code none} */
  public static TransferListener create(PrintWriter err, String mode) {
    return switch (mode) {
      case "none" -> TransferListener.NONE;
      case "tty" -> new ProgressBar(err, true);
      case "plain" -> new ProgressBar(err, false);
      default -> new ProgressBar(err, System.console() != null);
    };
  }

  @Override
  public void onProgress(TransferProgress progress) {
    long now = nanoClock.getAsLong();
    if (progress.phase() != phase) {
      finishPhase();
      phase = progress.phase();
      phaseStart = now;
      lastDraw = now;
      last = progress;
      if (phase != Phase.DONE && progress.total() > 0) {
        draw(progress, now);
      }
      return;
    }
    last = progress;
    if (now - lastDraw >= intervalNanos) {
      lastDraw = now;
      draw(progress, now);
    }
  }

  private void finishPhase() {
    if (phase != Phase.DONE && last.total() > 0) {
      draw(last, nanoClock.getAsLong());
      if (tty) {
        err.println();
      }
    }
  }

  private void draw(TransferProgress progress, long now) {
    String line = line(progress, (now - phaseStart) / 1e9);
    if (tty) {
      err.print("\r" + line + "\u001b[K");
    } else {
      err.println(line);
    }
    err.flush();
  }

  static String line(TransferProgress progress, double seconds) {
    double fraction = progress.fraction();
    int filled = (int) Math.round(fraction * WIDTH);
    double rate = seconds > 0 ? progress.done() / seconds / 1e6 : 0;
    String eta = rate > 0 && progress.total() > progress.done()
        ? duration((progress.total() - progress.done()) / (rate * 1e6)) : "--:--";
    return String.format(Locale.ROOT, "%-11s %3d%% [%s%s] %.1f/%.1f MiB %7.1f MB/s ETA %s",
        label(progress.phase()), Math.round(fraction * 100), "#".repeat(filled), " ".repeat(WIDTH - filled),
        progress.done() / 1048576.0, progress.total() / 1048576.0, rate, eta);
  }

  private static String label(Phase phase) {
    String name = phase.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
