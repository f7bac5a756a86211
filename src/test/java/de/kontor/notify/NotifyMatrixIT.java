package de.kontor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.stream.UserMentioned;
import de.kontor.support.AbstractIT;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/**
 * The notify module's space-dependent decisions for every kind of viewer and space, in the table style of
 * {@code VisibilityMatrixIT}. Viewer columns: administrator (not a member), member, non-member (a company member),
 * guest-in-space, guest-elsewhere. Cells: the exact HTTP status, or for "mentioned" 1 when a notification is
 * created and listed, 0 when not.
 */
class NotifyMatrixIT extends AbstractIT {

    static final String TABLE = """
            # check                                        | kind    | adm mem non gIn gOut
            PUT /api/v1/notifications/preferences (MUTE)   | public  | 200 200 200 200 404
            PUT /api/v1/notifications/preferences (MUTE)   | private | 200 200 404 200 404
            PUT /api/v1/notifications/preferences (MUTE)   | secret  | 200 200 404 200 404
            mentioned in a post of the space               | public  | 1   1   1   1   0
            mentioned in a post of the space               | private | 1   1   0   1   0
            mentioned in a post of the space               | secret  | 1   1   0   1   0
            """;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void matrix() {
        List<String> failures = new ArrayList<>();
        long post = 8_000_000 + (System.nanoTime() % 1_000_000);
        for (String line : TABLE.strip().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|");
            String check = parts[0].strip();
            String kind = parts[1].strip();
            String[] expected = parts[2].strip().split("\\s+");
            TestUser owner = data.member();
            TestSpace space = data.space(kind.toUpperCase(), owner);
            TestUser member = data.member();
            TestUser guestIn = data.guest();
            TestUser guestOut = data.guest();
            data.addMember(space, member, "MEMBER");
            data.addMember(space, guestIn, "MEMBER");
            data.addMember(data.space("PUBLIC", owner), guestOut, "MEMBER");
            List<TestUser> viewers = List.of(data.admin(), member, data.member(), guestIn, guestOut);
            for (int i = 0; i < viewers.size(); i++) {
                TestUser viewer = viewers.get(i);
                String actual;
                if (check.startsWith("PUT")) {
                    actual = Integer.toString(api(viewer).put("/api/v1/notifications/preferences",
                            "{\"spaces\":[{\"spaceId\":\"" + space.id() + "\",\"level\":\"MUTE\"}]}").status());
                } else {
                    long postId = ++post;
                    tx.executeWithoutResult(s -> events.publishEvent(
                            new UserMentioned(viewer.id(), postId, null, space.id(), owner.id(), Instant.now())));
                    Publications.settle(data.jdbc());
                    actual = api(viewer).get("/api/v1/notifications").json().get("items").size() == 1 ? "1" : "0";
                }
                if (!actual.equals(expected[i])) {
                    failures.add(check + " | " + kind + " | viewer " + i + ": expected " + expected[i] + ", got "
                            + actual);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
