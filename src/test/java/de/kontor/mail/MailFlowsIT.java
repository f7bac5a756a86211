package de.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** E-mail end to end against GreenMail: notification mails, unsubscribe, reply-by-email and what is refused. */
class MailFlowsIT extends AbstractMailIT {

    @Test
    void mentionSendsOneMailWhoseUnsubscribeLinkStopsTheNext() throws Exception {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, reader, "MEMBER");
        emailOn(reader, "MENTIONED");

        long postId = mention(author, space, reader, "Bitte prüfe die Zeichnung MX-500");
        List<MimeMessage> mails = eventually().until(() -> mailsTo(reader.email()), l -> !l.isEmpty());
        MimeMessage mail = mails.getFirst();
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(text(mail)).contains("Bitte prüfe die Zeichnung MX-500").contains("/posts/" + postId)
                .contains("/settings/notifications");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).startsWith("reply+").endsWith("@" + REPLY_DOMAIN);
        String unsubscribe = mail.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).startsWith("<http").endsWith(">");
        String path = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)).getPath();

        // GET only asks; the one-click POST (RFC 8058: no session, no CSRF token) switches the e-mail off
        assertThat(anonymous().get(path).body()).contains("form method=\"post\"");
        assertThat(onceClick(path).statusCode()).isEqualTo(200);
        assertThat(onceClick(path.replaceAll("[0-9a-f]{4}$", "0000")).statusCode()).isEqualTo(404);

        mention(author, space, reader, "Und noch eine Frage");
        // the second notification exists in Kontor, and nothing is on its way by mail
        eventually().until(() -> api(reader).get("/api/v1/notifications").json().get("items").size() == 2);
        eventually().until(() -> data.jdbc().sql("""
                select count(*) from event_publication
                where event_type like '%NotificationCreated' and completion_date is null""")
                .query(Integer.class).single() == 0);
        assertThat(outboxRows(reader)).isEqualTo(1);
        assertThat(mailsTo(reader.email())).hasSize(1);
    }

    @Test
    void replyByMailBecomesACommentWithoutQuoteAndSignature() throws Exception {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestSpace space = data.space("PRIVATE", author);
        data.addMember(space, reader, "MEMBER");
        emailOn(reader, "MENTIONED");
        long postId = mention(author, space, reader, "Wer übernimmt die Abnahme?");
        MimeMessage notification = eventually().until(() -> mailsTo(reader.email()), l -> !l.isEmpty()).getFirst();

        MimeMessage reply = replyTo(notification, reader.email());
        reply.setText("Ich übernehme die Abnahme am Freitag.\n\n-- \nLukas Brandt\nMuster Maschinenbau\n\n"
                + "Am 24.11.2026 um 10:00 schrieb Kontor:\n> Wer übernimmt die Abnahme?\n", "UTF-8");
        deliver(reply);

        eventually().until(() -> comments(author, postId).contains("Ich übernehme die Abnahme am Freitag."));
        String comments = comments(author, postId);
        assertThat(comments).contains("\"author\":{\"id\":\"" + reader.id() + "\"").doesNotContain("Lukas Brandt")
                .doesNotContain("schrieb");
    }

    @Test
    void htmlOnlyReplyIsConvertedToSafeText() throws Exception {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, reader, "MEMBER");
        emailOn(reader, "MENTIONED");
        long postId = mention(author, space, reader, "HTML-Test");
        MimeMessage notification = eventually().until(() -> mailsTo(reader.email()), l -> !l.isEmpty()).getFirst();

        MimeMessage reply = replyTo(notification, reader.email());
        reply.setContent("<html><body><p>Guten <b>Morgen</b>,</p><p>passt so.</p><script>alert('x')</script>"
                + "<blockquote>HTML-Test</blockquote></body></html>", "text/html; charset=UTF-8");
        deliver(reply);

        eventually().until(() -> comments(author, postId).contains("passt so."));
        String comments = comments(author, postId);
        assertThat(comments).contains("Guten Morgen,").doesNotContain("alert").doesNotContain("<script")
                .doesNotContain("<b>");
    }

    @Test
    void forgedTokenOrOtherSenderIsAnsweredAndNothingIsStored() throws Exception {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestUser stranger = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, reader, "MEMBER");
        emailOn(reader, "MENTIONED");
        long postId = mention(author, space, reader, "Gefälschte Antworten");
        MimeMessage notification = eventually().until(() -> mailsTo(reader.email()), l -> !l.isEmpty()).getFirst();
        String replyAddress = ((InternetAddress) notification.getReplyTo()[0]).getAddress();

        // a token naming another post, signed with a guessed signature
        String forgedAddress = replyAddress.replaceFirst("reply\\+[0-9a-z]+-[0-9a-z]+", "reply+"
                + Long.toString(reader.id(), 36) + "-" + Long.toString(postId + 1, 36));
        MimeMessage forged = newMail();
        forged.setFrom(new InternetAddress(reader.email()));
        forged.setRecipients(Message.RecipientType.TO, forgedAddress);
        forged.setSubject("Re: gefälscht");
        forged.setText("Das sollte nie erscheinen.");
        deliver(forged);

        // the right token, but from someone else's address
        MimeMessage other = replyTo(notification, stranger.email());
        other.setText("Ich bin nicht der Empfänger.");
        deliver(other);

        MimeMessage answer = eventually().until(() -> mailsTo(reader.email()), l -> l.size() == 2).get(1);
        assertThat(answer.getSubject()).isEqualTo("Re: gefälscht");
        assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        MimeMessage otherAnswer = eventually().until(() -> mailsTo(stranger.email()), l -> l.size() == 1).getFirst();
        assertThat(text(otherAnswer)).containsAnyOf("did not receive this notification",
                "diese Benachrichtigung nicht erhalten");
        assertThat(comments(author, postId)).doesNotContain("nie erscheinen").doesNotContain("nicht der Empfänger");
    }

    @Test
    void autoRepliesAreIgnoredAndNeverAnswered() throws Exception {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, reader, "MEMBER");
        emailOn(reader, "MENTIONED");
        long postId = mention(author, space, reader, "Urlaubsvertretung?");
        MimeMessage notification = eventually().until(() -> mailsTo(reader.email()), l -> !l.isEmpty()).getFirst();

        MimeMessage outOfOffice = replyTo(notification, reader.email());
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setText("Ich bin bis Montag nicht im Büro.");
        outOfOffice.setHeader("Message-ID", "<ooo-" + TestData.unique("x") + "@mail.test>");
        deliver(outOfOffice);
        MimeMessage vacation = replyTo(notification, reader.email());
        vacation.setHeader("X-Autoreply", "yes");
        vacation.setText("Abwesenheitsnotiz");
        vacation.setHeader("Message-ID", "<vac-" + TestData.unique("x") + "@mail.test>");
        deliver(vacation);

        eventually().until(() -> outcome(outOfOffice.getMessageID()) != null && outcome(vacation.getMessageID()) != null);
        assertThat(outcome(outOfOffice.getMessageID())).isEqualTo("ignored: automatic reply");
        assertThat(outcome(vacation.getMessageID())).isEqualTo("ignored: automatic reply");
        assertThat(comments(author, postId)).doesNotContain("nicht im Büro").doesNotContain("Abwesenheit");
        assertThat(mailsTo(reader.email())).hasSize(1);
    }

    @Test
    void commentMailQuotesTheComment() throws Exception {
        TestUser author = data.member();
        TestUser commenter = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, commenter, "MEMBER");
        emailOn(author, "COMMENT_ON_MY_POST");
        Http created = api(author).post("/api/v1/posts", "{\"spaceId\":\"" + space.id()
                + "\",\"body\":\"Toleranzen für Welle W-12\"}");
        long postId = Long.parseLong(created.json().get("id").asText());
        assertThat(api(commenter).post("/api/v1/posts/" + postId + "/comments",
                "{\"body\":\"Die Passung H7 ist zu eng.\"}").status()).isEqualTo(201);

        MimeMessage mail = eventually().until(() -> mailsTo(author.email()), l -> !l.isEmpty()).getFirst();
        assertThat(text(mail)).contains("Die Passung H7 ist zu eng.").contains("/posts/" + postId + "#comment-");
        assertThat(mail.getSubject()).contains(commenter.displayName());
    }

    // helpers

    private void emailOn(TestUser user, String type) {
        Http saved = login(user).post("/settings/notifications", Map.of("inApp." + type, "on", "email." + type, "on"));
        assertThat(saved.status()).isEqualTo(302);
    }

    private long mention(TestUser author, TestSpace space, TestUser who, String text) {
        String body = text + " @[" + who.displayName() + "](user:" + who.id() + ")";
        Http created = api(author).post("/api/v1/posts", "{\"spaceId\":\"" + space.id() + "\",\"body\":\""
                + body.replace("\"", "\\\"") + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.json().get("id").asText());
    }

    private String comments(TestUser viewer, long postId) {
        return api(viewer).get("/api/v1/posts/" + postId + "/comments").body();
    }

    private int outboxRows(TestUser user) {
        return data.jdbc().sql("select count(*) from mail_outbox where user_id = :u").param("u", user.id())
                .query(Integer.class).single();
    }

    private String outcome(String messageId) {
        return data.jdbc().sql("select outcome from mail_inbound where message_id = :m").param("m", messageId)
                .query(String.class).optional().orElse(null);
    }

    private HttpResponse<String> onceClick(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A reply to the notification from the given address, as a mail client writes it. */
    static MimeMessage replyTo(MimeMessage notification, String from) throws MessagingException {
        MimeMessage reply = newMail();
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, notification.getReplyTo());
        reply.setSubject("Re: " + notification.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", notification.getMessageID());
        reply.setHeader("Message-ID", "<" + TestData.unique("reply") + "@mail.test>");
        return reply;
    }

    /** The plain-text part of a mail. */
    static String text(MimeMessage mail) throws MessagingException, IOException {
        Object content = mail.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return String.valueOf(parts.getBodyPart(i).getContent());
                }
            }
        }
        return String.valueOf(content);
    }
}
