package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.ratelimit.Throttle;
import ai.ailock.distribution.engine.upload.ExpireUploads;
import ai.ailock.distribution.server.http.RequestIdFilter;
import java.time.Clock;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The request-id filter (first in the chain) and the housekeeping sweeps. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    var registration = new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Chunks are megabytes: read them from the socket in 256 KiB steps rather than Tomcat's default 8 KiB, and
   * give the kernel room for a whole chunk in flight.
   */
  @Bean
  TomcatConnectorCustomizer largeChunkSocketBuffers() {
    return connector -> {
      connector.setProperty("socket.appReadBufSize", Integer.toString(256 * 1024));
      connector.setProperty("socket.appWriteBufSize", Integer.toString(256 * 1024));
      connector.setProperty("socket.rxBufSize", Integer.toString(4 * 1024 * 1024));
      connector.setProperty("socket.txBufSize", Integer.toString(4 * 1024 * 1024));
    };
  }

  @Bean
  Housekeeping housekeeping(ExpireUploads expireUploads, Identities identities, Throttle throttle, Clock clock,
      DistributionProperties properties) {
    return new Housekeeping(expireUploads, identities, throttle, clock, properties.housekeeping().batch());
  }
}
