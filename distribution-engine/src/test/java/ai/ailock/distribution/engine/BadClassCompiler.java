package ai.ailock.distribution.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles deliberately bad classes into a scratch directory and imports them for ArchUnit. They are compiled at
 * test time, never into {@code test-classes}, so they never reach the published test-jar, where other modules'
 * architecture tests would find them; and stand-ins for foreign frameworks can exist without those frameworks on
 * the classpath.
 */
final class BadClassCompiler {
  private BadClassCompiler() {}

  /** @param sources source text by fully qualified class name */
  static JavaClasses compile(Path scratch, Map<String, String> sources) {
    try {
      Path sourceRoot = Files.createDirectories(scratch.resolve("src"));
      Path classes = Files.createDirectories(scratch.resolve("classes"));
      var files = new ArrayList<Path>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        files.add(Files.writeString(file, source.getValue(), StandardCharsets.UTF_8));
      }
      javac(files, classes);
      return new ClassFileImporter().importPath(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void javac(List<Path> files, Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("tests must run on a JDK: no system Java compiler");
    }
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(),
          "-classpath", classes.toString());
      boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
      if (!compiled) {
        throw new IllegalStateException("bad classes did not compile: " + diagnostics.getDiagnostics());
      }
    }
  }
}
