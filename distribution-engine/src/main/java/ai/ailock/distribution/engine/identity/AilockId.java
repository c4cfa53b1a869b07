package ai.ailock.distribution.engine.identity;

import java.util.regex.Pattern;

/** An Ailock's identifier. In the reference server it is the key id of the Ailock's first signing key. */
public record AilockId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  public AilockId {
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("malformed Ailock id");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
