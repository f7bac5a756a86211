package de.kontor.monitoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.PostPublishing;

/**
 * The customer-service inbox: listing and working mentions (assign, answer, close, ignore, reopen), internal comments
 * and sharing a mention into a space. Only the monitoring team; a change the status does not allow is a 409.
 */
@Service
public class InboxService {

    static final int MAX_TEXT = 5000;

    /** A mention with what the inbox shows beside it. */
    public record MentionView(Mention mention, List<Topic> topics, String sourceName, String assigneeName,
                       boolean overdue) {
    }

    /** A mention's page: the mention, its comments and answers with their authors' names. */
    public record Detail(MentionView view, List<MentionRepository.Comment> comments, List<MentionRepository.Answer> answers,
                  Map<Long, UserSummary> people) {
    }

    private final MentionRepository mentions;
    private final TopicRepository topics;
    private final SourceRepository sources;
    private final MonitoringTeam team;
    private final IdentityApi identity;
    private final SpaceDirectory spaces;
    private final VisibilityPolicy policy;
    private final PostPublishing posts;

    InboxService(MentionRepository mentions, TopicRepository topics, SourceRepository sources, MonitoringTeam team,
                 IdentityApi identity, SpaceDirectory spaces, VisibilityPolicy policy, PostPublishing posts) {
        this.mentions = mentions;
        this.topics = topics;
        this.sources = sources;
        this.team = team;
        this.identity = identity;
        this.spaces = spaces;
        this.policy = policy;
        this.posts = posts;
    }

    Page<MentionView> list(KontorUser viewer, MentionRepository.Filter filter, String cursor, Integer limit) {
        team.require(viewer);
        int size = Cursor.limit(limit);
        List<Mention> rows = mentions.list(filter, Cursor.decode(cursor), size + 1);
        boolean more = rows.size() > size;
        List<Mention> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(page.getLast().publishedAt().toString(), page.getLast().id()).encode() : null;
        return new Page<>(views(viewer, page), next);
    }

    int countNew(KontorUser viewer) {
        return team.isMember(viewer) ? mentions.countNew() : 0;
    }

    Detail get(KontorUser viewer, long id) {
        team.require(viewer);
        Mention m = mentions.find(id).orElseThrow(DomainException.NotFound::new);
        List<MentionRepository.Comment> comments = mentions.comments(id);
        List<MentionRepository.Answer> answers = mentions.answers(id);
        Set<Long> people = new HashSet<>();
        comments.forEach(c -> people.add(c.authorId()));
        answers.forEach(a -> people.add(a.authorId()));
        return new Detail(views(viewer, List.of(m)).getFirst(), comments, answers, identity.findAll(people));
    }

    /** Assigns to a person of the team or to a space the assigner can read (exactly one of the two). */
    @Transactional
    Mention assign(KontorUser viewer, long id, Long userId, Long spaceId) {
        Mention m = lockForChange(viewer, id, Mention.Status.ASSIGNED);
        if ((userId == null) == (spaceId == null)) {
            throw new DomainException.Invalid("assignee", "monitoring.assign.one");
        }
        if (userId != null && !team.isMember(userId)) {
            throw new DomainException.Invalid("assignee", "monitoring.assign.notTeam");
        }
        if (spaceId != null && !policy.canRead(viewer, spaceId)) {
            throw new DomainException.Invalid("assignee", "monitoring.assign.space");
        }
        mentions.updateStatus(m.id(), Mention.Status.ASSIGNED, null, userId, spaceId);
        return mentions.find(id).orElseThrow();
    }

    /** Records an answer that the viewer posted on the external network; the mention is then answered. */
    @Transactional
    Mention answer(KontorUser viewer, long id, String text, String link) {
        Mention m = lockForChange(viewer, id, Mention.Status.ANSWERED);
        String body = text == null ? "" : text.strip();
        String url = link == null || link.isBlank() ? null : link.strip();
        new Validation().length("text", body, 1, MAX_TEXT)
                .check(url == null || url.length() <= 2000 && url.matches("(?i)https?://\\S+"), "link",
                        "monitoring.answer.link.invalid")
                .throwIfInvalid();
        mentions.addAnswer(id, viewer.id(), body, url);
        mentions.updateStatus(id, Mention.Status.ANSWERED, null, m.assigneeUserId(), m.assigneeSpaceId());
        return mentions.find(id).orElseThrow();
    }

    @Transactional
    Mention close(KontorUser viewer, long id) {
        Mention m = lockForChange(viewer, id, Mention.Status.CLOSED);
        mentions.updateStatus(id, Mention.Status.CLOSED, null, m.assigneeUserId(), m.assigneeSpaceId());
        return mentions.find(id).orElseThrow();
    }

    @Transactional
    Mention ignore(KontorUser viewer, long id, String reason) {
        Mention m = lockForChange(viewer, id, Mention.Status.IGNORED);
        String r = reason == null ? "" : reason.strip();
        new Validation().length("reason", r, 1, 500).throwIfInvalid();
        mentions.updateStatus(id, Mention.Status.IGNORED, r, m.assigneeUserId(), m.assigneeSpaceId());
        return mentions.find(id).orElseThrow();
    }

