/**
 * E-mail as a door into Kontor: notification mails and digests sent through a durable outbox, reply-by-email
 * (a reply becomes a comment) and post-by-email (a mail to a space's address becomes a post) read from an IMAP
 * mailbox. Reacts to {@link de.kontor.notify.NotificationCreated}; writes through {@link de.kontor.stream.PostPublishing}.
 * It has no public types: nothing depends on it.
 */
package de.kontor.mail;
