package de.kontor.monitoring.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import de.kontor.shared.mail.Mailboxes;

/**
 * A folder of the company's IMAP mailbox (e.g. the shared support address) as a source: every mail after the stored
 * position becomes an item (subject and new text; quotes and signatures cut), its author handle is the sender's
 * address. The mailbox is only read, never changed; the position advances in the same transaction that stores the
 * mentions, so a failed poll reads the same mails again (and dedupe keeps them single).
 */
@Component
class MailboxFetcher {

    static final int BATCH = 200;

    private final Mailboxes mailboxes;

    MailboxFetcher(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    Fetched fetch(Source source) {
        Mailboxes.Batch batch;
        try {
            batch = mailboxes.readAfter(source.target(), source.sinceId(), BATCH);
        } catch (Mailboxes.Unavailable e) {
            throw new Fetched.Failed(e.getMessage());
        }
        List<Listening.Heard> items = batch.items().stream()
                .map(m -> new Listening.Heard(null, m.from(),
                        (m.subject().isBlank() ? "" : m.subject().strip() + "\n\n") + m.text(), m.sentAt(), null))
                .toList();
        return new Fetched(items, null, null, batch.cursor());
    }
}
