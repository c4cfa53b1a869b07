package ai.ailock.distribution.client.commerce;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One input a product requires (plan §4): {@code type} is text, textarea, url or file; {@code timing} is pre_payment
 * or post_payment_pre_grant.
 */
public record RequiredInputInfo(String id, String label, String type, String timing, boolean required,
    @Nullable String description, @Nullable Integer maxLen, List<String> mimeTypes, @Nullable Integer maxSizeMb) {

  static RequiredInputInfo of(JsonNode json) {
    JsonNode c = json.path("constraints");
    return new RequiredInputInfo(json.path("id").asString(), json.path("label").asString(),
        json.path("type").asString(), json.path("timing").asString(), json.path("required").asBoolean(),
        json.has("description") ? json.path("description").asString() : null,
        c.has("max_len") ? c.path("max_len").asInt() : null, TransferInfo.strings(c.path("mime_types")),
        c.has("max_size_mb") ? c.path("max_size_mb").asInt() : null);
  }

  public boolean file() {
    return "file".equals(type);
  }
}
