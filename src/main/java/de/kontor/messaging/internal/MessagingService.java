package de.kontor.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;
import de.kontor.identity.UserSummary;
import de.kontor.messaging.MessageSent;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Markdown;
import de.kontor.shared.Page;
import de.kontor.shared.Validation;

/**
 * Every messaging use case and the one place that decides who may do what. A conversation exists only for the
 * people who take or took part in it: everybody else, administrators included, gets "not found". A former
 * participant of a group still reads the history up to the moment they left, but nothing newer, and cannot write.
 * Guests take part in conversations they were added to; starting conversations and adding people is for members.
 */
@Service
public class MessagingService {

    /** At most this many people (including the creator) in one conversation. */
    static final int MAX_PEOPLE = 50;
    static final int MAX_BODY = 20_000;
    static final int MAX_TITLE = 120;
    /** Sending is limited to {@value #RATE_LIMIT} messages per {@value #RATE_WINDOW_SECONDS} seconds per person. */
    static final int RATE_LIMIT = 20;
    static final int RATE_WINDOW_SECONDS = 10;
    private static final int SINCE_LIMIT = 200;

    public record PersonView(Participant participant, UserSummary user) {
    }

    public record ConversationView(Conversation conversation, Participant me, List<PersonView> people, long unread) {

        public List<PersonView> current() {
            return people.stream().filter(p -> p.participant().current()).toList();
        }

        public List<PersonView> former() {
            return people.stream().filter(p -> !p.participant().current()).toList();
        }

        /** The group's title, or the names of the others (null when nobody else is left). */
        public String displayTitle() {
            return MessagingService.displayTitle(conversation, me.userId(),
                    current().stream().map(PersonView::user).toList());
        }

        public boolean canWrite() {
            return me.current();
        }
    }

    /** A line of the list; {@code lastSender} is null without a last message or when its sender is gone. */
    public record ConversationItem(ConversationRow row, List<UserSummary> others, UserSummary lastSender) {
        public String displayTitle() {
            return MessagingService.displayTitle(row.conversation(), row.me().userId(), others);
        }
    }

    public record MessageView(Message message, UserSummary sender) {
        public boolean mine(long viewerId) {
            return message.senderId() != null && message.senderId() == viewerId;
        }
    }

    public record Started(ConversationView view, boolean created) {
    }

    public record Sent(MessageView message, boolean replayed) {
    }

    private final ConversationRepository repo;
    private final IdentityApi identity;
    private final ApplicationEventPublisher events;

    MessagingService(ConversationRepository repo, IdentityApi identity, ApplicationEventPublisher events) {
        this.repo = repo;
        this.identity = identity;
        this.events = events;
    }

    // reading

    @Transactional(readOnly = true)
    public Page<ConversationItem> list(KontorUser viewer, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        Cursor c = Cursor.decode(cursor);
        Instant afterAt = null;
        if (c != null) {
            try {
                afterAt = Instant.parse(c.key());
            } catch (RuntimeException e) {
                throw new DomainException.Invalid("cursor", "validation.cursor");
            }
        }
        List<ConversationRow> rows = repo.list(viewer.id(), afterAt, c == null ? null : c.id(), n + 1);
        boolean more = rows.size() > n;
        rows = more ? rows.subList(0, n) : rows;
        List<Participant> current = repo.currentParticipants(rows.stream().map(r -> r.conversation().id()).toList());
        Set<Long> userIds = current.stream().map(Participant::userId).collect(Collectors.toSet());
        rows.stream().filter(r -> r.last() != null && r.last().senderId() != null)
                .forEach(r -> userIds.add(r.last().senderId()));
        Map<Long, UserSummary> users = identity.findAll(userIds);
        List<ConversationItem> items = new ArrayList<>();
        for (ConversationRow r : rows) {
            List<UserSummary> others = current.stream()
                    .filter(p -> p.conversationId() == r.conversation().id() && p.userId() != viewer.id())
                    .map(p -> users.get(p.userId())).filter(java.util.Objects::nonNull).toList();
            items.add(new ConversationItem(r, others,
                    r.last() == null || r.last().senderId() == null ? null : users.get(r.last().senderId())));
        }
        ConversationRow last = rows.isEmpty() ? null : rows.getLast();
        return new Page<>(items, more && last != null
                ? new Cursor(last.activityAt().toString(), last.conversation().id()).encode() : null);
    }

    @Transactional(readOnly = true)
    public ConversationView view(KontorUser viewer, long conversationId) {
        return view(access(viewer, conversationId));
    }

    /** Opening a conversation marks everything in it read. */
    @Transactional
    public ConversationView open(KontorUser viewer, long conversationId) {
        Access a = access(viewer, conversationId);
        Long newest = repo.newestReadable(a.me());
        if (newest != null) {
            repo.markRead(conversationId, viewer.id(), newest);
        }
        return view(access(viewer, conversationId));
    }

    @Transactional
    public void markRead(KontorUser viewer, long conversationId) {
        open(viewer, conversationId);
    }

