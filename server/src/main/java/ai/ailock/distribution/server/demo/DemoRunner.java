package ai.ailock.distribution.server.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo}, runs {@link SaleDemo} against this service once it is ready, then stops it (exit code 0 on
 * success). {@code --demo.size-mb=N} picks the product size (default 200 MiB), {@code --demo.personalized=true} sells
 * a personalized copy (docs/personalization.md); work files go under
 * {@code data-dir/demo/run-<time>}, the product and the received copy are deleted afterwards.
 */
@Component
@ConditionalOnProperty(name = "demo")
class DemoRunner implements ApplicationListener<ApplicationReadyEvent> {
  private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    ApplicationContext context = event.getApplicationContext();
    Environment env = context.getEnvironment();
    URI functions = URI.create("http://127.0.0.1:" + env.getProperty("local.server.port")
        + env.getProperty("ailock.distribution.base-path", "/.netlify/functions"));
    Path work = Path.of(env.getProperty("ailock.distribution.data-dir", "./data"), "demo",
        "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    long size = Long.parseLong(env.getProperty("demo.size-mb", "200")) << 20;
    boolean personalized = Boolean.parseBoolean(env.getProperty("demo.personalized", "false"));
    boolean ok;
    try {
      ok = new SaleDemo(functions, work, size, System.out, personalized).run();
    } catch (Exception e) {
      log.error("the demo failed", e);
      ok = false;
    }
    System.out.println(!ok ? "Demo: FAILED (see the log above)."
        : personalized ? "Demo: the sale completed; the buyer's copy carries the seller's recordings and a license "
            + "naming the buyer."
        : "Demo: the sale completed and the buyer's file matches the seller's.");
    int code = ok ? 0 : 1;
    System.exit(SpringApplication.exit(context, () -> code));
  }
}
