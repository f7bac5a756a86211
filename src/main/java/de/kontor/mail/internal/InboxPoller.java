package de.kontor.mail.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads the unseen mails of the configured IMAP folder (the cluster-wide job calls {@link #poll()}). Each mail is
 * handled and recorded first, then flagged \Seen: a crash in between leaves it unseen, and the next poll finds it
 * recorded and only flags it. A mail whose handling fails stays unseen and is tried again at the next poll.
 */
@Service
class InboxPoller {

    private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);
    private static final int BATCH = 50;

    private final MailSettings settings;
    private final InboundProcessor processor;

    InboxPoller(MailSettings settings, InboundProcessor processor) {
        this.settings = settings;
        this.processor = processor;
    }

    void poll() {
        if (!settings.incoming()) {
            return;
        }
        MailSettings.Imap imap = settings.imap();
        try (Store store = ImapStores.connect(imap, false)) {
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < Math.min(unseen.length, BATCH); i++) {
                    handle(unseen[i]);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("IMAP mailbox {}:{} not readable: {}", imap.host(), imap.port(), e.toString());
        }
    }

    private void handle(Message message) {
        try {
            // parsed here from the raw mail rather than from the server's view of its structure
            processor.handle(new MimeMessage((MimeMessage) message));
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Incoming mail {} left for the next poll: {}", message.getMessageNumber(), e.toString());
        }
    }
}
