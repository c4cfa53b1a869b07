package ai.ailock.distribution.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates documents against the {@link WireSchema}s (JSON Schema 2020-12, format assertions on).
 *
 * <p>Schemas are loaded from the classpath once, at construction; {@code $ref}s between them resolve
 * through their {@code $id}s without network access. Thread-safe.
 */
public final class SchemaValidator {
  private static final int MAX_RUNTIME_SCHEMAS = 256;

  private final Map<WireSchema, Schema> schemas = new EnumMap<>(WireSchema.class);
  private final SchemaRegistry registry;
  private final Map<String, Schema> runtimeSchemas = new ConcurrentHashMap<>();

  public SchemaValidator() {
    var config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(config)
        .schemaIdResolvers(ids -> ids.mapPrefix(WireSchema.ID_PREFIX, "classpath:schemas/")));
    for (WireSchema schema : WireSchema.values()) {
      Schema loaded = registry.getSchema(SchemaLocation.of(schema.id()));
      loaded.initializeValidators();
      schemas.put(schema, loaded);
    }
  }

  /**
   * @return the violations of {@code document} against {@code schema}, ordered by pointer; empty if valid
   */
  public List<Violation> validate(WireSchema schema, JsonNode document) {
    return violations(schemas.get(schema).validate(document));
  }

  /**
   * Validates against a schema built at run time (for example the one compiled from a product's required inputs),
   * with the same dialect, format assertions and pointers as the wire schemas. Compiled schemas are cached by their
   * JSON text (a bounded number of them).
   *
   * @param schema a JSON Schema 2020-12 document without remote {@code $ref}s
   * @return the violations of {@code document}, ordered by pointer; empty if valid
   */
  public List<Violation> validate(JsonNode schema, JsonNode document) {
    String key = schema.toString();
    Schema compiled = runtimeSchemas.get(key);
    if (compiled == null) {
      compiled = registry.getSchema(schema);
      compiled.initializeValidators();
      if (runtimeSchemas.size() >= MAX_RUNTIME_SCHEMAS) {
        runtimeSchemas.clear();
      }
      runtimeSchemas.put(key, compiled);
    }
    return violations(compiled.validate(document));
  }

  private static List<Violation> violations(List<Error> errors) {
    return errors.stream()
        .map(error -> new Violation(pointerOf(error), error.getMessage()))
        .distinct()
        .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
        .toList();
  }

  private static String pointerOf(Error error) {
    String location = error.getInstanceLocation().toString();
    // A missing or unexpected property is reported at its parent; name the property itself.
    String property = error.getProperty();
    if (property != null && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
      return location + "/" + property.replace("~", "~0").replace("/", "~1");
    }
    return location;
  }
}
