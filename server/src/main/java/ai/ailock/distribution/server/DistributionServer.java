package ai.ailock.distribution.server;

import ai.ailock.distribution.server.config.DistributionProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reference host: runs the module on embedded defaults (see README). */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(DistributionProperties.class)
public class DistributionServer {

  public static void main(String[] args) {
    SpringApplication.run(DistributionServer.class, args);
  }
}
