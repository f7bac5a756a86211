package de.kontor.messaging.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

import de.kontor.identity.KontorUser;
import de.kontor.messaging.internal.MessagingService.ConversationItem;
import de.kontor.messaging.internal.MessagingService.ConversationView;
import de.kontor.messaging.internal.MessagingService.MessageView;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;
import de.kontor.shared.web.Problems;

/** {@code /api/v1/conversations}: the same use cases and permissions as the message pages. */
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Direct and group messages; visible to their participants only")
class ConversationsApiController {

    record PersonJson(String userId, String displayName, boolean guest, String joinedAt, String leftAt) {
    }

    /** A conversation as the caller sees it; {@code left} is true for a former participant. */
    record ConversationJson(String id, String kind, String title, String displayTitle, String createdAt,
                            String lastActivityAt, long unreadCount, boolean left, List<PersonJson> participants,
                            MessageJson lastMessage) {
    }

    record MessageJson(String id, String conversationId, String senderId, String senderName, String text,
                       String html, String createdAt, String editedAt) {
        static MessageJson of(MessageView v) {
            Message m = v.message();
            return new MessageJson(Long.toString(m.id()), Long.toString(m.conversationId()),
                    m.senderId() == null ? null : m.senderId().toString(),
                    v.sender() == null ? null : v.sender().displayName(), m.body(), m.html(),
                    m.createdAt().toString(), m.editedAt() == null ? null : m.editedAt().toString());
        }
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    record StartBody(List<String> participantIds, String title) {
    }

    record MessageBody(String text) {
    }

    record PeopleBody(List<String> userIds) {
    }

    private final MessagingService service;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ConversationsApiController(MessagingService service, MessageSource messages, LocaleResolver locales) {
        this.service = service;
        this.messages = messages;
        this.locales = locales;
    }

    @GetMapping
    @Operation(summary = "My conversations, newest activity first, with unread counts")
    ResponseEntity<ListJson<ConversationJson>> list(@AuthenticationPrincipal KontorUser viewer,
                                                    @RequestParam(required = false) Integer limit,
                                                    @RequestParam(required = false) String cursor) {
        Page<ConversationItem> page = service.list(viewer, cursor, limit);
        return paged(page, ConversationsApiController::item);
    }

    @PostMapping
    @Operation(summary = "Start a conversation (members only): one other person → the direct conversation "
            + "(200 when it exists already); several people or a title → a new group (at most 50 people)")
    ResponseEntity<ConversationJson> start(@AuthenticationPrincipal KontorUser viewer,
                                           @RequestBody StartBody body) {
        MessagingService.Started s = service.start(viewer, ids(body == null ? null : body.participantIds(),
                "participantIds"), body == null ? null : body.title(), "participantIds");
        ConversationJson json = of(s.view());
        if (!s.created()) {
            return ResponseEntity.ok(json);
        }
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + json.id())).body(json);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One conversation (404 for everybody who never took part, administrators included)")
    ConversationJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return of(service.view(viewer, id));
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "Messages, newest first (a former participant sees those up to leaving)")
    ResponseEntity<ListJson<MessageJson>> messages(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String cursor) {
        return paged(service.messages(viewer, id, cursor, limit), MessageJson::of);
    }

    @GetMapping("/{id}/messages/{messageId}")
    @Operation(summary = "One message")
    MessageJson message(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @PathVariable long messageId) {
        return MessageJson.of(service.message(viewer, id, messageId));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Send a Markdown message (text ≤ 20000 characters; 403 after leaving; 429 when sending "
            + "too fast). A repeated Idempotency-Key returns the first message instead of sending again.")
    ResponseEntity<MessageJson> send(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                     @Parameter(description = "Makes a retried request return the first result")
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                     @RequestBody MessageBody body) {
        MessagingService.Sent sent = service.send(viewer, id, body == null ? null : body.text(), key);
        MessageJson json = MessageJson.of(sent.message());
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + json.conversationId() + "/messages/"
                + json.id())).body(json);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark every message of the conversation read")
    ResponseEntity<Void> read(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        service.markRead(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/participants")
    @Operation(summary = "Add people to a group (current participants who are company members; 409 for direct "
            + "conversations); returns the conversation")
    ConversationJson add(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                         @RequestBody PeopleBody body) {
        return of(service.add(viewer, id, ids(body == null ? null : body.userIds(), "userIds"), "userIds"));
    }

    @DeleteMapping("/{id}/participants/me")
    @Operation(summary = "Leave a group (409 for direct conversations or when already left)")
    ResponseEntity<Void> leave(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        service.leave(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited e, HttpServletRequest request) {
        String detail = messages.getMessage("messaging.rateLimited", new Object[] {e.retryAfterSeconds()},
                locales.resolveLocale(request));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(Problems.PROBLEM_JSON).body(Problems.of(429, detail));
    }

    private static List<Long> ids(List<String> raw, String field) {
        if (raw == null) {
            throw new DomainException.Invalid(field, "messaging.people.required");
        }
        List<Long> ids = new ArrayList<>();
        for (String s : raw) {
            try {
                ids.add(Long.parseLong(s == null ? "" : s.strip()));
            } catch (NumberFormatException e) {
                throw new DomainException.Invalid(field, "messaging.people.unknown", s);
            }
        }
        return ids;
    }

    private static ConversationJson of(ConversationView v) {
        List<PersonJson> people = v.people().stream().map(p -> new PersonJson(
                Long.toString(p.participant().userId()), p.user().displayName(), p.user().guest(),
                p.participant().joinedAt().toString(),
                p.participant().leftAt() == null ? null : p.participant().leftAt().toString())).toList();
        Conversation c = v.conversation();
        return new ConversationJson(Long.toString(c.id()), c.kind().name(), c.title(), v.displayTitle(),
                c.createdAt().toString(), activity(c, v.me()).toString(), v.unread(), !v.me().current(), people,
                null);
    }

    private static ConversationJson item(ConversationItem i) {
        ConversationRow r = i.row();
        Conversation c = r.conversation();
        return new ConversationJson(Long.toString(c.id()), c.kind().name(), c.title(), i.displayTitle(),
                c.createdAt().toString(), r.activityAt().toString(), r.unread(), !r.me().current(), null,
                r.last() == null ? null : MessageJson.of(new MessageView(r.last(), i.lastSender())));
    }

    /** Activity as the participant may know it: nothing after they left. */
    private static Instant activity(Conversation c, Participant me) {
        Instant at = c.lastMessageAt() == null ? c.createdAt() : c.lastMessageAt();
        return me.leftAt() != null && me.leftAt().isBefore(at) ? me.leftAt() : at;
    }

    private static <T, J> ResponseEntity<ListJson<J>> paged(Page<T> page, Function<T, J> toJson) {
        return ApiPaging.ok(page.nextCursor())
                .body(new ListJson<>(page.items().stream().map(toJson).toList(), page.nextCursor()));
    }
}
