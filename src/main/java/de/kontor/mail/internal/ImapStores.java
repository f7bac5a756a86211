package de.kontor.mail.internal;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Connects to the IMAP account of {@code kontor.mail.imap.*} with bounded timeouts; the caller closes the store. */
final class ImapStores {

    private ImapStores() {
    }

    /**
     * @param peek fetch bodies with {@code BODY.PEEK}, so that reading a mail does not mark it as read (for folders
     *             that people work in as well)
     */
    static Store connect(MailSettings.Imap imap, boolean peek) throws MessagingException {
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        props.put("mail." + protocol + ".peek", Boolean.toString(peek));
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        return store;
    }
}
