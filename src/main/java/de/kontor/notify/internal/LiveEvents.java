package de.kontor.notify.internal;

import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes live events in the caller's transaction; the NOTIFY that goes with each row reaches every node only when
 * that transaction commits, so nothing is announced that is later rolled back.
 */
@Component
class LiveEvents {

    private final LiveEventRepository events;
    private final JsonMapper json;

    LiveEvents(LiveEventRepository events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    /** For one person only (notifications, messages). */
    void toUser(long userId, String type, Map<String, ?> payload) {
        events.insert(userId, null, false, type, json.writeValueAsString(payload));
    }

    /** For everyone who can read the space, or for every company member when {@code spaceId} is null (profile posts). */
    void toReaders(Long spaceId, String type, Map<String, ?> payload) {
        events.insert(null, spaceId, spaceId == null, type, json.writeValueAsString(payload));
    }
}