    /** An ignored mention comes back into the inbox as new. */
    @Transactional
    Mention reopen(KontorUser viewer, long id) {
        lockForChange(viewer, id, Mention.Status.NEW);
        mentions.updateStatus(id, Mention.Status.NEW, null, null, null);
        return mentions.find(id).orElseThrow();
    }

    @Transactional
    long comment(KontorUser viewer, long id, String text) {
        team.require(viewer);
        mentions.find(id).orElseThrow(DomainException.NotFound::new);
        String body = text == null ? "" : text.strip();
        new Validation().length("text", body, 1, MAX_TEXT).throwIfInvalid();
        return mentions.addComment(id, viewer.id(), body);
    }

    /**
     * Posts the mention into a space for discussion, as the viewer (who must be able to write there: 403/404/409
     * like writing the post oneself). Returns the new post's id.
     */
    @Transactional
    long share(KontorUser viewer, long id, long spaceId, String note) {
        team.require(viewer);
        Mention m = mentions.find(id).orElseThrow(DomainException.NotFound::new);
        if (m.textDeleted()) {
            throw new DomainException.Conflict("spaceId", "monitoring.share.deleted");
        }
        String n = note == null ? "" : note.strip();
        new Validation().maxLength("note", n, 2000).throwIfInvalid();
        StringBuilder md = new StringBuilder();
        if (!n.isEmpty()) {
            md.append(n).append("\n\n");
        }
        String source = sources.find(m.sourceId()).map(Source::name).orElse("");
        md.append("> ").append(escape(m.text()).replace("\n", "\n> ")).append("\n\n");
        md.append("— ").append(escape(m.author().isEmpty() ? "?" : m.author())).append(" · ")
                .append(escape(source));
        if (m.url() != null) {
            md.append(" · <").append(m.url()).append('>');
        }
        return posts.publish(viewer, spaceId, md.toString()).id();
    }

    /** Spaces the viewer may post into (for the share and assign pickers). */
    List<SpaceDirectory.SpaceRef> writableSpaces(KontorUser viewer) {
        return spaces.memberships(viewer.id()).stream().filter(s -> policy.canWrite(viewer, s.id())).toList();
    }

    /** Active team members (for the assign picker), by name. */
    List<UserSummary> teamMembers() {
        Set<Long> ids = new HashSet<>();
        team.spaceId().ifPresent(s -> ids.addAll(spaces.memberIds(s)));
        return identity.findAll(ids).values().stream().filter(UserSummary::active).filter(u -> !u.guest())
                .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList();
    }

    private Mention lockForChange(KontorUser viewer, long id, Mention.Status next) {
        team.require(viewer);
        Mention m = mentions.lock(id).orElseThrow(DomainException.NotFound::new);
        if (!m.status().mayBecome(next)) {
            throw new DomainException.Conflict("status", "monitoring.status.invalid");
        }
        return m;
    }

    /** Markdown-escapes external text so that it shows as written and cannot mention or tag anyone. */
    private static String escape(String s) {
        return s.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|~@])", "\\\\$1");
    }

    private List<MentionView> views(KontorUser viewer, List<Mention> rows) {
        Map<Long, List<Long>> topicIds = mentions.topicIds(rows.stream().map(Mention::id).toList());
        Map<Long, Topic> allTopics = topics.list().stream().collect(Collectors.toMap(Topic::id, Function.identity()));
        Map<Long, String> sourceNames = sources.list().stream().collect(Collectors.toMap(Source::id, Source::name));
        Set<Long> userIds = new HashSet<>();
        Set<Long> spaceIds = new HashSet<>();
        rows.forEach(m -> {
            if (m.assigneeUserId() != null) {
                userIds.add(m.assigneeUserId());
            }
            if (m.assigneeSpaceId() != null) {
                spaceIds.add(m.assigneeSpaceId());
            }
        });
        Map<Long, UserSummary> users = identity.findAll(userIds);
        Map<Long, SpaceDirectory.SpaceRef> spaceRefs = spaces.find(spaceIds);
        Instant now = Instant.now();
        List<MentionView> out = new ArrayList<>();
        for (Mention m : rows) {
            List<Topic> ts = topicIds.getOrDefault(m.id(), List.of()).stream().map(allTopics::get)
                    .filter(java.util.Objects::nonNull).toList();
            String assignee = m.assigneeUserId() != null && users.containsKey(m.assigneeUserId())
                    ? users.get(m.assigneeUserId()).displayName()
                    : m.assigneeSpaceId() != null && spaceRefs.containsKey(m.assigneeSpaceId())
                    && policy.canSee(viewer, m.assigneeSpaceId()) ? spaceRefs.get(m.assigneeSpaceId()).name() : null;
            out.add(new MentionView(m, ts, sourceNames.getOrDefault(m.sourceId(), ""), assignee, m.overdue(now)));
        }
        return out;
    }
}
