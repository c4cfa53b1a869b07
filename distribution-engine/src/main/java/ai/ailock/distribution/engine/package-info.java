/**
 * The distribution engine: domain, use cases and ports. Plain Java: no Spring, JDBC, AWS, Stripe or Jackson.
 * Feature packages: {@code identity}, {@code product}, {@code upload}, {@code download}, {@code audit}, {@code blob}.
 */
@NullMarked
package ai.ailock.distribution.engine;

import org.jspecify.annotations.NullMarked;
