package ai.ailock.distribution.schemas;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the wire contract: snake_case member names (as in the plan's data model:
 * {@code required_inputs}, {@code missing_inputs}, {@code client_hash}), unknown members refused.
 */
public final class WireJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private WireJson() {}

  /** @return the shared, thread-safe mapper */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
