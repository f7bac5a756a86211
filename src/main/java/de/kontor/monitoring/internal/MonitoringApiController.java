package de.kontor.monitoring.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

/** The monitoring API: the same rules as the pages (only the monitoring team; 404 for everyone else). */
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "Monitoring", description = "Social media monitoring: sources, topics (keyword queries) and the "
        + "customer-service inbox of mentions; only for the monitoring team and administrators")
class MonitoringApiController {

    record MentionJson(String id, String sourceId, String source, String url, String author, String text,
                       String language, double sentimentScore, String sentiment, List<String> sentimentWords,
                       List<String> topics, String status, String ignoreReason, String assigneeUserId,
                       String assigneeSpaceId, String assignee, String publishedAt, String receivedAt, String dueAt,
                       String firstReactionAt, boolean overdue) {
        static MentionJson of(InboxService.MentionView v) {
            Mention m = v.mention();
            return new MentionJson(Long.toString(m.id()), Long.toString(m.sourceId()), v.sourceName(), m.url(),
                    m.author(), m.text(), m.language(), m.score(), m.sentiment().name(), m.decidingWords(),
                    v.topics().stream().map(Topic::name).toList(), m.status().name(), m.ignoreReason(),
                    idOf(m.assigneeUserId()), idOf(m.assigneeSpaceId()), v.assigneeName(), m.publishedAt().toString(),
                    m.receivedAt().toString(), m.dueAt().toString(),
                    m.firstReactionAt() == null ? null : m.firstReactionAt().toString(), v.overdue());
        }
    }

    record MentionDetailJson(MentionJson mention, List<Map<String, String>> comments,
                             List<Map<String, String>> answers) {
    }

    record MentionPatchJson(String status, String reason, String assigneeUserId, String assigneeSpaceId) {
    }

    record TextJson(String text, String link) {
    }

    record ShareJson(String spaceId, String note) {
    }

    record SourceJson(String id, String kind, String name, String url, String target, int intervalMinutes,
                      boolean enabled, int failures, String lastError, String lastErrorAt, String lastFetchedAt,
                      String webhookPath, String webhookSecret) {
        static SourceJson of(Source s) {
            boolean hook = s.kind() == Source.Kind.WEBHOOK;
            return new SourceJson(Long.toString(s.id()), s.kind().name(), s.name(), s.url(), s.target(),
                    s.intervalSecs() / 60, s.enabled(), s.failures(), s.lastError(),
                    s.lastErrorAt() == null ? null : s.lastErrorAt().toString(),
                    s.lastFetchedAt() == null ? null : s.lastFetchedAt().toString(),
                    hook ? "/hooks/monitoring/" + s.key() : null, hook ? s.secret() : null);
        }
    }

    record TopicJson(String id, String name, String query, int slaHours) {
        static TopicJson of(Topic t) {
            return new TopicJson(Long.toString(t.id()), t.name(), t.query(), t.slaHours());
        }
    }

    private final InboxService inbox;
    private final SourceService sources;
    private final TopicService topics;

    MonitoringApiController(InboxService inbox, SourceService sources, TopicService topics) {
        this.inbox = inbox;
        this.sources = sources;
        this.topics = topics;
    }

