package de.kontor.mail.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import de.kontor.shared.mail.Mailboxes;

/** {@link Mailboxes} over the IMAP account of {@code kontor.mail.imap.*}, opened read-only per call. */
@Service
class MailboxReader implements Mailboxes {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

    private final MailSettings settings;

    MailboxReader(MailSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean configured() {
        // only the IMAP account matters here; replies and posts by e-mail also need the reply domain
        return settings.imap() != null && settings.imap().enabled();
    }

    @Override
    public Batch readAfter(String folderName, String cursor, int max) {
        if (!configured()) {
            throw new Unavailable("no IMAP mailbox is configured (KONTOR_IMAP_HOST)");
        }
        MailSettings.Imap imap = settings.imap();
        try (Store store = ImapStores.connect(imap, true)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                throw new Unavailable("folder " + folderName + " does not exist");
            }
            folder.open(Folder.READ_ONLY);
            try {
                return read(folder, cursor, max);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new Unavailable("IMAP " + imap.host() + ":" + imap.port() + ": " + e.getMessage());
        }
    }

    private static Batch read(Folder folder, String cursor, int max) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        long after = 0;
        if (cursor != null && cursor.startsWith(validity + ":")) {
            after = Long.parseLong(cursor.substring(cursor.indexOf(':') + 1));
        }
        // "n:*" always includes the newest mail, even when its UID is below n: filter again
        Message[] found = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
        long from = after;
        List<Message> next = Arrays.stream(found).filter(m -> uid(uids, m) > from)
                .sorted(Comparator.comparingLong(m -> uid(uids, m))).limit(max).toList();
        List<Item> items = new ArrayList<>();
        long last = after;
        for (Message m : next) {
            last = uid(uids, m);
            try {
                MimeMessage mail = new MimeMessage((MimeMessage) m);
                InboundProcessor.Content content = InboundProcessor.content(mail);
                Instant sent = mail.getSentDate() != null ? mail.getSentDate().toInstant()
                        : m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : Instant.now();
                items.add(new Item(mail.getMessageID(), sender(mail), mail.getSubject() == null ? "" : mail.getSubject(),
                        content.text(), sent));
            } catch (MessagingException | IOException | RuntimeException e) {
                log.warn("Mail {} in folder {} skipped: {}", last, folder.getFullName(), e.toString());
            }
        }
        return new Batch(items, validity + ":" + last);
    }

    private static long uid(UIDFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sender(MimeMessage mail) throws MessagingException {
        Address[] from = mail.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        return from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
    }
}
