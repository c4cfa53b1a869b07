package ai.ailock.distribution.client.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags of the listing commands: a page's size and where the previous page said to go on. */
final class PageFlags {
  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Page size, 1-100 (default 20).")
  int limit;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "Where the previous page said to go on.")
  @Nullable String cursor;
}
