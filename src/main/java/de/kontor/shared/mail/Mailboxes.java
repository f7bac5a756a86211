package de.kontor.shared.mail;

import java.time.Instant;
import java.util.List;

/**
 * Read access to folders of the configured IMAP mailbox for other modules (social media monitoring listens to a
 * shared support folder); implemented by the mail module. It lives in {@code shared} because the mail module itself
 * depends on notify, which listens to monitoring: a monitoring → mail dependency would close that circle. Strictly read-only: nothing is flagged, moved or deleted, so the people working in the
 * same mailbox see it unchanged. Progress is a cursor ({@code UIDVALIDITY:last UID}) that the caller stores together
 * with what it made of the mails, so a failed step simply reads the same mails again.
 */
public interface Mailboxes {

    /** One mail as plain text: quoted replies and signatures cut, HTML-only mails converted. */
    record Item(String messageId, String from, String subject, String text, Instant sentAt) {
    }

    /** The mails after the cursor (oldest first) and the cursor after the last of them. */
    record Batch(List<Item> items, String cursor) {
    }

    /** The mailbox cannot be read: incoming mail is not configured, or the server or folder refused. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** Whether incoming mail (the IMAP account) is configured at all. */
    boolean configured();

    /**
     * Up to {@code max} mails of {@code folder} that arrived after {@code cursor} (null: from the start). A mail that
     * cannot be parsed is skipped (and logged) but counts as read. Throws {@link Unavailable}.
     */
    Batch readAfter(String folder, String cursor, int max);
}