    /** Newest first; the cursor points below the last message of the previous page. */
    @Transactional(readOnly = true)
    public Page<MessageView> messages(KontorUser viewer, long conversationId, String cursor, Integer limit) {
        Access a = access(viewer, conversationId);
        int n = Cursor.limit(limit);
        Cursor c = Cursor.decode(cursor);
        List<Message> found = repo.messagesBefore(a.me(), c == null ? null : c.id(), n + 1);
        boolean more = found.size() > n;
        found = more ? found.subList(0, n) : found;
        String next = more ? new Cursor("m", found.getLast().id()).encode() : null;
        return new Page<>(withSenders(found), next);
    }

    /** Messages newer than the given one, oldest first (for "load newer" and live updates); marks them read. */
    @Transactional
    public List<MessageView> since(KontorUser viewer, long conversationId, long afterMessageId) {
        Access a = access(viewer, conversationId);
        List<Message> found = repo.messagesAfter(a.me(), afterMessageId, SINCE_LIMIT);
        if (!found.isEmpty()) {
            repo.markRead(conversationId, viewer.id(), found.getLast().id());
        }
        return withSenders(found);
    }

    @Transactional(readOnly = true)
    public MessageView message(KontorUser viewer, long conversationId, long messageId) {
        Access a = access(viewer, conversationId);
        return withSenders(List.of(repo.message(a.me(), messageId)
                .orElseThrow(DomainException.NotFound::new))).getFirst();
    }

    // starting and changing conversations

    public void requireCanStart(KontorUser viewer) {
        if (viewer.role() == Role.GUEST) {
            throw new DomainException.Forbidden("messaging.guest.cannotStart");
        }
    }

    /** People for the picker (members only; guests pick nobody). */
    public List<UserSummary> suggest(KontorUser viewer, String prefix) {
        requireCanStart(viewer);
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return identity.suggest(prefix, 10).stream().filter(u -> u.id() != viewer.id()).toList();
    }

    /**
     * Starts a conversation with the given people. One other person and no title: the DIRECT conversation of the
     * two, which is returned as it is if it exists already. Otherwise a new group (a title makes even a pair a
     * group, so that people can be added later).
     */
    @Transactional
    public Started start(KontorUser viewer, Collection<Long> participantIds, String title, String field) {
        requireCanStart(viewer);
        String t = title == null || title.isBlank() ? null : title.strip();
        Set<Long> others = new LinkedHashSet<>(participantIds);
        others.remove(viewer.id());
        Validation v = new Validation()
                .check(!others.isEmpty(), field, "messaging.people.required")
                .check(others.size() < MAX_PEOPLE, field, "messaging.people.tooMany", MAX_PEOPLE)
                .maxLength("title", t, MAX_TITLE);
        v.throwIfInvalid();
        requireAddable(others, field);
        if (others.size() == 1 && t == null) {
            long other = others.iterator().next();
            String key = Math.min(viewer.id(), other) + ":" + Math.max(viewer.id(), other);
            var inserted = repo.insertDirect(key, viewer.id());
            long id = inserted.orElseGet(() -> repo.findDirect(key).orElseThrow());
            if (inserted.isPresent()) {
                repo.join(id, viewer.id());
                repo.join(id, other);
            }
            return new Started(view(viewer, id), inserted.isPresent());
        }
        long id = repo.insertGroup(t, viewer.id());
        repo.join(id, viewer.id());
        others.forEach(u -> repo.join(id, u));
        return new Started(view(viewer, id), true);
    }

    @Transactional
    public Started startByEmails(KontorUser viewer, String emails, String title) {
        requireCanStart(viewer);
        return start(viewer, resolveEmails(emails, "people"), title, "people");
    }

    /** Adds people to a group (current participants who are members; guests cannot add anyone). */
    @Transactional
    public ConversationView add(KontorUser viewer, long conversationId, Collection<Long> userIds, String field) {
        requireCanAdd(viewer, access(viewer, conversationId));
        Set<Long> current = repo.participants(conversationId).stream().filter(Participant::current)
                .map(Participant::userId).collect(Collectors.toSet());
        Set<Long> added = new LinkedHashSet<>(userIds);
        added.removeAll(current);
        new Validation()
                .check(!userIds.isEmpty(), field, "messaging.people.required")
                .check(current.size() + added.size() <= MAX_PEOPLE, field, "messaging.people.tooMany", MAX_PEOPLE)
                .throwIfInvalid();
        requireAddable(added, field);
        added.forEach(u -> repo.join(conversationId, u));
        return view(viewer, conversationId);
    }

    @Transactional
    public ConversationView addByEmails(KontorUser viewer, long conversationId, String emails) {
        requireCanAdd(viewer, access(viewer, conversationId));
        return add(viewer, conversationId, resolveEmails(emails, "people"), "people");
    }

    /** Leaves a group; direct conversations cannot be left (409), nor can a group twice. */
    @Transactional
    public void leave(KontorUser viewer, long conversationId) {
        Access a = access(viewer, conversationId);
        if (!a.conversation().group()) {
            throw new DomainException.Conflict(null, "messaging.direct.cannotLeave");
        }
        if (!a.me().current()) {
            throw new DomainException.Conflict(null, "messaging.alreadyLeft");
        }
        repo.leave(conversationId, viewer.id());
    }

