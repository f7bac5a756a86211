package de.kontor.mail.internal;

/**
 * A mail to be sent; {@code userId} null for answers to people Kontor does not know. {@code replyTo} and
 * {@code unsubscribeUrl} are optional headers; {@code autoReply} marks answers to incoming mail (RFC 3834).
 */
record OutgoingMail(Long userId, String to, Kind kind, String subject, String text, String html, String replyTo,
                    String unsubscribeUrl, boolean autoReply) {

    enum Kind { NOTIFICATION, DIGEST, ANSWER }
}
