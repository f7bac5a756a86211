package de.kontor.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.identity.Role;
import de.kontor.identity.UserSummary;

class MessagingServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T16:20:00Z");

    @Test
    void messageSentGoesToTheOtherCurrentParticipantsWithActiveAccounts() {
        List<Participant> people = List.of(
                new Participant(1, 10, NOW, null, null),   // sender
                new Participant(1, 11, NOW, null, null),   // recipient
                new Participant(1, 12, NOW, NOW, null),    // left the group
                new Participant(1, 13, NOW, null, null),   // deactivated
                new Participant(1, 14, NOW, null, null));  // a guest: still a recipient
        Map<Long, UserSummary> users = Map.of(10L, user(10, true, Role.MEMBER), 11L, user(11, true, Role.MEMBER),
                12L, user(12, true, Role.MEMBER), 13L, user(13, false, Role.MEMBER), 14L, user(14, true, Role.GUEST));
        assertThat(MessagingService.recipients(people, 10, users)).containsExactly(11L, 14L);
    }

    @Test
    void previewsArePlainShortText() {
        assertThat(Previews.plain("**Hallo** _zusammen_,\n\nsiehe [Angebot](https://x.test) `v2`", 100))
                .isEqualTo("Hallo zusammen, siehe Angebot v2");
        assertThat(Previews.plain("a".repeat(150), 100)).hasSize(100).endsWith("…");
    }

    private static UserSummary user(long id, boolean active, Role role) {
        return new UserSummary(id, "User " + id, "u" + id + "@example.test", role, active, null, null, null, 0);
    }
}
