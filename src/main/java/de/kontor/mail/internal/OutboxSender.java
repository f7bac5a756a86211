package de.kontor.mail.internal;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox mails (the cluster-wide job calls {@link #sendDue()}). Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction, so a mail is sent by one node once; a crash
 * before the commit leaves it pending (sent again at worst, with the same Message-ID). A temporary SMTP failure
 * retries with exponential back-off; a permanent one (5xx) marks the address FAILED and stops further mail to it.
 */
@Service
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** Jakarta Mail's SMTP failures carry the server's reply ("550 5.1.1 User unknown") as their message. */
    private static final Pattern SMTP_REPLY = Pattern.compile("^\\s*([2-5]\\d\\d)[\\s-]");

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailOutbox switchboard;
    private final MailSettings settings;
    private final TransactionTemplate tx;

    OutboxSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> senders, MailOutbox switchboard,
                 MailSettings settings, TransactionTemplate tx) {
        this.outbox = outbox;
        this.senders = senders;
        this.switchboard = switchboard;
        this.settings = settings;
        this.tx = tx;
    }

    void sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (!switchboard.enabled() || sender == null) {
            return;
        }
        authenticateWhenUserGiven(sender);
        Integer claimed;
        do {
            claimed = tx.execute(status -> {
                List<OutboxRepository.Queued> due = outbox.claimDue(BATCH);
                for (OutboxRepository.Queued mail : due) {
                    send(sender, mail);
                }
                return due.size();
            });
        } while (claimed != null && claimed == BATCH);
    }

    private void send(JavaMailSender sender, OutboxRepository.Queued mail) {
        if (outbox.blocked(mail.to())) {
            outbox.markFinal(mail.id(), "SUPPRESSED", "address failed or bounces");
            return;
        }
        try {
            sender.send(message(sender, mail));
            outbox.markSent(mail.id());
        } catch (MessagingException | UnsupportedEncodingException e) {
            outbox.markFinal(mail.id(), "FAILED", "cannot build the mail: " + e.getMessage());
        } catch (MailException e) {
            Integer code = smtpCode(e);
            String error = (code == null ? "" : code + " ") + rootMessage(e);
            if (code != null && code >= 500 && code < 600) {
                log.info("Mail {} to {} refused permanently: {}", mail.id(), mail.to(), error);
                outbox.markFinal(mail.id(), "FAILED", error);
                outbox.block(mail.to(), "FAILED", error);
            } else if (mail.attempts() + 1 >= settings.maxAttempts()) {
                outbox.markFinal(mail.id(), "FAILED", error);
            } else {
                outbox.retryLater(mail.id(), Instant.now().plus(backoff(mail.attempts())), error);
            }
        }
    }

    /** retry-base, doubled for each earlier attempt, at most six hours. */
    private Duration backoff(int attempts) {
        Duration d = settings.retryBase().multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private MimeMessage message(JavaMailSender sender, OutboxRepository.Queued mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage m = sender.createMimeMessage();
        m.setFrom(new InternetAddress(settings.sender(), "Kontor", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        if (mail.replyTo() != null) {
            m.setReplyTo(InternetAddress.parse(mail.replyTo(), true));
        }
        m.setSubject(mail.subject().replaceAll("[\\r\\n]+", " "), "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        alternative.addBodyPart(text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        m.setContent(alternative);
        if (mail.unsubscribeUrl() != null) {
            m.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        m.setHeader("Auto-Submitted", mail.autoReply() ? "auto-replied" : "auto-generated");
        m.saveChanges();
        // a stable id: a mail sent again after a crash is recognisable as the same mail
        m.setHeader("Message-ID", "<kontor-mail-" + mail.id() + "@" + domain() + ">");
        return m;
    }

    private String domain() {
        String sender = settings.sender();
        return sender.substring(sender.indexOf('@') + 1);
    }

    /** Spring passes a user name to the transport, but Jakarta Mail authenticates only with mail.smtp.auth. */
    private static void authenticateWhenUserGiven(JavaMailSender sender) {
        if (sender instanceof JavaMailSenderImpl impl && impl.getUsername() != null
                && !impl.getUsername().isBlank()) {
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.auth", "true");
        }
    }

    /** The SMTP reply code behind the failure, if the server gave one. */
    static Integer smtpCode(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof MessagingException && t.getMessage() != null) {
                Matcher reply = SMTP_REPLY.matcher(t.getMessage());
                if (reply.find()) {
                    return Integer.valueOf(reply.group(1));
                }
            }
            List<Throwable> next = new java.util.ArrayList<>();
            if (t instanceof MailSendException mse) {
                next.addAll(mse.getFailedMessages().values());
                next.addAll(List.of(mse.getMessageExceptions()));
            }
            if (t instanceof MessagingException me) {
                next.add(me.getNextException());
            }
            next.add(t.getCause());
            next.stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
