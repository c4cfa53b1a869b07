/** The ailock-batch operations (issue 6). */
@NullMarked
package ai.ailock.distribution.batch;

import org.jspecify.annotations.NullMarked;
