/** The HTTP functions (names from the plan, under a configurable base path), problem details, request ids. */
@NullMarked
package ai.ailock.distribution.server.http;

import org.jspecify.annotations.NullMarked;
