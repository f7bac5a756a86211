package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class SetupAndLoginIT extends AbstractIT {

    @Test
    void loginWithRightPasswordAndRejectWrongOne() {
        TestData.TestUser user = data.member();
        WebSession s = anonymous();
        Http bad = s.submitLogin(user.email(), "wrong password!!");
        assertThat(bad.status()).isEqualTo(302);
        assertThat(bad.location()).endsWith("/login?error");
        assertThat(s.get("/login?error").body()).contains("E-mail or password is wrong.");

        Http ok = anonymous().submitLogin(user.email(), user.password());
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).doesNotContain("/login");
        assertThat(data.jdbc().sql("select count(*) from login_attempts where lower(email) = lower(:e)")
                .param("e", user.email()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void accountIsRateLimitedAfterRepeatedFailures() {
        TestData.TestUser user = data.member();
        WebSession s = anonymous();
        for (int i = 0; i < 5; i++) {
            assertThat(s.submitLogin(user.email(), "nope-" + i).status()).isEqualTo(302);
        }
        Http limited = s.submitLogin(user.email(), user.password());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("900");
        assertThat(limited.body()).contains("Too many failed sign-in attempts");
    }

    @Test
    void setupPageIsGoneOnceAUserExists() {
        data.member();
        Http r = anonymous().get("/setup");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login");
        Http post = anonymous().post("/setup", Map.of("displayName", "Mallory", "email", "mallory@example.test",
                "password", "0123456789ab", "passwordRepeat", "0123456789ab"));
        assertThat(post.status()).isEqualTo(302);
        assertThat(data.jdbc().sql("select count(*) from users where email = 'mallory@example.test'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void deactivatedUserCannotSignIn() {
        TestData.TestUser user = data.member();
        data.deactivate(user);
        Http r = anonymous().submitLogin(user.email(), user.password());
        assertThat(r.location()).endsWith("/login?disabled");
    }

    @Test
    void apiWithoutAuthenticationIsA401Problem() {
        Http r = new de.kontor.support.ApiClient(baseUrl(), null).get("/api/v1/users/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        Http bad = new de.kontor.support.ApiClient(baseUrl(), "kontor_forged").get("/api/v1/users/me");
        assertThat(bad.status()).isEqualTo(401);
    }

    @Test
    void bearerTokensAreForTheApiOnlyNotForPagesAndForms() throws Exception {
        TestData.TestUser user = data.member();
        String token = data.token(user, "read", "write");
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/settings/profile"))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        var form = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/settings/profile"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("displayName=Hacked")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(data.jdbc().sql("select display_name from users where id = :id").param("id", user.id())
                .query(String.class).single()).isEqualTo(user.displayName());
    }
}
