package de.kontor.mail.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code kontor.mail.} (README, section E-mail). The SMTP server itself is Spring's
 * {@code spring.mail.*}, filled from {@code KONTOR_SMTP_*}.
 *
 * @param from                 sender address of every mail
 * @param replyDomain          domain of the reply and space addresses ({@code reply+…@domain}); empty: none
 * @param tokenSecret          HMAC key of reply and unsubscribe tokens; empty: generated and kept in the database
 * @param replyTokenValidity   how long a reply address in a notification mail is accepted
 * @param sendInterval         how often the outbox is sent
 * @param retryBase            first back-off after a temporary SMTP failure (doubling up to six hours)
 * @param maxAttempts          temporary failures before a mail is given up
 * @param digestInterval       how often due digests are looked for
 * @param maxAttachmentSize    larger incoming mails are answered with a bounce message
 */
@ConfigurationProperties(prefix = "kontor.mail")
public record MailSettings(String from, String replyDomain, String tokenSecret, Duration replyTokenValidity,
                           Duration sendInterval, Duration retryBase, int maxAttempts, Duration digestInterval,
                           DataSize maxAttachmentSize, Imap imap) {

    /** The mailbox read for replies and posts; no host: incoming mail is off. */
    public record Imap(String host, int port, String username, String password, String folder, boolean ssl,
                       Duration pollInterval) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }

    public boolean incoming() {
        return imap != null && imap.enabled() && hasReplyDomain();
    }

    public boolean hasReplyDomain() {
        return replyDomain != null && !replyDomain.isBlank();
    }

    /** The sender address; without a setting {@code kontor@<reply domain>} (or {@code kontor@localhost}). */
    public String sender() {
        if (from != null && !from.isBlank()) {
            return from.strip();
        }
        return "kontor@" + (hasReplyDomain() ? replyDomain.strip() : "localhost");
    }
}
