/** Reference host of the distribution module: a Spring Boot app on embedded defaults. */
@NullMarked
package ai.ailock.distribution.server;

import org.jspecify.annotations.NullMarked;
