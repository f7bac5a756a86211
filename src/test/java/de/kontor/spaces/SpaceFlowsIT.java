package de.kontor.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;
import tools.jackson.databind.JsonNode;

/** The space flows end to end: joining, requests, invitations, ownership, names, the external marker, archiving. */
class SpaceFlowsIT extends AbstractIT {

    @Test
    void createSpaceThroughTheFormAndTheApi() {
        TestUser owner = data.member();
        WebSession web = login(owner);
        String name = TestData.unique("Kitchen Crew");
        Http created = web.post("/spaces", Map.of("name", name, "description", "We **cook**.", "visibility", "PRIVATE"));
        assertThat(created.status()).isEqualTo(302);
        Http page = web.get(created.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name).contains("<strong>cook</strong>").contains("Private");

        Http api = api(owner).post("/api/v1/spaces",
                "{\"name\":\"" + name + " API\",\"description\":\"d\",\"visibility\":\"SECRET\"}");
        assertThat(api.status()).isEqualTo(201);
        JsonNode json = api.json();
        assertThat(api.location()).isEqualTo("/api/v1/spaces/" + json.get("id").asString());
        assertThat(json.get("id").isString()).isTrue();
        assertThat(json.get("visibility").asString()).isEqualTo("SECRET");
        assertThat(json.get("myRole").asString()).isEqualTo("OWNER");
        assertThat(json.get("memberCount").asInt()).isEqualTo(1);
        assertThat(json.get("external").asBoolean()).isFalse();
        assertThat(json.get("archived").asBoolean()).isFalse();
        assertThat(json.get("descriptionHtml").asString()).isEqualTo("<p>d</p>\n");
        assertThat(json.get("createdAt").asString()).endsWith("Z");
    }

