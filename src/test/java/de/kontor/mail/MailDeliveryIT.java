package de.kontor.mail;

import static de.kontor.mail.MailFlowsIT.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Digests, an SMTP outage, post-by-email, bounces and broken mail, against GreenMail. */
class MailDeliveryIT extends AbstractMailIT {

    @Test
    void digestHoldsOnlyWhatThePersonMayStillRead() throws Exception {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestSpace left = data.space("PRIVATE", author);
        TestSpace kept = data.space("PUBLIC", author);
        data.addMember(left, reader, "MEMBER");
        data.addMember(kept, reader, "MEMBER");
        post(author, left, "Vertraulich: Angebot Kunde Nordlicht");
        post(author, kept, "Neue Schichtpläne für Halle 3");
        Http saved = login(reader).post("/settings/email", Map.of("frequency", "WEEKLY", "hour", "7",
                "zone", "Europe/Berlin"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(login(reader).post("/spaces/" + left.id() + "/leave", Map.of()).status()).isEqualTo(302);

        data.jdbc().sql("update mail_digest_preferences set next_due_at = now() - interval '1 second' where user_id = :u")
                .param("u", reader.id()).update();
        MimeMessage digest = eventually().until(() -> mailsTo(reader.email()), l -> !l.isEmpty()).getFirst();
        assertThat(text(digest)).contains("Neue Schichtpläne für Halle 3").doesNotContain("Nordlicht");
        assertThat(digest.getHeader("List-Unsubscribe", null)).contains("/mail/unsubscribe/");
        assertThat(data.jdbc().sql("select next_due_at > now() + interval '1 hour' from mail_digest_preferences "
                + "where user_id = :u").param("u", reader.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void mailsWaitOutAnSmtpOutage() throws Exception {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, reader, "MEMBER");
        assertThat(login(reader).post("/settings/notifications", Map.of("email.MENTIONED", "on")).status())
                .isEqualTo(302);
        MAIL.stop();
        try {
            post(author, space, "Während des Ausfalls @[" + reader.displayName() + "](user:" + reader.id() + ")");
            eventually().until(() -> data.jdbc().sql("""
                            select count(*) from mail_outbox where user_id = :u and status = 'PENDING'
                            and attempts >= 1 and last_error is not null""")
                    .param("u", reader.id()).query(Integer.class).single() == 1);
        } finally {
            MAIL.start();
            MAIL.setUser("inbox@" + REPLY_DOMAIN, INBOX_LOGIN, INBOX_PASSWORD);
        }
        MimeMessage mail = eventually().until(() -> mailsTo(reader.email()), l -> !l.isEmpty()).getFirst();
        assertThat(text(mail)).contains("Während des Ausfalls");
        assertThat(mailsTo(reader.email())).hasSize(1);
    }

    @Test
    void mailToTheSpaceAddressBecomesAPostOnlyForMembers() throws Exception {
        TestUser owner = data.member();
        TestUser member = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        data.addMember(space, member, "MEMBER");
        assertThat(login(member).get("/spaces/" + space.id() + "/email").body()).doesNotContain("space+");
        assertThat(login(member).post("/spaces/" + space.id() + "/email", Map.of()).status()).isEqualTo(403);
        // a private space is visible but not readable to others: 403, like its other pages
        assertThat(login(outsider).get("/spaces/" + space.id() + "/email").status()).isEqualTo(403);
        TestSpace secret = data.space("SECRET", owner);
        assertThat(login(outsider).get("/spaces/" + secret.id() + "/email").status()).isEqualTo(404);
        assertThat(login(owner).post("/spaces/" + space.id() + "/email", Map.of()).status()).isEqualTo(302);
        Matcher m = Pattern.compile("space\\+[0-9a-f]+@" + Pattern.quote(REPLY_DOMAIN))
                .matcher(login(member).get("/spaces/" + space.id() + "/email").body());
        assertThat(m.find()).isTrue();
        String address = m.group();

        MimeMessage mail = newMail();
        mail.setFrom(new InternetAddress(member.email()));
        mail.setRecipients(Message.RecipientType.TO, address);
        mail.setSubject("Wartung Halle 3", "UTF-8");
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Die Wartung ist am Montag.\n\n-- \nGruß, Team", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent("%PDF-1.4 klein".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        pdf.setFileName("plan.pdf");
        mixed.addBodyPart(text);
        mixed.addBodyPart(pdf);
        mail.setContent(mixed);
        deliver(mail);

        MimeMessage fromOutsider = newMail();
        fromOutsider.setFrom(new InternetAddress(outsider.email()));
        fromOutsider.setRecipients(Message.RecipientType.TO, address);
        fromOutsider.setSubject("Darf ich?");
        fromOutsider.setText("Ich bin kein Mitglied.");
        deliver(fromOutsider);

        MimeMessage huge = newMail();
        huge.setFrom(new InternetAddress(member.email()));
        huge.setRecipients(Message.RecipientType.TO, address);
        huge.setSubject("Großer Anhang");
        MimeMultipart big = new MimeMultipart();
        MimeBodyPart hugeText = new MimeBodyPart();
        hugeText.setText("Siehe Anhang");
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(new byte[200 * 1024], "application/octet-stream");
        file.setFileName("scan.bin");
        big.addBodyPart(hugeText);
        big.addBodyPart(file);
        huge.setContent(big);
        deliver(huge);

        String stream = eventually().until(() -> api(owner).get("/api/v1/streams/spaces/" + space.id()).body(),
                b -> b.contains("Wartung Halle 3"));
        assertThat(stream).contains("Die Wartung ist am Montag.").contains("plan.pdf").doesNotContain("Gruß, Team")
                .doesNotContain("kein Mitglied").doesNotContain("Siehe Anhang");
        MimeMessage refused = eventually().until(() -> mailsTo(outsider.email()), l -> !l.isEmpty()).getFirst();
        assertThat(refused.getSubject()).isEqualTo("Re: Darf ich?");
        MimeMessage tooLarge = eventually().until(() -> mailsTo(member.email()), l -> !l.isEmpty()).getFirst();
        assertThat(tooLarge.getSubject()).isEqualTo("Re: Großer Anhang");
        assertThat(text(tooLarge)).contains("MB");
    }

    @Test
    void deliveryReportsMarkTheAddressBouncingAndNothingMoreIsSent() throws Exception {
        TestUser author = data.member();
        TestUser gone = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, gone, "MEMBER");
        assertThat(login(gone).post("/settings/notifications", Map.of("email.MENTIONED", "on")).status())
                .isEqualTo(302);
        String dsn = """
                From: MAILER-DAEMON@mx.example.test
                To: kontor@%1$s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%2$s@mx.example.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.test

                Final-Recipient: rfc822; %3$s
                Action: failed
                Status: 5.1.1
                --b1--
                """.formatted(REPLY_DOMAIN, TestData.unique("dsn"), gone.email().toUpperCase());
        deliver(raw(dsn));
        eventually().until(() -> data.jdbc().sql("select status from mail_addresses where address = lower(:a)")
                .param("a", gone.email()).query(String.class).optional().orElse(""), "BOUNCING"::equals);

        post(author, space, "Noch da? @[" + gone.displayName() + "](user:" + gone.id() + ")");
        eventually().until(() -> data.jdbc().sql("select count(*) from mail_outbox where user_id = :u and status = 'SUPPRESSED'")
                .param("u", gone.id()).query(Integer.class).single() == 1);
        assertThat(mailsTo(gone.email())).isEmpty();
        String admin = login(data.admin()).get("/admin/mail").body();
        assertThat(admin).contains(gone.email().toLowerCase()).contains("count-SUPPRESSED");
        assertThat(login(gone).get("/settings/email").body()).contains(gone.email());
    }

    @Test
    void malformedMailIsSkippedAndRecorded() throws Exception {
        TestUser member = data.member();
        String id = TestData.unique("broken") + "@mail.test";
        deliver(raw("""
                From: %s
                To: reply+abc-def-ghi-0123456789abcdef0123@%s
                Subject: kaputt
                Message-ID: <%s>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="nirgends"

                Dieser Text ist kein Multipart.
                """.formatted(member.email(), REPLY_DOMAIN, id)));
        String outcome = eventually().until(() -> data.jdbc().sql("select outcome from mail_inbound where message_id = :m")
                .param("m", "<" + id + ">").query(String.class).optional().orElse(""), o -> !o.isEmpty());
        assertThat(outcome).startsWith("malformed");
        assertThat(mailsTo(member.email())).isEmpty();
    }

    private void post(TestUser author, TestSpace space, String body) {
        Http created = api(author).post("/api/v1/posts", "{\"spaceId\":\"" + space.id() + "\",\"body\":\""
                + body.replace("\"", "\\\"") + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static MimeMessage raw(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }
}
