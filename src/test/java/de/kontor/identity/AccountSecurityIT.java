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

class AccountSecurityIT extends AbstractIT {

    private static final String NEW_PASSWORD = "another fine password";

    /** Signs in and opens a page first, as a browser does before submitting a form (the CSRF token is new). */
    @Override
    protected WebSession login(TestData.TestUser user) {
        WebSession s = super.login(user);
        s.get("/settings/password");
        return s;
    }

    @Test
    void passwordChangeKeepsThisSessionAndEndsTheOthers() {
        TestData.TestUser user = data.member();
        WebSession here = login(user);
        WebSession elsewhere = login(user);
        assertThat(here.get("/settings/password").status()).isEqualTo(200);

        Http r = here.post("/settings/password", Map.of("currentPassword", user.password(), "password", NEW_PASSWORD,
                "passwordRepeat", NEW_PASSWORD));
        assertThat(r.status()).isEqualTo(302);
        Http page = here.get("/settings/password");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your password has been changed");

        Http other = elsewhere.get("/settings/password");
        assertThat(other.status()).isEqualTo(302);
        assertThat(other.location()).contains("/login");

        assertThat(anonymous().submitLogin(user.email(), user.password()).location()).endsWith("/login?error");
        WebSession.login(baseUrl(), user.email(), NEW_PASSWORD);
        assertThat(data.jdbc().sql("select count(*) from audit_log where action = 'user.password_changed' "
                + "and actor_id = :id").param("id", user.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordIsAFieldError() {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        Http r = s.post("/settings/password", Map.of("currentPassword", "not my password", "password", NEW_PASSWORD,
                "passwordRepeat", NEW_PASSWORD));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The current password is not correct.").contains("currentPassword-error");
        Http mismatch = s.post("/settings/password", Map.of("currentPassword", user.password(),
                "password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD + "x"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The passwords do not match.");
        WebSession.login(baseUrl(), user.email(), user.password());
    }

    @Test
    void tokensOverTheApi() {
        TestData.TestUser user = data.member();
        WebSession browser = login(user);
        Http created = browser.json("POST", "/api/v1/tokens",
                "{\"name\":\"Backup script\",\"scopes\":[\"read\"],\"expiresInDays\":30}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.location()).endsWith("/api/v1/tokens/" + id);
        String secret = created.json().get("token").asString();
        assertThat(secret).startsWith("kontor_");
        assertThat(created.json().get("expiresAt").asString()).endsWith("Z");

        ApiClient readOnly = new ApiClient(baseUrl(), secret);
        Http list = readOnly.get("/api/v1/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Backup script").doesNotContain(secret);
        assertThat(data.jdbc().sql("select last_used_at is not null from api_tokens where id = :id")
                .param("id", Long.parseLong(id)).query(Boolean.class).single()).isTrue();
        assertThat(readOnly.get("/api/v1/tokens/" + id).json().get("status").asString()).isEqualTo("active");

        Http write = readOnly.post("/api/v1/tokens", "{\"name\":\"more\",\"scopes\":[\"read\"]}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");

        // another person's token id is not found
        TestData.TestUser other = data.member();
        assertThat(api(other).delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
        assertThat(readOnly.get("/api/v1/tokens").status()).isEqualTo(200);

        assertThat(browser.json("DELETE", "/api/v1/tokens/" + id, null).status()).isEqualTo(204);
        assertThat(readOnly.get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(browser.json("GET", "/api/v1/tokens/" + id, null).json().get("status").asString())
                .isEqualTo("revoked");
    }

    @Test
    void tokenValidation() {
        TestData.TestUser member = data.member();
        ApiClient writer = new ApiClient(baseUrl(), data.token(member, "read", "write"));
        Http noName = writer.post("/api/v1/tokens", "{\"name\":\"\",\"scopes\":[\"read\"]}");
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        Http noScope = writer.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[]}");
        assertThat(noScope.status()).isEqualTo(422);
        assertThat(noScope.body()).contains("Choose at least one scope");
        Http unknown = writer.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"root\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("Unknown scope");
        Http tooLong = writer.post("/api/v1/tokens", "{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"read\"]}");
        assertThat(tooLong.status()).isEqualTo(422);
        Http adminScope = writer.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"admin\"]}");
        assertThat(adminScope.status()).isEqualTo(403);
        assertThat(adminScope.body()).contains("Only administrators");

        // an administrator's write token cannot mint a token with the admin scope
        TestData.TestUser admin = data.admin();
        ApiClient adminWriter = new ApiClient(baseUrl(), data.token(admin, "read", "write"));
        assertThat(adminWriter.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"admin\"]}").status())
                .isEqualTo(403);
        assertThat(api(admin).post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"admin\",\"read\"]}").status())
                .isEqualTo(201);
    }

    @Test
    void tokensPageShowsTheSecretOnce() {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        Http page = s.get("/settings/tokens");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You have no API tokens yet").contains("value=\"write\"")
                .doesNotContain("value=\"admin\"");

        Http invalid = s.post("/settings/tokens", Map.of("name", "", "scopes", "read"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("Please fill in this field.");

        Http created = s.post("/settings/tokens", Map.of("name", "CLI", "scopes", "read", "expiresInDays", "7"));
        assertThat(created.status()).isEqualTo(201);
        Matcher m = Pattern.compile("kontor_[A-Za-z0-9_-]{43}").matcher(created.body());
        assertThat(m.find()).isTrue();
        String secret = m.group();
        assertThat(created.body()).contains("shown only this once");
        assertThat(new ApiClient(baseUrl(), secret).get("/api/v1/tokens").status()).isEqualTo(200);

        Http list = s.get("/settings/tokens");
        assertThat(list.body()).contains("CLI").doesNotContain(secret);
        long id = data.jdbc().sql("select id from api_tokens where user_id = :u and name = 'CLI'")
                .param("u", user.id()).query(Long.class).single();
        assertThat(s.post("/settings/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(302);
        assertThat(s.get("/settings/tokens").body()).contains("Revoked");
        assertThat(new ApiClient(baseUrl(), secret).get("/api/v1/tokens").status()).isEqualTo(401);

        TestData.TestUser other = data.member();
        assertThat(login(other).post("/settings/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void openApiDocumentsTokensAndBearerAuth() {
        Http doc = anonymous().get("/api/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body()).contains("\"/api/v1/tokens\"").contains("\"/api/v1/admin/invitations\"")
                .contains("Kontor API");
        assertThat(doc.json().get("components").get("securitySchemes").get("bearerAuth").get("scheme").asString())
                .isEqualTo("bearer");

        Http ui = anonymous().get("/api/docs");
        assertThat(ui.status()).isIn(200, 302);
        String location = ui.status() == 302 ? ui.location().replaceFirst("^https?://[^/]+", "") : "/api/docs";
        Http index = anonymous().get(location);
        assertThat(index.status()).as(location + " " + index).isEqualTo(200);
        assertThat(index.body()).contains("swagger");
        assertThat(index.header("Content-Security-Policy")).contains("script-src 'self'");
    }
}
