package ai.ailock.distribution.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service on a random port, over a fresh database on the shared embedded PostgreSQL, a filesystem blob store
 * in a temporary directory and a clock the test can move ({@link TestServerConfiguration}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DistributionServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ailock.distribution.database.mode=external", "ailock.distribution.housekeeping.interval=1h"})
@Import(TestServerConfiguration.class)
public @interface ServerIntegrationTest {}
