package de.kontor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import de.kontor.stream.CommentAdded;
import de.kontor.stream.ReactionAdded;
import de.kontor.stream.UserMentioned;
import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Notifications from real spaces flows (HTTP API) and from stream events (published as the stream module will,
 * inside a transaction, since the listeners run after commit).
 */
class NotificationIT extends AbstractIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    /** Publishes like the stream module will (inside its transaction) and waits for the listeners. */
    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
        settle();
    }

    private void settle() {
        Publications.settle(data.jdbc());
    }

    private static long postIds = 9_000_000 + (System.nanoTime() % 1_000_000);

    private static synchronized long newPostId() {
        return ++postIds;
    }

    private List<JsonNode> notifications(TestUser user) {
        settle();
        Http r = api(user).get("/api/v1/notifications?limit=100");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    private int unread(TestUser user) {
        settle();
        return api(user).get("/api/v1/notifications/unread-count").json().get("unreadCount").asInt();
    }

    private List<JsonNode> ofType(TestUser user, String type) {
        return notifications(user).stream().filter(n -> n.get("type").asString().equals(type)).toList();
    }

    @Test
    void invitationNotifiesTheInviteeWithALinkToTheSpace() {
        TestUser owner = data.member();
        TestUser invitee = data.member();
        TestSpace space = data.space("SECRET", owner);
        Http r = api(owner).post("/api/v1/spaces/" + space.id() + "/invitations",
                "{\"userId\":\"" + invitee.id() + "\"}");
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);

        List<JsonNode> items = notifications(invitee);
        assertThat(items).hasSize(1);
        JsonNode n = items.getFirst();
        assertThat(n.get("type").asString()).isEqualTo("SPACE_INVITATION");
        assertThat(n.get("actorName").asString()).isEqualTo(owner.displayName());
        assertThat(n.get("spaceName").asString()).isEqualTo(space.name());
        assertThat(n.get("url").asString()).isEqualTo("/spaces/" + space.id());
        assertThat(n.get("unread").asBoolean()).isTrue();
        assertThat(unread(invitee)).isEqualTo(1);
        // the actor hears nothing about their own action
        assertThat(notifications(owner)).isEmpty();
    }

    @Test
    void joinRequestNotifiesOwnersAndModeratorsAndApprovalNotifiesTheRequester() {
        TestUser owner = data.member();
        TestUser moderator = data.member();
        TestUser member = data.member();
        TestUser requester = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        data.addMember(space, moderator, "MODERATOR");
        data.addMember(space, member, "MEMBER");

        assertThat(api(requester).post("/api/v1/spaces/" + space.id() + "/members", null).status()).isEqualTo(202);
        for (TestUser u : List.of(owner, moderator)) {
            List<JsonNode> requests = ofType(u, "JOIN_REQUEST");
            assertThat(requests).hasSize(1);
            assertThat(requests.getFirst().get("actorId").asString()).isEqualTo(Long.toString(requester.id()));
            assertThat(requests.getFirst().get("url").asString()).isEqualTo("/spaces/" + space.id() + "/members");
        }
        assertThat(notifications(member)).isEmpty();
        assertThat(notifications(requester)).isEmpty();

        Http approve = api(owner).post("/api/v1/spaces/" + space.id() + "/requests/" + requester.id() + "/approve",
                null);
        assertThat(approve.status()).as(approve.toString()).isBetween(200, 204);
        List<JsonNode> approved = ofType(requester, "JOIN_APPROVED");
        assertThat(approved).hasSize(1);
        assertThat(approved.getFirst().get("actorName").asString()).isEqualTo(owner.displayName());
    }

    @Test
    void typePreferenceAndMutedSpaceSuppressNotifications() {
        TestUser owner = data.member();
        TestUser author = data.member();
        TestSpace muted = data.space("PUBLIC", owner);
        TestSpace mentionsOnly = data.space("PUBLIC", owner);
        data.addMember(muted, author, "MEMBER");
        data.addMember(mentionsOnly, author, "MEMBER");

        // type switched off: no join request notifications at all
        Http put = api(owner).put("/api/v1/notifications/preferences", """
                {"types":[{"type":"JOIN_REQUEST","inApp":false}],
                 "spaces":[{"spaceId":"%d","level":"MUTE"},{"spaceId":"%d","level":"MENTIONS_ONLY"}]}"""
                .formatted(muted.id(), mentionsOnly.id()));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode prefs = api(owner).get("/api/v1/notifications/preferences").json();
        assertThat(prefs.get("types").toString()).contains("{\"type\":\"JOIN_REQUEST\",\"inApp\":false,\"email\":false}");
        assertThat(prefs.get("spaces").toString()).contains("\"level\":\"MUTE\"").contains("\"level\":\"MENTIONS_ONLY\"");

        TestSpace priv = data.space("PRIVATE", owner);
        assertThat(api(data.member()).post("/api/v1/spaces/" + priv.id() + "/members", null).status()).isEqualTo(202);
        assertThat(ofType(owner, "JOIN_REQUEST")).isEmpty();

        long postInMuted = newPostId();
        long postInMentionsOnly = newPostId();
        Instant now = Instant.now();
        publish(new UserMentioned(owner.id(), postInMuted, null, muted.id(), author.id(), now));
        publish(new ReactionAdded(postInMuted, muted.id(), author.id(), "👍", owner.id(), now));
        publish(new ReactionAdded(postInMentionsOnly, mentionsOnly.id(), author.id(), "👍", owner.id(), now));
        publish(new UserMentioned(owner.id(), postInMentionsOnly, null, mentionsOnly.id(), author.id(), now));

        List<JsonNode> items = notifications(owner);
        assertThat(items).hasSize(1);
        assertThat(items.getFirst().get("type").asString()).isEqualTo("MENTIONED");
        assertThat(items.getFirst().get("postId").asString()).isEqualTo(Long.toString(postInMentionsOnly));

        // bad input
        assertThat(api(owner).put("/api/v1/notifications/preferences",
                "{\"types\":[{\"type\":\"NOPE\",\"inApp\":true}]}").status()).isEqualTo(422);
        assertThat(api(owner).put("/api/v1/notifications/preferences",
                "{\"spaces\":[{\"spaceId\":\"" + muted.id() + "\",\"level\":\"LOUD\"}]}").status()).isEqualTo(422);
        TestSpace secret = data.space("SECRET", data.member());
        assertThat(api(owner).put("/api/v1/notifications/preferences",
                "{\"spaces\":[{\"spaceId\":\"" + secret.id() + "\",\"level\":\"MUTE\"}]}").status()).isEqualTo(404);
    }

    @Test
    void reactionsToOnePostAreGroupedAndBecomeUnreadAgain() {
        TestUser author = data.member();
        TestSpace space = data.space("PUBLIC", author);
        List<TestUser> reactors = List.of(data.member(), data.member(), data.member());
        long post = newPostId();
        Instant now = Instant.now();
        publish(new ReactionAdded(post, space.id(), author.id(), "👍", author.id(), now)); // own: nothing
        for (TestUser r : reactors) {
            publish(new ReactionAdded(post, space.id(), r.id(), "🎉", author.id(), now));
        }
        publish(new ReactionAdded(post, space.id(), reactors.get(0).id(), "❤️", author.id(), now)); // same person

        List<JsonNode> items = notifications(author);
        assertThat(items).hasSize(1);
        JsonNode n = items.getFirst();
        assertThat(n.get("type").asString()).isEqualTo("REACTION_ON_MY_POST");
        assertThat(n.get("othersCount").asInt()).isEqualTo(2);
        assertThat(n.get("actorId").asString()).isEqualTo(Long.toString(reactors.get(0).id()));
        assertThat(n.get("url").asString()).isEqualTo("/posts/" + post);

        WebSession web = login(author);
        settle();
        assertThat(web.get("/notifications").body())
                .contains(reactors.get(0).displayName() + " and 2 others reacted to your post");

        assertThat(api(author).post("/api/v1/notifications/" + n.get("id").asString() + "/read", null).status())
                .isEqualTo(204);
        assertThat(unread(author)).isZero();
        TestUser fourth = data.member();
        publish(new ReactionAdded(post, space.id(), fourth.id(), "👀", author.id(), now));
        items = notifications(author);
        assertThat(items).hasSize(1);
        assertThat(items.getFirst().get("unread").asBoolean()).isTrue();
        assertThat(items.getFirst().get("othersCount").asInt()).isEqualTo(3);
        assertThat(unread(author)).isEqualTo(1);
    }

    @Test
    void mentionsAndCommentsNotifyPeopleWhoCanReadThePost() {
        TestUser author = data.member();
        TestUser commenter = data.member();
        TestSpace space = data.space("PUBLIC", author);
        long post = newPostId();
        Instant now = Instant.now();
        publish(new CommentAdded(post + 100_000, post, null, space.id(), commenter.id(), author.id(), now));
        publish(new UserMentioned(commenter.id(), post, null, space.id(), author.id(), now));
        // a comment on one's own post notifies nobody (no follower source yet)
        publish(new CommentAdded(post + 100_001, post, null, space.id(), author.id(), author.id(), now));

        List<JsonNode> authorItems = notifications(author);
        assertThat(authorItems).hasSize(1);
        assertThat(authorItems.getFirst().get("type").asString()).isEqualTo("COMMENT_ON_MY_POST");
        assertThat(authorItems.getFirst().get("url").asString())
                .isEqualTo("/posts/" + post + "#comment-" + (post + 100_000));
        assertThat(ofType(commenter, "MENTIONED")).hasSize(1);

        // a profile post (no space) never notifies a guest
        TestUser guest = data.guest();
        publish(new UserMentioned(guest.id(), newPostId(), null, null, author.id(), now));
        assertThat(notifications(guest)).isEmpty();
    }

    @Test
    void secretSpaceNotificationsOnlyForReadersAndHiddenAfterLeaving() {
        TestUser owner = data.member();
        TestUser member = data.member();
        TestUser outsider = data.member();
        TestSpace secret = data.space("SECRET", owner);
        data.addMember(secret, member, "MEMBER");
        long post = newPostId();
        Instant now = Instant.now();
        publish(new CommentAdded(newPostId(), post, null, secret.id(), owner.id(), outsider.id(), now));
        publish(new UserMentioned(outsider.id(), post, null, secret.id(), owner.id(), now));
        publish(new UserMentioned(member.id(), post, null, secret.id(), owner.id(), now));
        assertThat(notifications(outsider)).isEmpty();
        assertThat(notifications(member)).hasSize(1);
        assertThat(unread(member)).isEqualTo(1);

        assertThat(api(member).delete("/api/v1/spaces/" + secret.id() + "/members/" + member.id()).status())
                .isEqualTo(204);
        assertThat(notifications(member)).isEmpty();
        assertThat(unread(member)).isZero();
        settle();
        assertThat(login(member).get("/notifications").body()).doesNotContain(secret.name());
    }

    @Test
    void pagesOpenMarksReadAndMarkAllRead() {
        TestUser owner = data.member();
        TestUser invitee = data.member();
        TestSpace a = data.space("PUBLIC", owner);
        TestSpace b = data.space("PRIVATE", owner);
        ApiClient ownerApi = api(owner);
        for (TestSpace s : List.of(a, b)) {
            ownerApi.post("/api/v1/spaces/" + s.id() + "/invitations", "{\"userId\":\"" + invitee.id() + "\"}");
        }
        WebSession web = login(invitee);
        settle();
        Http page = web.get("/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("notification-unread").contains(b.name()).contains(a.name())
                .contains("id=\"bell-count\"").contains("aria-live=\"polite\"");
        assertThat(page.body().indexOf(b.name())).isLessThan(page.body().indexOf(a.name())); // newest first
        assertThat(web.get("/").body()).contains(">2</span></a>");

        String id = notifications(invitee).getFirst().get("id").asString();
        Http open = web.get("/notifications/" + id + "/open");
        assertThat(open.status()).isEqualTo(302);
        assertThat(open.location()).endsWith("/spaces/" + b.id());
        assertThat(unread(invitee)).isEqualTo(1);
        // someone else's notification does not exist for me
        assertThat(login(owner).get("/notifications/" + id + "/open").status()).isEqualTo(404);
        assertThat(api(owner).post("/api/v1/notifications/" + id + "/read", null).status()).isEqualTo(404);

        Http all = web.post("/notifications/read-all", Map.of());
        assertThat(all.status()).isEqualTo(302);
        assertThat(unread(invitee)).isZero();
        assertThat(web.get("/notifications").body()).doesNotContain("notification-unread");

        ApiClient inviteeApi = api(invitee);
        TestSpace c = data.space("PUBLIC", owner);
        ownerApi.post("/api/v1/spaces/" + c.id() + "/invitations", "{\"userId\":\"" + invitee.id() + "\"}");
        assertThat(unread(invitee)).isEqualTo(1);
        assertThat(inviteeApi.post("/api/v1/notifications/read-all", null).status()).isEqualTo(204);
        assertThat(unread(invitee)).isZero();
    }

    @Test
    void apiPaginatesWithCursorAndLink() {
        TestUser author = data.member();
        TestSpace space = data.space("PUBLIC", author);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            publish(new UserMentioned(author.id(), newPostId(), null, space.id(), data.member().id(), now));
        }
        Http first = api(author).get("/api/v1/notifications?limit=2");
        assertThat(first.json().get("items")).hasSize(2);
        String cursor = first.json().get("nextCursor").asString();
        assertThat(first.header("Link")).contains("rel=\"next\"");
        Http second = api(author).get("/api/v1/notifications?limit=2&cursor=" + cursor);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(api(author).get("/api/v1/notifications?cursor=garbage").status()).isEqualTo(422);
        assertThat(new ApiClient(baseUrl(), null).get("/api/v1/notifications").status()).isEqualTo(401);
    }

    @Test
    void settingsPageSavesPreferencesInBothLanguages() {
        TestUser user = data.member();
        TestSpace space = data.space("PUBLIC", user);
        WebSession web = login(user);
        Http page = web.get("/settings/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"inApp.MENTIONED\"").contains("name=\"space." + space.id() + "\"")
                .contains("name=\"email.MENTIONED\"").contains("href=\"/settings/notifications\"");
        Http save = web.post("/settings/notifications", Map.of("inApp.MENTIONED", "on", "space." + space.id(), "MUTE"));
        assertThat(save.status()).isEqualTo(302);
        JsonNode prefs = api(user).get("/api/v1/notifications/preferences").json();
        assertThat(prefs.get("types").toString()).contains("{\"type\":\"MENTIONED\",\"inApp\":true,\"email\":false}")
                .contains("{\"type\":\"REACTION_ON_MY_POST\",\"inApp\":false,\"email\":false}");
        assertThat(prefs.get("spaces").toString()).contains("\"level\":\"MUTE\"");
        assertThat(web.post("/settings/notifications", Map.of("space." + space.id(), "LOUD")).status())
                .isEqualTo(422);
        assertThat(login(user).language("de").get("/settings/notifications").body()).contains("Zusammenfassung")
                .contains("Stumm");
    }
}
