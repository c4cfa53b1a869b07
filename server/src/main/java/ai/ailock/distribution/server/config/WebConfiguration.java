package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.upload.ExpireUploads;
import ai.ailock.distribution.server.http.RequestIdFilter;
import java.time.Clock;
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

  @Bean
  Housekeeping housekeeping(ExpireUploads expireUploads, Identities identities, Clock clock,
      DistributionProperties properties) {
    return new Housekeeping(expireUploads, identities, clock, properties.housekeeping().batch());
  }
}