    // sending

    /**
     * Sends a message. With an idempotency key that this person used before, nothing is sent and the first
     * message is returned again.
     */
    @Transactional
    public Sent send(KontorUser viewer, long conversationId, String body, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new DomainException.Invalid("Idempotency-Key", "validation.maxLength", 200);
        }
        if (key != null && !repo.claimKey(viewer.id(), key)) {
            long[] first = repo.keyedMessage(viewer.id(), key).orElseThrow(DomainException.NotFound::new);
            return new Sent(message(viewer, first[1], first[0]), true);
        }
        Access a = access(viewer, conversationId);
        requireWritable(a);
        new Validation().required("text", body == null ? null : body.strip()).maxLength("text", body, MAX_BODY)
                .throwIfInvalid();
        var recent = repo.recentSends(viewer.id(), RATE_WINDOW_SECONDS);
        if (recent.count() >= RATE_LIMIT) {
            throw new RateLimited(recent.retryAfterSeconds());
        }
        Message m = repo.insertMessage(conversationId, viewer.id(), body, Markdown.toSafeHtml(body));
        repo.touch(conversationId);
        repo.markRead(conversationId, viewer.id(), m.id());
        if (key != null) {
            repo.completeKey(viewer.id(), key, m.id());
        }
        List<Participant> people = repo.participants(conversationId);
        Map<Long, UserSummary> users = identity.findAll(people.stream().map(Participant::userId).toList());
        events.publishEvent(new MessageSent(m.id(), conversationId, viewer.id(),
                recipients(people, viewer.id(), users), m.createdAt()));
        return new Sent(new MessageView(m, users.get(viewer.id())), false);
    }

    /** Who is told about a new message: the other current participants whose accounts are active. */
    static List<Long> recipients(List<Participant> people, long senderId, Map<Long, UserSummary> users) {
        return people.stream()
                .filter(p -> p.current() && p.userId() != senderId)
                .filter(p -> users.containsKey(p.userId()) && users.get(p.userId()).active())
                .map(Participant::userId).toList();
    }

    // helpers

    private record Access(Conversation conversation, Participant me) {
    }

    /** The conversation and the viewer's participation; "not found" for everybody who never took part. */
    private Access access(KontorUser viewer, long conversationId) {
        Participant me = repo.participant(conversationId, viewer.id()).orElseThrow(DomainException.NotFound::new);
        Conversation c = repo.find(conversationId).orElseThrow(DomainException.NotFound::new);
        return new Access(c, me);
    }

    private static void requireCanAdd(KontorUser viewer, Access a) {
        requireWritable(a);
        if (viewer.role() == Role.GUEST) {
            throw new DomainException.Forbidden("messaging.guest.cannotAdd");
        }
        if (!a.conversation().group()) {
            throw new DomainException.Conflict(null, "messaging.direct.fixed");
        }
    }

    private static void requireWritable(Access a) {
        if (!a.me().current()) {
            throw new DomainException.Forbidden("messaging.left.cannotWrite");
        }
    }

    private ConversationView view(Access a) {
        List<Participant> people = repo.participants(a.conversation().id());
        Map<Long, UserSummary> users = identity.findAll(people.stream().map(Participant::userId).toList());
        List<PersonView> views = people.stream().filter(p -> users.containsKey(p.userId()))
                .map(p -> new PersonView(p, users.get(p.userId()))).toList();
        return new ConversationView(a.conversation(), a.me(), views,
                repo.unread(a.conversation().id(), a.me().userId()));
    }

    private void requireAddable(Collection<Long> ids, String field) {
        Map<Long, UserSummary> found = identity.findAll(ids);
        for (Long id : ids) {
            UserSummary u = found.get(id);
            if (u == null) {
                throw new DomainException.Invalid(field, "messaging.people.unknown", id);
            }
            if (!u.active()) {
                throw new DomainException.Invalid(field, "messaging.people.inactive", u.displayName());
            }
        }
    }

    /** Comma- or space-separated e-mail addresses to user ids; unknown addresses are a field error. */
    private List<Long> resolveEmails(String emails, String field) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String raw : emails == null ? new String[0] : emails.split("[,;\\s]+")) {
            String email = raw.strip();
            if (email.isEmpty() || ids.containsKey(email.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            UserSummary u = identity.findByEmail(email)
                    .orElseThrow(() -> new DomainException.Invalid(field, "messaging.people.unknownEmail", email));
            ids.put(email.toLowerCase(java.util.Locale.ROOT), u.id());
        }
        return new ArrayList<>(ids.values());
    }

    private List<MessageView> withSenders(List<Message> messages) {
        Map<Long, UserSummary> users = identity.findAll(messages.stream().map(Message::senderId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return messages.stream().map(m -> new MessageView(m, m.senderId() == null ? null : users.get(m.senderId())))
                .toList();
    }

    static String displayTitle(Conversation c, long viewerId, List<UserSummary> current) {
        if (c.title() != null) {
            return c.title();
        }
        String names = current.stream().filter(u -> u != null && u.id() != viewerId).map(UserSummary::displayName)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? null : names;
    }
}
