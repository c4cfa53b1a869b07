package ai.ailock.distribution.client.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Loads the Wycheproof vector files copied under {@code src/test/resources/wycheproof}. */
final class Wycheproof {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Wycheproof() {}

  /** Every test of every group of {@code file}, in file order. */
  static List<Case> cases(String file) {
    JsonNode root = read(file);
    List<Case> cases = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        cases.add(new Case(group, test));
      }
    }
    return cases;
  }

  /** The {@code numberOfTests} a file declares, where it does. */
  static int declaredCount(String file) {
    return read(file).path("numberOfTests").asInt(-1);
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static JsonNode read(String file) {
    try (InputStream in = Wycheproof.class.getResourceAsStream("/wycheproof/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource wycheproof/" + file);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One vector with its group. {@link #toString()} names it in test reports. */
  record Case(JsonNode group, JsonNode test) {

    int tcId() {
      return test.get("tcId").asInt();
    }

    boolean valid() {
      return "valid".equals(test.get("result").asString());
    }

    String result() {
      return test.get("result").asString();
    }

    Set<String> flags() {
      Set<String> flags = new TreeSet<>();
      test.path("flags").forEach(flag -> flags.add(flag.asString()));
      return flags;
    }

    boolean flagged(String flag) {
      return flags().contains(flag);
    }

    byte[] bytes(String field) {
      return hex(test.get(field).asString());
    }

    int groupInt(String field) {
      return group.get(field).asInt();
    }

    @Override
    public String toString() {
      String comment = test.path("comment").asString("");
      return "tcId " + tcId() + " " + result() + (comment.isEmpty() ? "" : " '" + comment + "'")
          + " " + flags();
    }
  }
}