    @GetMapping("/mentions")
    @Operation(summary = "The inbox, newest first; filters topic, sentiment, source, status, assignee "
            + "(me, none, u<id>, s<id>)")
    ResponseEntity<Page<MentionJson>> mentions(@AuthenticationPrincipal KontorUser viewer,
                                               @RequestParam(required = false) String topic,
                                               @RequestParam(required = false) String sentiment,
                                               @RequestParam(required = false) String source,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) String assignee,
                                               @RequestParam(required = false) String cursor,
                                               @RequestParam(required = false) Integer limit) {
        Page<InboxService.MentionView> page = inbox.list(viewer,
                InboxController.filter(viewer, topic, sentiment, source, status, assignee), cursor, limit);
        return ApiPaging.ok(page.nextCursor()).body(new Page<>(page.items().stream().map(MentionJson::of).toList(),
                page.nextCursor()));
    }

    @GetMapping("/mentions/{id}")
    @Operation(summary = "A mention with its internal comments and recorded answers")
    MentionDetailJson mention(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return detail(inbox.get(viewer, id));
    }

    @PatchMapping("/mentions/{id}")
    @Operation(summary = "Change the status: ASSIGNED (with assigneeUserId or assigneeSpaceId), CLOSED, IGNORED "
            + "(with reason) or NEW (reopen an ignored one); 409 when the current status does not allow it")
    MentionDetailJson patch(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                            @RequestBody MentionPatchJson body) {
        Mention.Status next = InboxController.parse(Mention.Status.class, "status", body.status());
        if (next == null) {
            throw new DomainException.Invalid("status", "validation.required");
        }
        switch (next) {
            case ASSIGNED -> inbox.assign(viewer, id, InboxController.number("assigneeUserId",
                    InboxController.blank(body.assigneeUserId())), InboxController.number("assigneeSpaceId",
                    InboxController.blank(body.assigneeSpaceId())));
            case CLOSED -> inbox.close(viewer, id);
            case IGNORED -> inbox.ignore(viewer, id, body.reason());
            case NEW -> inbox.reopen(viewer, id);
            case ANSWERED -> throw new DomainException.Invalid("status", "monitoring.status.answerInstead");
        }
        return detail(inbox.get(viewer, id));
    }

    @PostMapping("/mentions/{id}/comments")
    @Operation(summary = "Add an internal comment")
    ResponseEntity<Map<String, String>> comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                                @RequestBody TextJson body) {
        long commentId = inbox.comment(viewer, id, body.text());
        return ResponseEntity.created(URI.create("/api/v1/monitoring/mentions/" + id))
                .body(Map.of("id", Long.toString(commentId)));
    }

    @PostMapping("/mentions/{id}/answers")
    @Operation(summary = "Record an answer that was posted by hand on the external network (text, link); the "
            + "mention becomes ANSWERED")
    ResponseEntity<MentionDetailJson> answer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                             @RequestBody TextJson body) {
        inbox.answer(viewer, id, body.text(), body.link());
        return ResponseEntity.created(URI.create("/api/v1/monitoring/mentions/" + id))
                .body(detail(inbox.get(viewer, id)));
    }

    @PostMapping("/mentions/{id}/shares")
    @Operation(summary = "Share the mention into a space as a post (the caller must be able to write there)")
    ResponseEntity<Map<String, String>> share(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                              @RequestBody ShareJson body) {
        Long space = InboxController.number("spaceId", InboxController.blank(body.spaceId()));
        if (space == null) {
            throw new DomainException.Invalid("spaceId", "validation.required");
        }
        long post = inbox.share(viewer, id, space, body.note());
        return ResponseEntity.created(URI.create("/api/v1/posts/" + post)).body(Map.of("postId", Long.toString(post)));
    }

    @GetMapping("/sources")
    @Operation(summary = "All sources with their state (last error, failures)")
    List<SourceJson> sources(@AuthenticationPrincipal KontorUser viewer) {
        return sources.list(viewer).stream().map(SourceJson::of).toList();
    }

    @PostMapping("/sources")
    @Operation(summary = "Add a source: kind FEED (url), MASTODON_TAG (url of the instance, target = hashtag), "
            + "MASTODON_ACCOUNT (url, target = account id) or WEBHOOK (the answer carries its path and secret)")
    ResponseEntity<SourceJson> createSource(@AuthenticationPrincipal KontorUser viewer,
                                            @RequestBody SourceService.SourceForm body) {
        Source s = sources.create(viewer, body);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/sources/" + s.id())).body(SourceJson.of(s));
    }

    @GetMapping("/sources/{id}")
    @Operation(summary = "One source")
    SourceJson source(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return SourceJson.of(sources.get(viewer, id));
    }

    @DeleteMapping("/sources/{id}")
    @Operation(summary = "Delete a source and its mentions")
    ResponseEntity<Void> deleteSource(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        sources.delete(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/topics")
    @Operation(summary = "All topics")
    List<TopicJson> topics(@AuthenticationPrincipal KontorUser viewer) {
        return topics.list(viewer).stream().map(TopicJson::of).toList();
    }

    @PostMapping("/topics")
    @Operation(summary = "Add a topic: name, query (AND/OR/NOT, \"phrases\", prefix*), slaHours (working hours)")
    ResponseEntity<TopicJson> createTopic(@AuthenticationPrincipal KontorUser viewer,
                                          @RequestBody TopicService.TopicForm body) {
        Topic t = topics.create(viewer, body);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/topics/" + t.id())).body(TopicJson.of(t));
    }

    @PatchMapping("/topics/{id}")
    @Operation(summary = "Edit a topic (all fields)")
    TopicJson updateTopic(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                          @RequestBody TopicService.TopicForm body) {
        return TopicJson.of(topics.update(viewer, id, body));
    }

    @PutMapping("/topics/{id}/follow")
    @Operation(summary = "Follow the topic: hear about spikes and overdue mentions")
    ResponseEntity<Void> follow(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        topics.follow(viewer, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/topics/{id}/follow")
    @Operation(summary = "Stop following the topic")
    ResponseEntity<Void> unfollow(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        topics.follow(viewer, id, false);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/topics/{id}")
    @Operation(summary = "Delete a topic")
    ResponseEntity<Void> deleteTopic(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        topics.delete(viewer, id);
        return ResponseEntity.noContent().build();
    }

    private static MentionDetailJson detail(InboxService.Detail d) {
        List<Map<String, String>> comments = d.comments().stream().map(c -> Map.of("id", Long.toString(c.id()),
                "author", name(d, c.authorId()), "text", c.text(), "createdAt", c.createdAt().toString())).toList();
        List<Map<String, String>> answers = d.answers().stream().map(a -> {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("id", Long.toString(a.id()));
            m.put("author", name(d, a.authorId()));
            m.put("text", a.text());
            m.put("link", a.link());
            m.put("sentAt", a.sentAt().toString());
            return m;
        }).toList();
        return new MentionDetailJson(MentionJson.of(d.view()), comments, answers);
    }

    private static String name(InboxService.Detail d, long userId) {
        return d.people().containsKey(userId) ? d.people().get(userId).displayName() : "";
    }

    private static String idOf(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
