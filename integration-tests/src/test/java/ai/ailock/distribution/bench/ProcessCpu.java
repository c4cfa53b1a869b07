package ai.ailock.distribution.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU time (user + system) used so far by a group of processes, read from Linux's {@code /proc}: the live processes
 * whose command line contains a marker (a directory only they are given) and all their descendants. CPU time,
 * unlike wall time, hardly changes with the load other work puts on the machine, so it compares runs made at
 * different loads. Processes that have exited no longer count.
 */
final class ProcessCpu {
  private static final Path PROC = Path.of("/proc");
  private static final double MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

  private final String marker;

  ProcessCpu(Path marker) {
    this.marker = marker.toAbsolutePath().toString();
  }

  /** @return the CPU milliseconds used so far by the processes mentioning the marker and their descendants */
  long millis() {
    Map<Long, Stat> all = snapshot();
    Set<Long> group = new HashSet<>();
    var pending = new ArrayDeque<Long>();
    all.forEach((pid, stat) -> {
      if (stat.commandLine().contains(marker)) {
        pending.add(pid);
      }
    });
    while (!pending.isEmpty()) {
      long pid = pending.poll();
      if (group.add(pid)) {
        all.forEach((child, stat) -> {
          if (stat.parent() == pid) {
            pending.add(child);
          }
        });
      }
    }
    double ticks = group.stream().mapToLong(pid -> all.get(pid).ticks()).sum();
    return Math.round(ticks * MILLIS_PER_TICK);
  }

  private record Stat(long parent, long ticks, String commandLine) {}

  private static Map<Long, Stat> snapshot() {
    Map<Long, Stat> stats = new HashMap<>();
    try (var entries = Files.list(PROC)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          try {
            String stat = Files.readString(entry.resolve("stat"));
            // fields after the command name in parentheses: state ppid ... utime(14) stime(15)
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
            String commandLine = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
            stats.put(Long.parseLong(name), new Stat(Long.parseLong(fields.get(1)), ticks, commandLine));
          } catch (IOException | RuntimeException e) {
            // the process exited while being read
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return stats;
  }
}