    @Test
    void duplicateNameIsAConflictBesideTheFieldAndAProblemInTheApi() {
        TestUser owner = data.member();
        String name = TestData.unique("Duplicate");
        assertThat(login(owner).post("/spaces", Map.of("name", name, "visibility", "PUBLIC")).status()).isEqualTo(302);

        Http html = login(data.member()).post("/spaces", Map.of("name", name.toUpperCase(), "visibility", "PUBLIC"));
        assertThat(html.status()).isEqualTo(409);
        assertThat(html.body()).contains("id=\"name-error\" class=\"field-error\">A space with this name already exists.");
        assertThat(html.body()).contains("value=\"" + name.toUpperCase() + "\"");

        Http api = api(data.member()).post("/api/v1/spaces", "{\"name\":\"" + name + "\",\"visibility\":\"PUBLIC\"}");
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");

        Http invalid = api(owner).post("/api/v1/spaces", "{\"name\":\"x\",\"visibility\":\"OPEN\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").toString()).contains("\"field\":\"name\"")
                .contains("\"field\":\"visibility\"");
        Http invalidHtml = login(owner).post("/spaces", Map.of("name", "x", "visibility", "PUBLIC"));
        assertThat(invalidHtml.status()).isEqualTo(422);
        assertThat(invalidHtml.body()).contains("id=\"name-error\"");
    }

    @Test
    void joinRequestIsApprovedOrDeclinedByTheOwner() {
        TestUser owner = data.member();
        TestUser asker = data.member();
        TestUser other = data.member();
        TestSpace space = data.space("PRIVATE", owner);

        WebSession askerWeb = login(asker);
        assertThat(askerWeb.get("/spaces/" + space.id()).body()).contains("Ask to join");
        assertThat(askerWeb.get("/spaces/" + space.id() + "/members").status()).isEqualTo(403);
        assertThat(askerWeb.post("/spaces/" + space.id() + "/request", Map.of("message", "Let me in")).status())
                .isEqualTo(302);
        assertThat(askerWeb.get("/spaces/" + space.id()).body()).contains("Request sent");

        Http viaApi = api(other).post("/api/v1/spaces/" + space.id() + "/members", "{\"message\":\"me too\"}");
        assertThat(viaApi.status()).isEqualTo(202);
        assertThat(viaApi.json().get("state").asString()).isEqualTo("requested");

        WebSession ownerWeb = login(owner);
        String home = ownerWeb.get("/spaces/mine").body();
        assertThat(home).contains("People who want to join your spaces").contains(asker.displayName())
                .contains("Let me in");
        assertThat(api(owner).get("/api/v1/spaces/" + space.id() + "/requests").json().get("items")).hasSize(2);

        Http approve = ownerWeb.post("/spaces/" + space.id() + "/requests/" + asker.id() + "/approve",
                Map.of("from", "home"));
        assertThat(approve.status()).isEqualTo(302);
        assertThat(approve.location()).endsWith("/spaces/mine");
        assertThat(data.spaceRole(space, asker)).isEqualTo("MEMBER");
        assertThat(askerWeb.get("/spaces/" + space.id() + "/members").status()).isEqualTo(200);

        assertThat(api(owner).post("/api/v1/spaces/" + space.id() + "/requests/" + other.id() + "/decline", null)
                .status()).isEqualTo(204);
        assertThat(data.spaceRole(space, other)).isNull();
        assertThat(api(owner).get("/api/v1/spaces/" + space.id() + "/requests").json().get("items")).isEmpty();
        assertThat(api(owner).post("/api/v1/spaces/" + space.id() + "/requests/" + other.id() + "/approve", null)
                .status()).isEqualTo(404);
    }

    @Test
    void publicSpaceIsJoinedDirectly() {
        TestSpace space = data.space("PUBLIC", data.member());
        TestUser joiner = data.member();
        Http r = api(joiner).post("/api/v1/spaces/" + space.id() + "/members", null);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("state").asString()).isEqualTo("joined");
        assertThat(api(joiner).get("/api/v1/spaces/" + space.id()).json().get("myRole").asString())
                .isEqualTo("MEMBER");
        assertThat(api(data.guest()).post("/api/v1/spaces/" + space.id() + "/members", null).status())
                .isEqualTo(404);
    }

    @Test
    void invitationIntoASecretSpaceIsAcceptedOrDeclined() {
        TestUser owner = data.member();
        TestUser guest = data.guest();
        TestUser colleague = data.member();
        TestSpace space = data.space("SECRET", owner);

        WebSession ownerWeb = login(owner);
        assertThat(ownerWeb.get("/spaces/" + space.id() + "/invitations/suggestions?email="
                + guest.email().substring(0, guest.email().indexOf('@'))).body()).contains(guest.email());
        assertThat(ownerWeb.post("/spaces/" + space.id() + "/invitations", Map.of("email", guest.email())).status())
                .isEqualTo(302);
        Http again = ownerWeb.post("/spaces/" + space.id() + "/invitations", Map.of("email", guest.email()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("This person has already been invited.");
        assertThat(ownerWeb.post("/spaces/" + space.id() + "/invitations", Map.of("email", "nobody@example.test"))
                .status()).isEqualTo(422);

        WebSession guestWeb = login(guest);
        assertThat(guestWeb.get("/spaces/mine").body()).contains("Invitations waiting for you").contains(space.name());
        Http invitedView = guestWeb.get("/spaces/" + space.id());
        assertThat(invitedView.status()).isEqualTo(200);
        assertThat(invitedView.body()).contains("Accept invitation");
        assertThat(guestWeb.get("/spaces/" + space.id() + "/members").status()).isEqualTo(403);
        assertThat(guestWeb.post("/spaces/" + space.id() + "/invitations/accept", Map.of()).status()).isEqualTo(302);
        assertThat(data.spaceRole(space, guest)).isEqualTo("MEMBER");
        assertThat(guestWeb.get("/spaces/" + space.id() + "/members").status()).isEqualTo(200);

        ApiClient ownerApi = api(owner);
        Http invite = ownerApi.post("/api/v1/spaces/" + space.id() + "/invitations",
                "{\"userId\":\"" + colleague.id() + "\"}");
        assertThat(invite.status()).isEqualTo(201);
        assertThat(ownerApi.get("/api/v1/spaces/" + space.id() + "/invitations").json().get("items")).hasSize(1);
        ApiClient colleagueApi = api(colleague);
        assertThat(colleagueApi.get("/api/v1/spaces/" + space.id()).json().get("invited").asBoolean()).isTrue();
        assertThat(colleagueApi.post("/api/v1/spaces/" + space.id() + "/invitations/decline", null).status())
                .isEqualTo(204);
        assertThat(colleagueApi.get("/api/v1/spaces/" + space.id()).status()).isEqualTo(404);
        assertThat(ownerApi.get("/api/v1/spaces/" + space.id() + "/invitations").json().get("items")).isEmpty();
    }

    @Test
    void externalMarkerAppearsWhenAGuestJoins() {
        TestUser owner = data.member();
        TestUser guest = data.guest();
        TestSpace space = data.space("PUBLIC", owner);
        ApiClient ownerApi = api(owner);
        assertThat(ownerApi.get("/api/v1/spaces/" + space.id()).json().get("external").asBoolean()).isFalse();
        assertThat(login(owner).get("/spaces/" + space.id()).body()).doesNotContain("badge-external");

        assertThat(ownerApi.post("/api/v1/spaces/" + space.id() + "/invitations", "{\"userId\":\"" + guest.id() + "\"}")
                .status()).isEqualTo(201);
        assertThat(api(guest).post("/api/v1/spaces/" + space.id() + "/invitations/accept", null).status())
                .isEqualTo(200);

        assertThat(ownerApi.get("/api/v1/spaces/" + space.id()).json().get("external").asBoolean()).isTrue();
        WebSession ownerWeb = login(owner);
        assertThat(ownerWeb.get("/spaces/" + space.id()).body()).contains("badge badge-external");
        assertThat(ownerWeb.get("/spaces/mine").body()).contains("badge badge-external");
        assertThat(ownerWeb.get("/spaces").body()).contains("badge badge-external");
        // the guest sees only this space in the list, marked too
        Http guestList = api(guest).get("/api/v1/spaces");
        assertThat(guestList.json().get("items")).hasSize(1);
        assertThat(guestList.json().get("items").get(0).get("external").asBoolean()).isTrue();

        // the guest becomes a colleague: the space is no longer external
        WebSession admin = login(data.admin());
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users/" + guest.id() + "/role", java.util.Map.of("role", "MEMBER")).status())
                .isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ownerApi.get("/api/v1/spaces/" + space.id()).json().get("external").asBoolean()).isFalse());
    }

    @Test
    void lastOwnerCannotLeaveUntilOwnershipIsTransferred() {
        TestUser owner = data.member();
        TestUser successor = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        data.addMember(space, successor, "MEMBER");

        WebSession ownerWeb = login(owner);
        Http leave = ownerWeb.post("/spaces/" + space.id() + "/leave", Map.of());
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.body()).contains("You are the last owner");
        assertThat(api(owner).delete("/api/v1/spaces/" + space.id() + "/members/" + owner.id()).status())
                .isEqualTo(409);
        assertThat(api(owner).patch("/api/v1/spaces/" + space.id() + "/members/" + owner.id(), "{\"role\":\"MEMBER\"}")
                .status()).isEqualTo(409);

        assertThat(ownerWeb.post("/spaces/" + space.id() + "/transfer", Map.of("userId", Long.toString(successor.id())))
                .status()).isEqualTo(302);
        assertThat(data.spaceRole(space, successor)).isEqualTo("OWNER");
        assertThat(data.spaceRole(space, owner)).isEqualTo("MODERATOR");
        assertThat(ownerWeb.post("/spaces/" + space.id() + "/leave", Map.of()).status()).isEqualTo(302);
        assertThat(data.spaceRole(space, owner)).isNull();
    }

    @Test
    void moderatorCannotRemoveTheOwner() {
        TestUser owner = data.member();
        TestUser moderator = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        data.addMember(space, moderator, "MODERATOR");
        assertThat(api(moderator).delete("/api/v1/spaces/" + space.id() + "/members/" + owner.id()).status())
                .isEqualTo(403);
        assertThat(data.spaceRole(space, owner)).isEqualTo("OWNER");
    }

    @Test
    void archivedSpaceIsReadOnlyUntilUnarchived() {
        TestUser owner = data.member();
        TestUser member = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        data.addMember(space, member, "MEMBER");
        ApiClient ownerApi = api(owner);

        Http archived = ownerApi.patch("/api/v1/spaces/" + space.id(), "{\"archived\":true}");
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("archived").asBoolean()).isTrue();

        Http edit = ownerApi.patch("/api/v1/spaces/" + space.id(), "{\"description\":\"new\"}");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("detail").asString()).contains("archived");
        assertThat(api(outsider).post("/api/v1/spaces/" + space.id() + "/members", null).status()).isEqualTo(409);
        assertThat(ownerApi.post("/api/v1/spaces/" + space.id() + "/invitations", "{\"userId\":\"" + outsider.id() + "\"}")
                .status()).isEqualTo(409);
        WebSession memberWeb = login(member);
        assertThat(memberWeb.get("/spaces/" + space.id()).body()).contains("This space is archived");
        assertThat(memberWeb.get("/spaces/" + space.id() + "/members").status()).isEqualTo(200);
        assertThat(memberWeb.post("/spaces/" + space.id() + "/leave", Map.of()).status()).isEqualTo(302);

        assertThat(login(owner).post("/spaces/" + space.id() + "/unarchive", Map.of()).status()).isEqualTo(302);
        assertThat(api(outsider).post("/api/v1/spaces/" + space.id() + "/members", null).status()).isEqualTo(201);
    }

    @Test
    void spaceListIsCursorPaginated() {
        TestUser viewer = data.member();
        String prefix = TestData.unique("Paged");
        for (int i = 0; i < 3; i++) {
            data.space("PUBLIC", viewer);
            data.jdbc().sql("update spaces set name = :n where id = (select max(id) from spaces)")
                    .param("n", prefix + " " + i).update();
        }
        ApiClient client = api(viewer);
        Http first = client.get("/api/v1/spaces?limit=2&q=" + prefix);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(2);
        String cursor = first.json().get("nextCursor").asString();
        assertThat(first.header("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
        Http second = client.get("/api/v1/spaces?limit=2&q=" + prefix + "&cursor=" + cursor);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("items").get(0).get("name").asString()).isEqualTo(prefix + " 2");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(client.get("/api/v1/spaces?limit=500").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/spaces?cursor=garbage!").status()).isEqualTo(422);
    }

    @Test
    void newUsersGetAHelpfulHomePageInBothLanguages() {
        TestUser newbie = data.member();
        assertThat(login(newbie).get("/spaces/mine").body()).contains("You are not in any space yet").contains("Browse spaces");
        WebSession german = login(newbie).language("de");
        assertThat(german.get("/spaces/mine").body()).contains("Spaces entdecken");
        assertThat(login(data.guest()).get("/spaces/mine").body()).contains("external guest");
    }
}
