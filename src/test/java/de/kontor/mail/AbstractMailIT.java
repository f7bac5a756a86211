package de.kontor.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.shared.internal.JobRunner;
import de.kontor.support.AbstractIT;

/**
 * Base of the mail tests: one GreenMail (SMTP + IMAP on free loopback ports, fixed for the JVM so that a test can
 * stop and start it again) and one application context with short job intervals, shared by every mail test class.
 */
abstract class AbstractMailIT extends AbstractIT {

    static final String REPLY_DOMAIN = "reply.kontor.test";
    static final String INBOX_LOGIN = "kontor-inbox";
    static final String INBOX_PASSWORD = "inbox-secret";
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    static final GreenMail MAIL = new GreenMail(new ServerSetup[]{
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    private static final Path DATA_DIR = freshDataDir();

    static {
        MAIL.start();
        MAIL.setUser("inbox@" + REPLY_DOMAIN, INBOX_LOGIN, INBOX_PASSWORD);
    }

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA_DIR::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("kontor.mail.from", () -> "kontor@" + REPLY_DOMAIN);
        registry.add("kontor.mail.reply-domain", () -> REPLY_DOMAIN);
        registry.add("kontor.mail.send-interval", () -> "1s");
        registry.add("kontor.mail.retry-base", () -> "1s");
        registry.add("kontor.mail.digest-interval", () -> "1s");
        registry.add("kontor.mail.max-attachment-size", () -> "100KB");
        registry.add("kontor.mail.imap.host", () -> "127.0.0.1");
        registry.add("kontor.mail.imap.port", () -> IMAP_PORT);
        registry.add("kontor.mail.imap.username", () -> INBOX_LOGIN);
        registry.add("kontor.mail.imap.password", () -> INBOX_PASSWORD);
        registry.add("kontor.mail.imap.ssl", () -> "false");
        registry.add("kontor.mail.imap.poll-interval", () -> "1s");
    }

    @Autowired
    JobRunner jobs;

    /** Awaits a condition, asking the scheduler to look for due jobs at every poll (its own poll is 5 s). */
    ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
                .conditionEvaluationListener(c -> {
                    if (jobs.scheduler() != null) {
                        jobs.scheduler().triggerCheckForDueExecutions();
                    }
                });
    }

    /** Mails GreenMail received for the address. */
    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Puts a mail into Kontor's IMAP inbox as if a mail server had delivered it there. */
    static void deliver(MimeMessage mail) {
        MAIL.getUserManager().getUser(INBOX_LOGIN).deliver(mail);
    }

    static MimeMessage newMail() {
        return new MimeMessage(Session.getInstance(new Properties()));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
