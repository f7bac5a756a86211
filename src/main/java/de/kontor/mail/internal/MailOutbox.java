package de.kontor.mail.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mails for the sending job. Without an SMTP host mail is off and nothing is queued (so that switching mail
 * on later does not send a backlog of old notifications); a mail to an address that failed or bounced is kept as
 * SUPPRESSED, visible to admins, and never sent.
 */
@Service
class MailOutbox {

    private final OutboxRepository outbox;
    private final String smtpHost;

    MailOutbox(OutboxRepository outbox, @Value("${spring.mail.host:}") String smtpHost) {
        this.outbox = outbox;
        this.smtpHost = smtpHost;
    }

    boolean enabled() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    String smtpHost() {
        return enabled() ? smtpHost : null;
    }

    /** Queues the mail in the caller's transaction; false when mail is off. */
    @Transactional
    boolean enqueue(OutgoingMail mail) {
        if (!enabled()) {
            return false;
        }
        outbox.insert(mail, outbox.blocked(mail.to()) ? "SUPPRESSED" : "PENDING");
        return true;
    }
}
