/**
 * The Ailock's inbox, read by a background {@link ai.ailock.distribution.client.inbox.InboxListener}: messages come
 * from a {@link ai.ailock.distribution.client.inbox.MessageSource} (the service's {@code inbox-poll} long poll in
 * {@link ai.ailock.distribution.client.inbox.HttpMessageSource}; a broker-backed source plugs in the same way), the
 * position is kept in an {@link ai.ailock.distribution.client.inbox.InboxCursor} (optionally a file, so a restart
 * resumes), and each message goes to the handler registered for its interaction type. Two reactions come with it:
 * {@link ai.ailock.distribution.client.inbox.GrantOnPayment} (a seller grants on {@code payment_confirmed}) and
 * {@link ai.ailock.distribution.client.inbox.DownloadOnDelivery} (a buyer downloads, verifies and acknowledges on
 * {@code product_delivery}).
 */
@NullMarked
package ai.ailock.distribution.client.inbox;

import org.jspecify.annotations.NullMarked;
