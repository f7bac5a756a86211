package de.kontor.notify.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.kontor.identity.KontorUser;

/** Server-Sent Events for the pages ({@code /events}, session) and the API ({@code /api/v1/events}). */
@RestController
@Tag(name = "Live events", description = "Server-Sent Events: notification, post, comment, reaction, message")
class LiveEventsController {

    private final LiveHub hub;

    LiveEventsController(LiveHub hub) {
        this.hub = hub;
    }

    /**
     * Each event is flushed at once, so a stream needs no large output buffer; the web server's default (32 KB,
     * held for the whole life of the response) would cost 320 MB of memory for 10,000 open streams.
     */
    static final int BUFFER_SIZE = 2048;

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter page(@AuthenticationPrincipal KontorUser viewer,
                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                    HttpServletResponse response) {
        response.setBufferSize(BUFFER_SIZE);
        return hub.subscribe(viewer, parse(lastEventId));
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream of live events the caller may see",
            description = "Event names: notification {id, type, unreadCount}; post {postId, spaceId, action}; "
                    + "comment {postId, spaceId, commentId}; reaction {postId, spaceId, reaction}; message "
                    + "{messageId, conversationId}. Every event has an id; reconnect with Last-Event-ID to receive "
                    + "what was missed (up to one day back). A comment line is sent every 25 seconds.")
    SseEmitter api(@AuthenticationPrincipal KontorUser viewer,
                   @Parameter(description = "id of the last event received")
                   @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                   @Parameter(hidden = true) HttpServletResponse response) {
        response.setBufferSize(BUFFER_SIZE);
        return hub.subscribe(viewer, parse(lastEventId));
    }

    /** A malformed id is treated as none: the client simply gets no replay. */
    private static Long parse(String lastEventId) {
        if (lastEventId == null || !lastEventId.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(lastEventId.strip());
    }
}
