package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class UserAdministrationIT extends AbstractIT {

    private boolean signedIn(WebSession s) {
        return s.get("/settings/password").status() == 200;
    }

    /** Signs in and opens a page first, as a browser does before submitting a form (the CSRF token is new). */
    @Override
    protected WebSession login(TestData.TestUser user) {
        WebSession s = super.login(user);
        s.get("/settings/password");
        return s;
    }

    @Test
    void adminPagesListPeopleWithLastLogin() {
        TestData.TestUser member = data.member();
        login(member);
        WebSession admin = login(data.admin());
        Http start = admin.get("/admin");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("href=\"/admin/users\"").contains("href=\"/admin/invitations\"")
                .contains("href=\"/admin/units\"").contains("href=\"/admin/import\"")
                .contains("href=\"/admin/audit\"");

        Http list = admin.get("/admin/users?q=" + member.email().substring(0, member.email().indexOf('@'))
                + "&role=MEMBER&status=active");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(member.displayName()).contains(member.email())
                .contains("just now").doesNotContain(">Never<");
        assertThat(admin.language("de").get("/admin/users").body()).contains("Personen und Konten")
                .contains("Letzte Anmeldung");
        admin.language("en");
        Http none = admin.get("/admin/users?q=" + member.email() + "&role=GUEST");
        assertThat(none.body()).doesNotContain(member.displayName()).contains("No accounts match");
    }

    @Test
    void deactivationEndsSessionsAndTokensAtOnce() {
        TestData.TestUser member = data.member();
        WebSession memberSession = login(member);
        ApiClient memberApi = new ApiClient(baseUrl(), data.token(member, "read"));
        assertThat(signedIn(memberSession)).isTrue();
        assertThat(memberApi.get("/api/v1/tokens").status()).isEqualTo(200);

        TestData.TestUser adminUser = data.admin();
        WebSession admin = login(adminUser);
        Http r = admin.post("/admin/users/" + member.id() + "/deactivate", Map.of());
        assertThat(r.status()).isEqualTo(302);
        assertThat(admin.get(r.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("The account has been deactivated");

        Http after = memberSession.get("/settings/password");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).contains("/login");
        assertThat(memberApi.get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(anonymous().submitLogin(member.email(), member.password()).location()).endsWith("/login?disabled");
        assertThat(data.jdbc().sql("""
                        select count(*) from audit_log
                        where action = 'user.deactivated' and target = :t and actor_id = :a""")
                .param("t", "user:" + member.id()).param("a", adminUser.id()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(admin.get("/admin/audit").body()).contains("user.deactivated").contains(adminUser.displayName());

        assertThat(admin.post("/admin/users/" + member.id() + "/reactivate", Map.of()).status()).isEqualTo(302);
        login(member);
    }

    @Test
    void theLastActiveAdministratorStays() {
        TestData.TestUser only = data.admin();
        WebSession admin = login(only);
        List<Long> others = data.jdbc().sql("select id from users where role = 'ADMIN' and active and id <> :id")
                .param("id", only.id()).query(Long.class).list();
        data.jdbc().sql("update users set active = false where id = any(:ids)")
                .param("ids", others.toArray(Long[]::new)).update();
        try {
            Http demote = admin.post("/admin/users/" + only.id() + "/role", Map.of("role", "MEMBER"));
            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.body()).contains("At least one active administrator must remain");
            Http deactivate = admin.post("/admin/users/" + only.id() + "/deactivate", Map.of());
            assertThat(deactivate.status()).isEqualTo(409);
            assertThat(deactivate.body()).contains("At least one active administrator must remain");
            Http api = api(only).patch("/api/v1/admin/users/" + only.id(), "{\"active\":false}");
            assertThat(api.status()).isEqualTo(409);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(data.jdbc().sql("select role from users where id = :id").param("id", only.id())
                    .query(String.class).single()).isEqualTo("ADMIN");
        } finally {
            data.jdbc().sql("update users set active = true where id = any(:ids)")
                    .param("ids", others.toArray(Long[]::new)).update();
        }
    }

    @Test
    void adminCannotDeactivateThemselves() {
        TestData.TestUser me = data.admin();
        data.admin();
        Http r = login(me).post("/admin/users/" + me.id() + "/deactivate", Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("You cannot deactivate your own account");
    }

    @Test
    void roleChangeTakesEffectAtOnce() {
        TestData.TestUser member = data.member();
        WebSession old = login(member);
        assertThat(old.get("/admin").status()).isEqualTo(403);
        WebSession admin = login(data.admin());
        assertThat(admin.post("/admin/users/" + member.id() + "/role", Map.of("role", "GUEST")).status())
                .isEqualTo(302);
        Http gone = old.get("/settings/password");
        assertThat(gone.status()).isEqualTo(302);
        assertThat(gone.location()).contains("/login");
        assertThat(data.jdbc().sql("select role from users where id = :id").param("id", member.id())
                .query(String.class).single()).isEqualTo("GUEST");
        assertThat(login(member).get("/people").status()).isEqualTo(403);
        assertThat(data.jdbc().sql("select detail from audit_log where action = 'user.role_changed' and target = :t")
                .param("t", "user:" + member.id()).query(String.class).single()).startsWith("MEMBER -> GUEST");

        Http unknown = admin.post("/admin/users/" + member.id() + "/role", Map.of("role", "KING"));
        assertThat(unknown.status()).isEqualTo(422);
    }

    @Test
    void membersCannotReachAdministration() {
        TestData.TestUser member = data.member();
        WebSession s = login(member);
        assertThat(s.get("/admin").status()).isEqualTo(403);
        assertThat(s.get("/admin/users").status()).isEqualTo(403);
        assertThat(s.post("/admin/users/" + member.id() + "/role", Map.of("role", "ADMIN")).status()).isEqualTo(403);
        Http api = api(member).get("/api/v1/admin/users");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        Http sessionApi = s.json("GET", "/api/v1/admin/audit", null);
        assertThat(sessionApi.status()).isEqualTo(403);
        // an administrator's token without the admin scope is not enough either
        TestData.TestUser admin = data.admin();
        assertThat(new ApiClient(baseUrl(), data.token(admin, "read", "write")).get("/api/v1/admin/users").status())
                .isEqualTo(403);
    }

    @Test
    void adminApiListsUsersAndAudit() {
        TestData.TestUser member = data.member();
        ApiClient admin = api(data.admin());
        Http users = admin.get("/api/v1/admin/users?q=" + member.email());
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().get("items").get(0).get("id").asString()).isEqualTo(Long.toString(member.id()));
        Http patched = admin.patch("/api/v1/admin/users/" + member.id(), "{\"role\":\"GUEST\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("role").asString()).isEqualTo("GUEST");
        Http audit = admin.get("/api/v1/admin/audit?limit=1");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().get("items")).hasSize(1);
        assertThat(audit.json().get("items").get(0).get("action").asString()).isEqualTo("user.role_changed");
        assertThat(audit.header("Link")).contains("rel=\"next\"").contains("limit=1");
        String next = audit.json().get("nextCursor").asString();
        Http older = admin.get("/api/v1/admin/audit?limit=1&cursor=" + next);
        assertThat(Long.parseLong(older.json().get("items").get(0).get("id").asString()))
                .isLessThan(Long.parseLong(audit.json().get("items").get(0).get("id").asString()));
    }
}
