/**
 * The {@code ailock} command line ({@link ai.ailock.distribution.client.cli.AilockCli}): one subcommand per task,
 * each a small class, so later ones ({@code offer}, {@code pay}, {@code claim}, {@code ack}) slot in beside
 * {@code keygen}, {@code register}, {@code whoami}, {@code upload}, {@code download} and {@code status}.
 */
@NullMarked
package ai.ailock.distribution.client.cli;

import org.jspecify.annotations.NullMarked;
