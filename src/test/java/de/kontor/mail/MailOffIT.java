package de.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Without an SMTP host (the default) mail is off: admins are told, nothing is queued. */
class MailOffIT extends AbstractIT {

    @Test
    void adminsSeeThatMailIsOffAndNothingIsQueued() {
        TestUser author = data.member();
        TestUser reader = data.member();
        TestSpace space = data.space("PUBLIC", author);
        data.addMember(space, reader, "MEMBER");
        assertThat(login(reader).post("/settings/notifications", Map.of("inApp.MENTIONED", "on",
                "email.MENTIONED", "on")).status()).isEqualTo(302);
        assertThat(api(author).post("/api/v1/posts", "{\"spaceId\":\"" + space.id() + "\",\"body\":\"Hallo @["
                + reader.displayName() + "](user:" + reader.id() + ")\"}").status()).isEqualTo(201);
        org.awaitility.Awaitility.await().until(() -> api(reader).get("/api/v1/notifications/unread-count").json()
                .get("unreadCount").asInt() == 1);

        org.awaitility.Awaitility.await().until(() -> data.jdbc().sql("""
                select count(*) from event_publication
                where event_type like '%NotificationCreated' and completion_date is null""")
                .query(Integer.class).single() == 0);
        String page = login(data.admin()).get("/admin/mail").body();
        assertThat(page).contains("KONTOR_SMTP_HOST");
        assertThat(login(reader).get("/settings/email").status()).isEqualTo(200);
        assertThat(login(reader).get("/admin/mail").status()).isEqualTo(403);
        assertThat(api(reader).put("/api/v1/mail/digest", "{\"frequency\":\"DAILY\",\"hour\":6,"
                + "\"zone\":\"Europe/Berlin\"}").json().get("frequency").asText()).isEqualTo("DAILY");
        assertThat(api(reader).get("/api/v1/mail/digest").json().get("hour").asInt()).isEqualTo(6);
        assertThat(api(reader).put("/api/v1/mail/digest", "{\"frequency\":\"HOURLY\",\"hour\":6,"
                + "\"zone\":\"Mars/Olympus\"}").status()).isEqualTo(422);
        assertThat(data.jdbc().sql("select count(*) from mail_outbox where user_id = :u").param("u", reader.id())
                .query(Integer.class).single()).isZero();
    }
}
