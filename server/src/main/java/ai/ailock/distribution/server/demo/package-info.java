/** The demo sale that {@code --demo} runs against the service it starts (README, first command). */
@NullMarked
package ai.ailock.distribution.server.demo;

import org.jspecify.annotations.NullMarked;
