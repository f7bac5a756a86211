package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class InvitationIT extends AbstractIT {

    private static final Pattern LINK = Pattern.compile("/join/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "a long new password";

    private String invite(WebSession admin, String email, String role) {
        Http r = admin.post("/admin/invitations", Map.of("email", email, "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.body()).contains("shown only this once");
        Matcher m = LINK.matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private int count(String sql, String email) {
        return data.jdbc().sql(sql).param("e", email).query(Integer.class).single();
    }

    /** Signs in and opens a page first, as a browser does before submitting a form (the CSRF token is new). */
    @Override
    protected WebSession login(TestData.TestUser user) {
        WebSession s = super.login(user);
        s.get("/settings/password");
        return s;
    }

    @Test
    void inviteJoinAndSignInLater() {
        WebSession admin = login(data.admin());
        String email = TestData.unique("invited") + "@example.test";
        String token = invite(admin, email, "MEMBER");
        // only the hash is stored
        assertThat(count("select count(*) from user_invitations where token_hash = :e", token)).isZero();
        assertThat(admin.get("/admin/invitations").body()).contains(email);

        WebSession newcomer = anonymous();
        Http form = newcomer.get("/join/" + token);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(email).contains("name=\"passwordRepeat\"");

        Http tooShort = newcomer.post("/join/" + token, Map.of("displayName", "Nina Neu", "password", "short",
                "passwordRepeat", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("At least 10 characters");

        Http joined = newcomer.post("/join/" + token, Map.of("displayName", "Nina Neu", "password", NEW_PASSWORD,
                "passwordRepeat", NEW_PASSWORD));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(joined.location()).endsWith("/");
        // signed in right away
        assertThat(newcomer.get("/settings/password").status()).isEqualTo(200);
        assertThat(count("select count(*) from users where lower(email) = lower(:e) and role = 'MEMBER'", email))
                .isEqualTo(1);
        assertThat(count("select count(*) from user_invitations where lower(email) = lower(:e) "
                + "and accepted_at is not null", email)).isEqualTo(1);

        // and can sign in later with the chosen password
        WebSession later = WebSession.login(baseUrl(), email, NEW_PASSWORD);
        assertThat(later.get("/settings/password").status()).isEqualTo(200);

        // the link works once only
        Http reuse = anonymous().get("/join/" + token);
        assertThat(reuse.status()).isEqualTo(410);
        assertThat(reuse.body()).contains("already been used");
        WebSession attacker = anonymous();
        attacker.get("/login");
        assertThat(attacker.post("/join/" + token, Map.of("displayName", "Mallory", "password", NEW_PASSWORD,
                "passwordRepeat", NEW_PASSWORD)).status()).isEqualTo(410);
    }

    @Test
    void expiredRevokedAndUnknownLinks() {
        WebSession admin = login(data.admin());
        String email = TestData.unique("late") + "@example.test";
        String token = invite(admin, email, "GUEST");
        data.jdbc().sql("update user_invitations set expires_at = now() - interval '1 hour' where lower(email) = lower(:e)")
                .param("e", email).update();
        Http expired = anonymous().get("/join/" + token);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("has expired");

        String email2 = TestData.unique("revoked") + "@example.test";
        String token2 = invite(admin, email2, "MEMBER");
        long id = data.jdbc().sql("select id from user_invitations where lower(email) = lower(:e)")
                .param("e", email2).query(Long.class).single();
        Http revoke = admin.post("/admin/invitations/" + id + "/revoke", Map.of());
        assertThat(revoke.status()).isEqualTo(302);
        assertThat(admin.get("/admin/invitations").body()).doesNotContain(email2);
        assertThat(anonymous().get("/join/" + token2).status()).isEqualTo(410);

        Http unknown = anonymous().get("/join/this-token-does-not-exist");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("We do not know this link");
        assertThat(anonymous().language("de").get("/join/" + token).body()).contains("Diese Einladung ist abgelaufen");
    }

    @Test
    void invitingAnActiveMemberIsAConflict() {
        TestData.TestUser member = data.member();
        WebSession admin = login(data.admin());
        Http r = admin.post("/admin/invitations", Map.of("email", member.email().toUpperCase(), "role", "MEMBER"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("already belongs to an active account");

        Http api = api(data.admin()).post("/api/v1/admin/invitations",
                "{\"email\":\"" + member.email() + "\",\"role\":\"MEMBER\"}");
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void importedPersonWithoutPasswordCanBeInvitedAndKeepsTheirName() {
        String email = TestData.unique("imported") + "@example.test";
        data.jdbc().sql("insert into users (email, display_name, role) values (:e, 'Ida Import', 'MEMBER')")
                .param("e", email).update();
        WebSession admin = login(data.admin());
        String token = invite(admin, email, "MEMBER");
        WebSession ida = anonymous();
        assertThat(ida.get("/join/" + token).body()).contains("value=\"Ida Import\"");
        Http joined = ida.post("/join/" + token, Map.of("displayName", "Ida Import", "password", NEW_PASSWORD,
                "passwordRepeat", NEW_PASSWORD));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(count("select count(*) from users where lower(email) = lower(:e) and password_hash is not null",
                email)).isEqualTo(1);
        WebSession.login(baseUrl(), email, NEW_PASSWORD);
    }

    @Test
    void invitationsOverTheApi() {
        ApiClient admin = api(data.admin());
        String email = TestData.unique("api-invite") + "@example.test";
        Http created = admin.post("/api/v1/admin/invitations", "{\"email\":\"" + email + "\",\"role\":\"GUEST\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).contains("/api/v1/admin/invitations/");
        String id = created.json().get("id").asString();
        assertThat(created.json().get("role").asString()).isEqualTo("GUEST");
        assertThat(created.json().get("expiresAt").asString()).endsWith("Z");
        String url = created.json().get("url").asString();
        assertThat(url).startsWith("http://localhost:8080/join/");

        Http open = admin.get("/api/v1/admin/invitations");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains(email).doesNotContain(url);

        assertThat(admin.delete("/api/v1/admin/invitations/" + id).status()).isEqualTo(204);
        assertThat(anonymous().get(url.substring(url.indexOf("/join/"))).status()).isEqualTo(410);
        assertThat(admin.delete("/api/v1/admin/invitations/999999999").status()).isEqualTo(404);

        Http invalid = admin.post("/api/v1/admin/invitations", "{\"email\":\"not-an-address\",\"role\":\"MEMBER\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        Http member = api(data.member()).post("/api/v1/admin/invitations",
                "{\"email\":\"x-" + email + "\",\"role\":\"MEMBER\"}");
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.header("Content-Type")).startsWith("application/problem+json");
    }
}
