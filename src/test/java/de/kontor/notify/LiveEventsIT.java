package de.kontor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.messaging.MessageSent;
import de.kontor.stream.PostPublished;
import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Server-Sent Events at {@code /api/v1/events}: delivery, resume with Last-Event-ID, visibility. */
class LiveEventsIT extends AbstractIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    private SseClient subscribe(TestUser user, String lastEventId) {
        return SseClient.open(baseUrl() + "/api/v1/events", data.token(user, "read"), lastEventId);
    }

    private void invite(TestUser owner, TestSpace space, TestUser invitee) {
        Http r = api(owner).post("/api/v1/spaces/" + space.id() + "/invitations",
                "{\"userId\":\"" + invitee.id() + "\"}");
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }

    @Test
    void aNotificationArrivesWithTheUnreadCount() throws Exception {
        TestUser owner = data.member();
        TestUser invitee = data.member();
        try (SseClient sse = subscribe(invitee, null)) {
            invite(owner, data.space("PRIVATE", owner), invitee);
            SseClient.Event e = sse.await(ev -> ev.name().equals("notification"), WAIT);
            assertThat(e.id()).matches("\\d+");
            assertThat(e.data()).contains("\"type\":\"SPACE_INVITATION\"").contains("\"unreadCount\":1");
            // a message to someone else is not delivered here, one to the invitee is
            tx.executeWithoutResult(s -> {
                events.publishEvent(new MessageSent(77, 7, owner.id(), java.util.List.of(owner.id()), Instant.now()));
                events.publishEvent(new MessageSent(78, 7, owner.id(), java.util.List.of(invitee.id()), Instant.now()));
            });
            Publications.settle(data.jdbc());
            SseClient.Event m = sse.await(ev -> ev.name().equals("message"), WAIT);
            assertThat(m.data()).contains("\"messageId\":\"78\"");
            assertThat(sse.received()).noneMatch(ev -> ev.data().contains("\"messageId\":\"77\""));
        }
    }

    @Test
    void lastEventIdResumesWithWhatWasMissed() throws Exception {
        TestUser owner = data.member();
        TestUser invitee = data.member();
        TestSpace first = data.space("PUBLIC", owner);
        TestSpace second = data.space("PUBLIC", owner);
        String lastId;
        try (SseClient sse = subscribe(invitee, null)) {
            invite(owner, first, invitee);
            lastId = sse.await(ev -> ev.name().equals("notification"), WAIT).id();
        }
        invite(owner, second, invitee); // while disconnected
        try (SseClient sse = subscribe(invitee, lastId)) {
            SseClient.Event missed = sse.await(ev -> ev.name().equals("notification"), WAIT);
            assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(lastId));
            assertThat(missed.data()).contains("\"unreadCount\":2");
        }
    }

    @Test
    void postEventsOnlyReachPeopleWhoCanReadTheSpace() throws Exception {
        TestUser owner = data.member();
        TestUser outsider = data.member();
        TestUser guest = data.guest();
        TestSpace secret = data.space("SECRET", owner);
        TestSpace open = data.space("PUBLIC", owner);
        try (SseClient member = subscribe(owner, null); SseClient other = subscribe(outsider, null);
             SseClient external = subscribe(guest, null)) {
            Instant now = Instant.now();
            // one after the other, so that the live events are written (and delivered) in this order
            for (PostPublished p : java.util.List.of(new PostPublished(901, secret.id(), owner.id(), now),
                    new PostPublished(902, open.id(), owner.id(), now), new PostPublished(903, null, owner.id(), now))) {
                tx.executeWithoutResult(s -> events.publishEvent(p));
                Publications.settle(data.jdbc());
            }

            assertThat(member.await(ev -> ev.data().contains("\"postId\":\"901\""), WAIT).data())
                    .contains("\"spaceId\":\"" + secret.id() + "\"").contains("\"action\":\"published\"");
            member.await(ev -> ev.data().contains("\"postId\":\"902\""), WAIT);
            // events are delivered in order: once the later ones arrived, the secret one would have, too
            other.await(ev -> ev.data().contains("\"postId\":\"903\""), WAIT);
            assertThat(other.received()).anyMatch(ev -> ev.data().contains("\"postId\":\"902\""))
                    .noneMatch(ev -> ev.data().contains("\"postId\":\"901\""));
            // a guest reads neither a public space nor profile posts; nothing arrives for them
            member.await(ev -> ev.data().contains("\"postId\":\"903\""), WAIT);
            assertThat(external.received()).noneMatch(ev -> ev.name().equals("post"));
        }
        // and a resume does not leak either
        try (SseClient again = subscribe(outsider, "0")) {
            again.await(ev -> ev.data().contains("\"postId\":\"902\""), WAIT);
            assertThat(again.received()).noneMatch(ev -> ev.data().contains("\"postId\":\"901\""));
        }
    }

    @Test
    void streamsNeedAuthentication() {
        assertThat(anonymous().get("/events").status()).isEqualTo(302);
        assertThat(new de.kontor.support.ApiClient(baseUrl(), null).get("/api/v1/events").status()).isEqualTo(401);
    }
}
