package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class UsersApiIT extends AbstractIT {

    @Test
    void meAndPatch() {
        TestData.TestUser user = data.member();
        long unit = data.jdbc().sql("insert into org_units (name) values (:n) returning id")
                .param("n", TestData.unique("Sales")).query(Long.class).single();
        ApiClient api = api(user);
        JsonNode me = api.get("/api/v1/users/me").json();
        assertThat(me.get("id").asString()).isEqualTo(Long.toString(user.id()));
        assertThat(me.get("email").asString()).isEqualTo(user.email());
        assertThat(me.get("role").asString()).isEqualTo("MEMBER");
        assertThat(me.get("orgUnit").isNull()).isTrue();
        assertThat(me.get("avatarUrl").isNull()).isTrue();
        assertThat(me.get("createdAt").asString()).endsWith("Z");

        Http r = api.patch("/api/v1/users/me", """
                {"jobTitle": "Sales Lead", "orgUnitId": "%d", "about": "Hello *world*",
                 "skills": ["Negotiation", "CRM"], "locale": "de"}""".formatted(unit));
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("jobTitle").asString()).isEqualTo("Sales Lead");
        assertThat(j.get("displayName").asString()).isEqualTo(user.displayName());
        assertThat(j.get("orgUnit").get("id").asString()).isEqualTo(Long.toString(unit));
        assertThat(j.get("aboutHtml").asString()).contains("<em>world</em>");
        assertThat(j.get("skills").size()).isEqualTo(2);
        assertThat(j.get("locale").asString()).isEqualTo("de");

        Http clear = api.patch("/api/v1/users/me", "{\"jobTitle\": null, \"locale\": null}");
        assertThat(clear.json().get("jobTitle").isNull()).isTrue();
        assertThat(clear.json().get("locale").isNull()).isTrue();
        assertThat(clear.json().get("orgUnit").get("name").isString()).isTrue();

        Http other = api(data.member()).get("/api/v1/users/" + user.id());
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("skills").toString()).contains("CRM");
        assertThat(api.get("/api/v1/users/987654321").status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIs400AndInvalidIs422WithErrors() {
        ApiClient api = api(data.member());
        Http bad = api.patch("/api/v1/users/me", "{\"displayName\": ");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");

        Http invalid = api.patch("/api/v1/users/me", """
                {"displayName": "", "phone": "abc", "skills": ["ok", "%s"], "role": "ADMIN"}"""
                .formatted("x".repeat(61)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = invalid.json().get("errors");
        assertThat(errors.toString()).contains("\"field\":\"role\"");
        assertThat(errors).hasSize(1);

        Http invalid2 = api.patch("/api/v1/users/me", """
                {"displayName": "", "phone": "abc", "skills": ["ok", "%s"]}""".formatted("x".repeat(61)));
        assertThat(invalid2.status()).isEqualTo(422);
        JsonNode e2 = invalid2.json().get("errors");
        assertThat(e2.toString()).contains("\"field\":\"displayName\"").contains("\"field\":\"phone\"")
                .contains("\"field\":\"skills\"").contains("Each skill needs 1 to 60 characters.");
    }

    @Test
    void sessionPatchRefreshesTheSignedInName() {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        s.get("/settings/profile");
        String name = TestData.unique("Neu Name");
        Http r = s.json("PATCH", "/api/v1/users/me", "{\"displayName\": \"" + name + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(s.get("/settings/profile").body()).contains("<span class=\"user-name\">" + name + "</span>");
    }
}
