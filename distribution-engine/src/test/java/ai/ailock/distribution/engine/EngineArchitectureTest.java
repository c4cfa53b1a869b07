package ai.ailock.distribution.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the engine plain Java with acyclic feature packages (style guide §1, §2, §8). Each rule is also run against
 * a deliberately bad class, to prove it can fail.
 */
class EngineArchitectureTest {
  private static final String ENGINE = "ai.ailock.distribution.engine";

  static final ArchRule NO_FRAMEWORKS_OR_INFRASTRUCTURE = noClasses()
      .that().resideInAPackage(ENGINE + "..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
          "software.amazon..", "com.stripe..", "tools.jackson..", "com.fasterxml..", "com.networknt..")
      .because("the engine is plain Java: adapters bring Spring, JDBC, AWS, Stripe and JSON");

  static final ArchRule NO_JUNK_DRAWER_PACKAGES = noClasses()
      .that().resideInAPackage(ENGINE + "..")
      .should().resideInAnyPackage("..util..", "..common..", "..helpers..", "..manager..")
      .because("a helper lives with its concept");

  /**
   * Feature packages must not depend on each other in a cycle, without exception. ({@code upload} depends on
   * {@code product}; a published {@code product.ProductContent} therefore does not name the upload it came from:
   * its chunks are found through the completed session of its product and version.)
   */
  static final ArchRule FEATURE_PACKAGES_FREE_OF_CYCLES = slices()
      .matching(ENGINE + ".(*)..")
      .should().beFreeOfCycles();

