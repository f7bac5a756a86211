package de.kontor.mail.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.stream.PostPublishing;

/**
 * Handles one incoming mail: a reply to a notification becomes a comment, a mail to a space's address becomes a
 * post, anything wrong is answered politely and stored nowhere. Each mail is recorded by Message-ID in the same
 * transaction as its effect, so it is never handled twice. Auto-replies are ignored and never answered (no mail
 * loops); delivery reports (DSN) mark the failed addresses as bouncing; malformed mails are skipped and recorded.
 */
@Service
class InboundProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);
    private static final Pattern FINAL_RECIPIENT = Pattern.compile(
            "^Final-Recipient:\\s*rfc822;\\s*<?([^\\s<>]+@[^\\s<>]+)>?", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern ACTION_FAILED = Pattern.compile("^Action:\\s*failed", Pattern.CASE_INSENSITIVE
            | Pattern.MULTILINE);
    private static final Set<String> ROBOTS = Set.of("mailer-daemon", "postmaster", "noreply", "no-reply",
            "donotreply", "do-not-reply");

    enum Kind { REPLY, SPACE }

    /** The Kontor address a mail was sent to: {@code reply+TOKEN@domain} or {@code space+TOKEN@domain}. */
    record Target(Kind kind, String token) {
    }

    record Attachment(String name, long size) {
    }

    /** The readable parts of a mail. */
    record Content(String text, List<Attachment> attachments) {
        long attachmentBytes() {
            return attachments.stream().mapToLong(Attachment::size).sum();
        }
    }

    private final InboundRepository inbound;
    private final OutboxRepository addresses;
    private final MailOutbox outbox;
    private final MailTokens tokens;
    private final MailSettings settings;
    private final IdentityApi identity;
    private final PostPublishing publishing;
    private final MailTexts texts;
    private final TransactionTemplate tx;

    InboundProcessor(InboundRepository inbound, OutboxRepository addresses, MailOutbox outbox, MailTokens tokens,
                     MailSettings settings, IdentityApi identity, PostPublishing publishing, MailTexts texts,
                     TransactionTemplate tx) {
        this.inbound = inbound;
        this.addresses = addresses;
        this.outbox = outbox;
        this.tokens = tokens;
        this.settings = settings;
        this.identity = identity;
        this.publishing = publishing;
        this.texts = texts;
        this.tx = tx;
    }

    /**
     * Handles the mail unless it was handled before. A rule of the stream refusing the comment or post (not a
     * member any more, archived space, empty text) is answered; any other failure propagates and the mail is
     * tried again at the next poll.
     */
    void handle(MimeMessage mail) {
        String id = messageId(mail);
        if (inbound.handled(id)) {
            return;
        }
        String sender = sender(mail);
        try {
            tx.executeWithoutResult(s -> {
                if (!inbound.handled(id)) {
                    inbound.record(id, sender, act(mail, sender));
                }
            });
        } catch (DomainException refused) {
            tx.executeWithoutResult(s -> {
                if (!inbound.handled(id)) {
                    Locale locale = localeOf(sender);
                    answer(sender, subject(mail), locale, "mail.answer.refused", reason(refused, locale));
                    inbound.record(id, sender, "refused: " + refused.messageKey());
                }
            });
        }
    }

    /** What the mail causes; returns the outcome recorded with it. */
    private String act(MimeMessage mail, String sender) {
        if (sender == null) {
            log.info("Incoming mail without a usable sender skipped");
            return "malformed: no sender";
        }
        if (automatic(mail)) {
            return "ignored: automatic reply";
        }
        if (isReport(mail)) {
            return bounce(mail);
        }
        if (robot(sender)) {
            return "ignored: robot sender";
        }
        Optional<Target> target = target(mail);
        if (target.isEmpty()) {
            return "ignored: no Kontor address";
        }
        Content content;
        try {
            content = content(mail);
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Malformed incoming mail from {} skipped: {}", sender, e.toString());
            return "malformed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Locale locale = localeOf(sender);
        if (content.attachmentBytes() > settings.maxAttachmentSize().toBytes()) {
            answer(sender, subject(mail), locale, "mail.answer.tooLarge",
                    settings.maxAttachmentSize().toMegabytes());
            return "rejected: attachments too large";
        }
        return target.get().kind() == Kind.REPLY
                ? reply(mail, sender, target.get().token(), content)
                : post(mail, sender, target.get().token(), content);
    }

    private String reply(MimeMessage mail, String sender, String token, Content content) {
        MailTokens.ReplyCheck check = tokens.verifyReply(token, Instant.now());
        Locale locale = localeOf(sender);
        if (check.check() != MailTokens.Check.VALID) {
            answer(sender, subject(mail), locale, check.check() == MailTokens.Check.EXPIRED
                    ? "mail.answer.expired" : "mail.answer.badToken");
            return "rejected: " + check.check().name().toLowerCase(Locale.ROOT) + " reply token";
        }
        Optional<KontorUser> user = identity.principal(check.reply().userId()).filter(KontorUser::active);
        if (user.isEmpty()) {
            answer(sender, subject(mail), locale, "mail.answer.badToken");
            return "rejected: unknown person";
        }
        if (!user.get().email().equalsIgnoreCase(sender)) {
            answer(sender, subject(mail), locale, "mail.answer.wrongSender");
            return "rejected: sender is not the recipient";
        }
        String text = withAttachmentNote(content, MailTexts.locale(user.get()));
        if (text.isBlank()) {
            answer(sender, subject(mail), locale, "mail.answer.empty");
            return "rejected: empty";
        }
        long commentId = publishing.comment(user.get(), check.reply().postId(), text);
        return "comment " + commentId + " on post " + check.reply().postId();
    }

    private String post(MimeMessage mail, String sender, String token, Content content) {
        Locale locale = localeOf(sender);
        Optional<Long> spaceId = inbound.spaceByToken(token.toLowerCase(Locale.ROOT));
        Optional<KontorUser> user = identity.findByEmail(sender).flatMap(s -> identity.principal(s.id()))
                .filter(KontorUser::active);
        if (spaceId.isEmpty() || user.isEmpty()) {
            answer(sender, subject(mail), locale, "mail.answer.unknownSpace");
            return spaceId.isEmpty() ? "rejected: unknown space address" : "rejected: unknown sender";
        }
        String subject = subject(mail).replace("*", "").strip();
        String body = withAttachmentNote(content, MailTexts.locale(user.get()));
        String markdown = (subject.isEmpty() ? "" : "**" + subject + "**\n\n") + body;
        if (markdown.isBlank()) {
            answer(sender, subject(mail), locale, "mail.answer.empty");
            return "rejected: empty";
        }
        long postId = publishing.publish(user.get(), spaceId.get(), markdown.strip()).id();
        return "post " + postId + " in space " + spaceId.get();
    }

    /** Attachments are not imported (yet): their names are listed at the end of the text. */
    private String withAttachmentNote(Content content, Locale locale) {
        if (content.attachments().isEmpty()) {
            return content.text();
        }
        String names = String.join(", ", content.attachments().stream().map(Attachment::name).toList());
        return (content.text() + "\n\n" + texts.t(locale, "mail.attachmentsNotImported",
                content.attachments().size(), names)).strip();
    }

    /** RFC 3834 and the headers of common autoresponders: such mails are never answered. */
    static boolean automatic(MimeMessage mail) {
        try {
            String submitted = mail.getHeader("Auto-Submitted", ",");
            if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
                return true;
            }
            if (mail.getHeader("X-Autoreply") != null || mail.getHeader("X-Autorespond") != null
                    || mail.getHeader("X-Autoreply-From") != null) {
                return true;
            }
            String precedence = mail.getHeader("Precedence", ",");
            return precedence != null && Set.of("bulk", "auto_reply", "junk")
                    .contains(precedence.strip().toLowerCase(Locale.ROOT));
        } catch (MessagingException e) {
            return true;
        }
    }

    private static boolean isReport(MimeMessage mail) {
        try {
            return mail.isMimeType("multipart/report");
        } catch (MessagingException e) {
            return false;
        }
    }

    /** A delivery status notification: every failed final recipient is marked as bouncing. */
    private String bounce(MimeMessage mail) {
        Set<String> failed = new LinkedHashSet<>();
        try {
            if (mail.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    Part part = parts.getBodyPart(i);
                    if (part.isMimeType("message/delivery-status")) {
                        String status = read(part.getInputStream());
                        if (ACTION_FAILED.matcher(status).find()) {
                            Matcher m = FINAL_RECIPIENT.matcher(status);
                            while (m.find()) {
                                failed.add(m.group(1).toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        } catch (MessagingException | IOException e) {
            log.warn("Unreadable delivery report skipped: {}", e.toString());
            return "malformed: delivery report";
        }
        failed.forEach(a -> addresses.block(a, "BOUNCING", "delivery report: failed"));
        return failed.isEmpty() ? "ignored: delivery report without failures" : "bounce: " + String.join(", ", failed);
    }

    private Optional<Target> target(MimeMessage mail) {
        List<String> candidates = new ArrayList<>();
        try {
            Address[] recipients = mail.getAllRecipients();
            if (recipients != null) {
                for (Address a : recipients) {
                    if (a instanceof InternetAddress ia) {
                        candidates.add(ia.getAddress());
                    }
                }
            }
            for (String header : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
                String[] values = mail.getHeader(header);
                if (values != null) {
                    candidates.addAll(List.of(values));
                }
            }
        } catch (MessagingException e) {
            return Optional.empty();
        }
        String domain = settings.replyDomain().strip().toLowerCase(Locale.ROOT);
        for (String raw : candidates) {
            String address = raw.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
            int at = address.lastIndexOf('@');
            if (at < 0 || !address.substring(at + 1).equals(domain)) {
                continue;
            }
            String local = address.substring(0, at);
            if (local.startsWith("reply+")) {
                return Optional.of(new Target(Kind.REPLY, local.substring(6)));
            }
            if (local.startsWith("space+")) {
                return Optional.of(new Target(Kind.SPACE, local.substring(6)));
            }
        }
        return Optional.empty();
    }

    /** The new text (plain part preferred, else the HTML part as text) and the attachments' names and sizes. */
    static Content content(MimeMessage mail) throws MessagingException, IOException {
        List<Attachment> attachments = new ArrayList<>();
        String[] plain = new String[1];
        String[] html = new String[1];
        walk(mail, attachments, plain, html);
        String text = plain[0] != null ? plain[0] : html[0] != null ? MailText.fromHtml(html[0]) : "";
        return new Content(MailText.newContent(text), attachments);
    }

    private static void walk(Part part, List<Attachment> attachments, String[] plain, String[] html)
            throws MessagingException, IOException {
        String fileName = part.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (fileName != null
                && !part.isMimeType("multipart/*"))) {
            attachments.add(new Attachment(fileName == null ? "attachment" : fileName, size(part)));
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException("multipart without parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), attachments, plain, html);
            }
        } else if (part.isMimeType("text/plain") && plain[0] == null) {
            plain[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && html[0] == null) {
            html[0] = String.valueOf(part.getContent());
        }
    }

    private static long size(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private void answer(String to, String subject, Locale locale, String reasonKey, Object... args) {
        if (to == null || robot(to) || to.equalsIgnoreCase(settings.sender())) {
            return;
        }
        String heading = texts.t(locale, "mail.answer.heading");
        MailBodies body = new MailBodies(locale.getLanguage()).heading(heading)
                .paragraph(texts.t(locale, reasonKey, args))
                .paragraph(texts.t(locale, "mail.answer.signoff"));
        Long userId = identity.findByEmail(to).map(UserSummary::id).orElse(null);
        outbox.enqueue(new OutgoingMail(userId, to, OutgoingMail.Kind.ANSWER,
                subject.isBlank() ? heading : "Re: " + subject, body.text(), body.html(), null, null, true));
    }

    private String reason(DomainException e, Locale locale) {
        String key = e instanceof DomainException.Invalid invalid && !invalid.errors().isEmpty()
                ? invalid.errors().getFirst().messageKey() : e.messageKey();
        return key == null ? texts.t(locale, "mail.answer.notAllowed") : texts.t(locale, key, e.args());
    }

    private Locale localeOf(String sender) {
        return sender == null ? Locale.ENGLISH : identity.findByEmail(sender)
                .flatMap(s -> identity.principal(s.id())).map(MailTexts::locale).orElse(Locale.ENGLISH);
    }

    private static boolean robot(String address) {
        String local = address.substring(0, Math.max(0, address.indexOf('@'))).toLowerCase(Locale.ROOT);
        return ROBOTS.contains(local) || local.startsWith("bounce") || local.startsWith("reply+")
                || local.startsWith("space+");
    }

    private static String sender(MimeMessage mail) {
        try {
            Address[] from = mail.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null
                    && ia.getAddress().contains("@")) {
                return ia.getAddress().strip().toLowerCase(Locale.ROOT);
            }
        } catch (AddressException e) {
            return null;
        } catch (MessagingException e) {
            return null;
        }
        return null;
    }

    private static String subject(MimeMessage mail) {
        try {
            String s = mail.getSubject();
            return s == null ? "" : s.replaceAll("(?i)^((re|aw|fwd?|wg)\\s*:\\s*)+", "").strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The Message-ID, or for a mail without one a digest of its headers and body. */
    static String messageId(MimeMessage mail) {
        try {
            String id = mail.getMessageID();
            if (id != null && !id.isBlank()) {
                String trimmed = id.strip();
                return trimmed.length() > 400 ? trimmed.substring(0, 400) : trimmed;
            }
        } catch (MessagingException e) {
            log.debug("No Message-ID readable: {}", e.toString());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Enumeration<String> lines = mail.getAllHeaderLines();
            while (lines.hasMoreElements()) {
                sha.update(lines.nextElement().getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream raw = mail.getRawInputStream()) {
                sha.update(raw.readAllBytes());
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | MessagingException | IOException e) {
            throw new IllegalStateException("cannot identify an incoming mail", e);
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
