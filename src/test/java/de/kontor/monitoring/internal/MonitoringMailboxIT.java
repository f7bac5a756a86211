package de.kontor.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;

/**
 * A folder of the company mailbox as a monitoring source, against GreenMail's IMAP server on loopback: new mails
 * become mentions (topic match, sentiment, sender as handle), the mailbox is left untouched (no flags), a second poll
 * brings nothing twice, and a missing folder is a source error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringMailboxIT extends AbstractIT {

    static final String LOGIN = "support";
    static final String PASSWORD = "support-secret";
    static final int IMAP_PORT = freePort();
    static final GreenMail MAIL = new GreenMail(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    private static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA_DIR::toString);
        registry.add("kontor.mail.imap.host", () -> "127.0.0.1");
        registry.add("kontor.mail.imap.port", () -> IMAP_PORT);
        registry.add("kontor.mail.imap.username", () -> LOGIN);
        registry.add("kontor.mail.imap.password", () -> PASSWORD);
        registry.add("kontor.mail.imap.ssl", () -> "false");
        registry.add("kontor.mail.imap.poll-interval", () -> "1h");
        registry.add("kontor.monitoring.poll-interval", () -> "1h");
        registry.add("kontor.monitoring.check-interval", () -> "1h");
    }

    @Autowired
    Poller poller;

    private ApiClient api;

    @BeforeAll
    void start() throws MessagingException {
        MAIL.start();
        MAIL.setUser("support@muster.test", LOGIN, PASSWORD);
        try (Store store = store()) {
            store.getFolder("Support").create(Folder.HOLDS_MESSAGES);
        }
        api = api(data.admin());
    }

    @AfterAll
    void stop() {
        MAIL.stop();
    }

    @BeforeEach
    void nothingDueFromEarlierTests() {
        data.jdbc().sql("update monitoring_sources set enabled = false").update();
    }

    private static Store store() throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP_PORT, LOGIN, PASSWORD);
        return store;
    }

    private static void file(String folder, String from, String subject, String text) throws MessagingException {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(Message.RecipientType.TO, "support@muster.test");
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        try (Store store = store()) {
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_WRITE);
            f.appendMessages(new Message[]{mail});
            f.close(false);
        }
    }

    private static int seen(String folder) throws MessagingException {
        try (Store store = store()) {
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            int n = 0;
            for (Message m : f.getMessages()) {
                n += m.isSet(Flags.Flag.SEEN) ? 1 : 0;
            }
            f.close(false);
            return n;
        }
    }

    private long source(String folder) {
        Http r = api.post("/api/v1/monitoring/sources", """
                {"kind":"MAILBOX","name":"%s","target":"%s","intervalMinutes":15}"""
                .formatted(TestData.unique("Support"), folder));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Long.parseLong(r.json().path("id").asString());
    }

    private void makeDue(long sourceId) {
        data.jdbc().sql("update monitoring_sources set next_fetch_at = now() - interval '1 second' where id = :id")
                .param("id", sourceId).update();
    }

    private List<Map<String, Object>> mentions(long sourceId) {
        return data.jdbc().sql("select author, text, sentiment, url from monitoring_mentions where source_id = :s "
                + "order by id").param("s", sourceId).query().listOfRows();
    }

    @Test
    void newMailsOfTheFolderBecomeMentionsAndTheMailboxStaysUntouched() throws Exception {
        String word = TestData.unique("Spindel").replaceAll("[^A-Za-z0-9]", "");
        Http topic = api.post("/api/v1/monitoring/topics", """
                {"name":"%s","query":"%s","slaHours":4}""".formatted(TestData.unique("Topic"), word));
        assertThat(topic.status()).as(topic.body()).isEqualTo(201);
        file("Support", "kunde@berger-automotive.test", "Reklamation " + word,
                "Die " + word + " ist leider schon wieder defekt. Sehr ärgerlich.\n\n> altes Zitat\n\n-- \nM. Kunde");
        file("Support", "info@newsletter.test", "Newsletter", "Nichts zum Thema");

        long source = source("Support");
        poller.pollDue();
        List<Map<String, Object>> heard = mentions(source);
        assertThat(heard).hasSize(1);
        assertThat(heard.getFirst().get("author")).isEqualTo("kunde@berger-automotive.test");
        assertThat((String) heard.getFirst().get("text")).contains("Reklamation " + word).contains("defekt")
                .doesNotContain("altes Zitat").doesNotContain("M. Kunde");
        assertThat(heard.getFirst().get("sentiment")).isEqualTo("NEGATIVE");
        assertThat(heard.getFirst().get("url")).isNull();
        // read-only: nobody's unread mails turned read
        assertThat(seen("Support")).isZero();
        Map<String, Object> row = data.jdbc().sql("select since_id, failures from monitoring_sources where id = :id")
                .param("id", source).query().singleRow();
        assertThat((String) row.get("since_id")).matches("\\d+:2");
        assertThat((Integer) row.get("failures")).isZero();

        // the next poll reads only what came since
        file("Support", "einkauf@kunde.test", "Lob", "Die neue " + word + " läuft hervorragend, sehr zufrieden!");
        makeDue(source);
        poller.pollDue();
        heard = mentions(source);
        assertThat(heard).hasSize(2);
        assertThat(heard.get(1).get("sentiment")).isEqualTo("POSITIVE");
        makeDue(source);
        poller.pollDue();
        assertThat(mentions(source)).hasSize(2);
    }

    @Test
    void aMissingFolderIsASourceErrorAndBadInputIsRefused() {
        long source = source("Gibt-es-nicht");
        poller.pollDue();
        Map<String, Object> row = data.jdbc().sql("select failures, last_error from monitoring_sources where id = :id")
                .param("id", source).query().singleRow();
        assertThat((Integer) row.get("failures")).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("Gibt-es-nicht");

        Http bad = api.post("/api/v1/monitoring/sources", """
                {"kind":"MAILBOX","name":"Leer","target":"","intervalMinutes":15}""");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"target\"");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