  /** Uploads and downloads build on products, never the other way round (which would close a cycle). */
  static final ArchRule PRODUCT_BELOW_UPLOAD_AND_DOWNLOAD = noClasses()
      .that().resideInAPackage(ENGINE + ".product..")
      .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".upload..", ENGINE + ".download..");

  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(new ImportOption.DoNotIncludeTests())
      .importPackages(ENGINE);

  @Test
  void importsTheProductionClassesOnly() {
    assertThat(PRODUCTION.contain("ai.ailock.distribution.engine.upload.AcceptChunk")).isTrue();
    assertThat(PRODUCTION.stream().map(JavaClass::getName))
        .noneMatch(name -> name.endsWith("Test") || name.contains(".fixtures."));
  }

  @Test
  void engineDependsOnNoFrameworkOrInfrastructure() {
    NO_FRAMEWORKS_OR_INFRASTRUCTURE.check(PRODUCTION);
  }

  @Test
  void engineHasNoJunkDrawerPackages() {
    NO_JUNK_DRAWER_PACKAGES.check(PRODUCTION);
  }

  @Test
  void engineFeaturePackagesAreFreeOfCycles() {
    FEATURE_PACKAGES_FREE_OF_CYCLES.check(PRODUCTION);
  }

  @Test
  void productKnowsNothingOfUploadsOrDownloads() {
    PRODUCT_BELOW_UPLOAD_AND_DOWNLOAD.check(PRODUCTION);
  }

  /** Runs each rule against deliberately bad classes, compiled for the purpose. */
  @Nested
  class RulesCatchBadClasses {
    private static final String BAD = ENGINE + ".archfixtures.bad";

    @TempDir
    Path scratch;

    @ParameterizedTest(name = "{0}")
    @MethodSource("ai.ailock.distribution.engine.EngineArchitectureTest#forbiddenDependencies")
    void frameworkRuleCatchesADependencyOn(String forbiddenType, String badClass) {
      JavaClasses bad = BadClassCompiler.compile(scratch, withStandIn(forbiddenType,
          Map.of(BAD + ".deps.Offender", badClass.replace("$T", forbiddenType))));

      assertThat(NO_FRAMEWORKS_OR_INFRASTRUCTURE.evaluate(bad).hasViolation()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"field", "superclass", "class annotation", "parameter annotation", "method call"})
    void frameworkRuleCatchesEveryKindOfDependency(String kind) {
      String body = switch (kind) {
        case "field" -> "public class Offender { org.springframework.stub.Marker marker; }";
        case "superclass" -> "public class Offender extends org.springframework.stub.Base {}";
        case "class annotation" -> "@org.springframework.stub.Marker public class Offender {}";
        case "parameter annotation" ->
            "public class Offender { public void handle(@org.springframework.stub.Marker String s) {} }";
        case "method call" ->
            "public class Offender { public Object make() { return org.springframework.stub.Base.create(); } }";
        default -> throw new IllegalArgumentException(kind);
      };
      JavaClasses bad = BadClassCompiler.compile(scratch, Map.of(
          "org.springframework.stub.Marker", """
              package org.springframework.stub;
              @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
              public @interface Marker {}
              """,
          "org.springframework.stub.Base", """
              package org.springframework.stub;
              public class Base { public static Object create() { return new Object(); } }
              """,
          BAD + ".deps.Offender", "package " + BAD + ".deps;\n" + body));

      assertThat(NO_FRAMEWORKS_OR_INFRASTRUCTURE.evaluate(bad).hasViolation()).isTrue();
    }

    @Test
    void frameworkRuleLetsPlainJavaThrough() {
      JavaClasses clean = BadClassCompiler.compile(scratch, Map.of(BAD + ".deps.Innocent", "package " + BAD + ".deps;"
          + " public class Innocent { java.util.List<java.time.Instant> at = new java.util.ArrayList<>(); }"));

      assertThat(NO_FRAMEWORKS_OR_INFRASTRUCTURE.evaluate(clean).hasViolation()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"archfixtures.bad.util", "archfixtures.bad.common", "archfixtures.bad.helpers",
        "archfixtures.bad.manager", "upload.util", "util.crypto"})
    void junkDrawerRuleCatchesAClassIn(String subpackage) {
      String pkg = ENGINE + "." + subpackage;
      JavaClasses bad = BadClassCompiler.compile(scratch,
          Map.of(pkg + ".Helpers", "package " + pkg + "; public final class Helpers { private Helpers() {} }"));

      assertThat(NO_JUNK_DRAWER_PACKAGES.evaluate(bad).hasViolation()).isTrue();
    }

    @Test
    void junkDrawerRuleLetsConceptNamedPackagesThrough() {
      String pkg = ENGINE + ".archfixtures.bad.utility";
      JavaClasses clean = BadClassCompiler.compile(scratch,
          Map.of(pkg + ".ClaimTokenCodec", "package " + pkg + "; public final class ClaimTokenCodec {}"));

      assertThat(NO_JUNK_DRAWER_PACKAGES.evaluate(clean).hasViolation()).isFalse();
    }

    @Test
    void cycleRuleCatchesTwoFeaturePackagesThatUseEachOther() {
      JavaClasses bad = BadClassCompiler.compile(scratch, Map.of(
          ENGINE + ".badorders.Order", "package " + ENGINE + ".badorders;"
              + " public class Order { " + ENGINE + ".badinvoices.Invoice invoice; }",
          ENGINE + ".badinvoices.Invoice", "package " + ENGINE + ".badinvoices;"
              + " public class Invoice { " + ENGINE + ".badorders.Order order; }"));

      assertThat(FEATURE_PACKAGES_FREE_OF_CYCLES.evaluate(bad).hasViolation()).isTrue();
    }

    @Test
    void cycleRuleLetsOneWayDependenciesThrough() {
      JavaClasses clean = BadClassCompiler.compile(scratch, Map.of(
          ENGINE + ".badorders.Order", "package " + ENGINE + ".badorders;"
              + " public class Order { " + ENGINE + ".badinvoices.Invoice invoice; }",
          ENGINE + ".badinvoices.Invoice", "package " + ENGINE + ".badinvoices; public class Invoice {}"));

      assertThat(FEATURE_PACKAGES_FREE_OF_CYCLES.evaluate(clean).hasViolation()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"upload", "download"})
    void productRuleCatchesAProductClassUsing(String featurePackage) {
      JavaClasses bad = BadClassCompiler.compile(scratch, Map.of(
          ENGINE + ".product.badcontent.Content", "package " + ENGINE + ".product.badcontent;"
              + " public class Content { " + ENGINE + "." + featurePackage + ".badsession.Session from; }",
          ENGINE + "." + featurePackage + ".badsession.Session",
          "package " + ENGINE + "." + featurePackage + ".badsession; public class Session {}"));

      assertThat(PRODUCT_BELOW_UPLOAD_AND_DOWNLOAD.evaluate(bad).hasViolation()).isTrue();
    }

    @Test
    void productRuleLetsUploadsUseProducts() {
      JavaClasses clean = BadClassCompiler.compile(scratch, Map.of(
          ENGINE + ".upload.badsession.Session", "package " + ENGINE + ".upload.badsession;"
              + " public class Session { " + ENGINE + ".product.badcontent.Content content; }",
          ENGINE + ".product.badcontent.Content",
          "package " + ENGINE + ".product.badcontent; public class Content {}"));

      assertThat(PRODUCT_BELOW_UPLOAD_AND_DOWNLOAD.evaluate(clean).hasViolation()).isFalse();
    }

    /** Adds a minimal stand-in for {@code forbiddenType} unless the JDK has it. */
    private Map<String, String> withStandIn(String forbiddenType, Map<String, String> sources) {
      if (forbiddenType.startsWith("java.") || forbiddenType.startsWith("javax.")) {
        return sources;
      }
      int dot = forbiddenType.lastIndexOf('.');
      var all = new java.util.HashMap<>(sources);
      all.put(forbiddenType, "package " + forbiddenType.substring(0, dot) + "; public class "
          + forbiddenType.substring(dot + 1) + " {}");
      return all;
    }
  }

  static Stream<Arguments> forbiddenDependencies() {
    String field = "package " + ENGINE + ".archfixtures.bad.deps; public class Offender { $T dependency; }";
    return Stream.of(
        Arguments.of("org.springframework.stereotype.Component", field),
        Arguments.of("java.sql.Connection", field),
        Arguments.of("javax.sql.DataSource", field),
        Arguments.of("software.amazon.awssdk.services.s3.S3Client", field),
        Arguments.of("com.stripe.StripeClient", field),
        Arguments.of("tools.jackson.databind.ObjectMapper", field),
        Arguments.of("com.fasterxml.jackson.annotation.JsonProperty", field),
        Arguments.of("com.networknt.schema.Schema", field));
  }
}
