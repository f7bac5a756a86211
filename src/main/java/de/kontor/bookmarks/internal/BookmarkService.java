package de.kontor.bookmarks.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.bookmarks.BookmarkDeleted;
import de.kontor.bookmarks.BookmarkSaved;
import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.net.OutboundHttp;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceDirectory.SpaceRef;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Saving, reading and finding bookmarks. A private bookmark is read by its owner only and counts for nobody else
 * (never in "who else saved it", never in popularity); a bookmark in a space is read by the space's readers
 * ({@link VisibilityPolicy}). Saving into a space needs write access to it; only the owner edits a bookmark, the
 * owner or a moderator of its space deletes it.
 */
@Service
public class BookmarkService {

    static final int TITLE_MAX = 300;
    static final int NOTE_MAX = 2000;

    /** What a person typed into the form or sent to the API. */
    public record Draft(String url, String title, String note, String tags, Long spaceId) {
    }

    /** A bookmark with what the viewer may know around it. */
    public record View(Bookmark bookmark, UserSummary owner, SpaceRef space, List<OtherSave> others, boolean canEdit,
                boolean canDelete) {
    }

    /** Someone else's save of the same link, in a space the viewer reads. */
    public record OtherSave(long bookmarkId, UserSummary person, SpaceRef space, Instant createdAt) {
    }

    /** A popular link of a week with how many people saved it. */
    public record PopularLink(String url, String title, int people, List<String> tags) {
    }

    /** The result of an import: how many links were saved, skipped as invalid or forbidden, or already saved. */
    public record ImportResult(int imported, int invalid, int duplicates) {
    }

    private final BookmarkRepository repo;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final OutboundHttp http;
    private final LinkPreviews previews;
    private final ApplicationEventPublisher events;

    BookmarkService(BookmarkRepository repo, VisibilityPolicy policy, SpaceDirectory spaces, IdentityApi identity,
                    OutboundHttp http, LinkPreviews previews, ApplicationEventPublisher events) {
        this.repo = repo;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.http = http;
        this.previews = previews;
        this.events = events;
    }

    @Transactional
    Bookmark save(KontorUser viewer, Draft draft) {
        Checked c = check(viewer, draft);
        if (draft.spaceId() != null) {
            policy.requireWritable(viewer, draft.spaceId());
        }
        if (repo.exists(viewer.id(), c.key(), draft.spaceId(), null)) {
            throw new DomainException.Conflict("url", "bookmarks.error.duplicate");
        }
        long id = repo.insert(viewer.id(), draft.spaceId(), c.url(), c.key(), c.title(), c.note(), Instant.now());
        repo.replaceTags(id, c.tags());
        events.publishEvent(new BookmarkSaved(id, viewer.id(), draft.spaceId()));
        return repo.find(id).orElseThrow();
    }

    @Transactional
    Bookmark update(KontorUser viewer, long id, Draft draft) {
        Bookmark b = readable(viewer, id);
        if (b.ownerId() != viewer.id()) {
            throw new DomainException.Forbidden("bookmarks.error.notOwner");
        }
        if (b.spaceId() != null) {
            requireNotArchived(viewer, b.spaceId());
        }
        Checked c = check(viewer, draft);
        if (draft.spaceId() != null && !draft.spaceId().equals(b.spaceId())) {
            policy.requireWritable(viewer, draft.spaceId());
        }
        if (repo.exists(viewer.id(), c.key(), draft.spaceId(), id)) {
            throw new DomainException.Conflict("url", "bookmarks.error.duplicate");
        }
        repo.update(id, draft.spaceId(), c.url(), c.key(), c.title(), c.note());
        repo.replaceTags(id, c.tags());
        events.publishEvent(new BookmarkSaved(id, viewer.id(), draft.spaceId()));
        return repo.find(id).orElseThrow();
    }

    @Transactional
    void delete(KontorUser viewer, long id) {
        Bookmark b = readable(viewer, id);
        boolean owner = b.ownerId() == viewer.id();
        if (b.spaceId() == null) {
            repo.delete(id);
        } else {
            var access = policy.access(viewer, b.spaceId());
            if (!owner && !access.moderate()) {
                throw new DomainException.Forbidden("bookmarks.error.notOwner");
            }
            requireNotArchived(viewer, b.spaceId());
            repo.delete(id);
        }
        events.publishEvent(new BookmarkDeleted(id));
    }

    /** The bookmark if the viewer may read it; 404 otherwise (a private bookmark does not exist for others). */
    Bookmark readable(KontorUser viewer, long id) {
        Bookmark b = repo.find(id).orElseThrow(DomainException.NotFound::new);
        if (viewer == null || !viewer.active()) {
            throw new DomainException.NotFound();
        }
        boolean owner = b.ownerId() == viewer.id();
        if (!owner && (b.spaceId() == null || !policy.canRead(viewer, b.spaceId()))) {
            throw new DomainException.NotFound();
        }
        return b;
    }

    View view(KontorUser viewer, long id) {
        Bookmark b = readable(viewer, id);
        Set<Long> readableSpaces = policy.readableSpaceIds(viewer);
        List<BookmarkRepository.Save> saves = repo.savesInSpaces(b.urlKey(), readableSpaces, viewer.id()).stream()
                .filter(s -> s.bookmarkId() != b.id()).toList();
        List<Long> people = new ArrayList<>(saves.stream().map(BookmarkRepository.Save::ownerId).toList());
        people.add(b.ownerId());
        Map<Long, UserSummary> users = identity.findAll(people);
        List<Long> spaceIds = new ArrayList<>(saves.stream().map(BookmarkRepository.Save::spaceId).toList());
        if (b.spaceId() != null) {
            spaceIds.add(b.spaceId());
        }
        Map<Long, SpaceRef> refs = spaces.find(spaceIds);
        List<OtherSave> others = saves.stream().filter(s -> users.containsKey(s.ownerId()))
                .map(s -> new OtherSave(s.bookmarkId(), users.get(s.ownerId()), refs.get(s.spaceId()), s.createdAt()))
                .toList();
        boolean owner = b.ownerId() == viewer.id();
        boolean moderator = b.spaceId() != null && policy.canModerate(viewer, b.spaceId());
        return new View(b, users.get(b.ownerId()), b.spaceId() == null ? null : refs.get(b.spaceId()), others,
                owner, owner || moderator);
    }

    /** The viewer's own bookmarks, newest first, optionally with one tag. */
    Page<Bookmark> mine(KontorUser viewer, String tag, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        Cursor c = Cursor.decode(cursor);
        List<Bookmark> rows = repo.byOwner(viewer.id(), Links.tagFilter(tag), before(c), c == null ? 0 : c.id(),
                n + 1);
        return page(rows, n);
    }

    /** The bookmarks saved into a space, for its readers (404 not visible, 403 not readable). */
    Page<Bookmark> inSpace(KontorUser viewer, long spaceId, String tag, String cursor, Integer limit) {
        policy.requireReadable(viewer, spaceId);
        int n = Cursor.limit(limit);
        Cursor c = Cursor.decode(cursor);
        return page(repo.bySpace(spaceId, Links.tagFilter(tag), before(c), c == null ? 0 : c.id(), n + 1), n);
    }

    List<Map.Entry<String, Integer>> myTags(KontorUser viewer) {
        return repo.ownerTags(viewer.id(), 30);
    }

    /** The Monday (UTC) of the week containing {@code day}, or of this week. */
    static LocalDate weekOf(LocalDate day) {
        return (day == null ? LocalDate.now(ZoneOffset.UTC) : day)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The links most people saved in the week (only saves the viewer may read count), optionally with a tag. */
    List<PopularLink> popular(KontorUser viewer, String tag, LocalDate week) {
        Instant from = week.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return repo.popular(policy.readableSpaceIds(viewer), Links.tagFilter(tag), from, to, 30).stream()
                .map(p -> new PopularLink(p.url(), p.title(), p.people(), p.tags())).toList();
    }

    List<Map.Entry<String, Integer>> popularTags(KontorUser viewer, LocalDate week) {
        Instant from = week.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return repo.popularTags(policy.readableSpaceIds(viewer), from, to, 20);
    }

    /** Spaces the viewer may save bookmarks into, by name. */
    List<SpaceRef> writableSpaces(KontorUser viewer) {
        return spaces.memberships(viewer.id()).stream().filter(s -> policy.canWrite(viewer, s.id())).toList();
    }

    /** Names of the spaces among the bookmarks (the viewer reads or owns them). */
    Map<Long, SpaceRef> spaceNames(Collection<Bookmark> bookmarks) {
        return spaces.find(bookmarks.stream().map(Bookmark::spaceId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    }

    /**
     * Imports a Netscape bookmark file privately or into a space the viewer may write to. Links that are not http(s)
     * or point at a forbidden address are skipped and counted; links the viewer saved there before are counted as
     * duplicates. Each link is saved like one saved by hand (tags checked, search updated).
     */
    @Transactional
    ImportResult importFile(KontorUser viewer, InputStream file, Long spaceId) {
        if (spaceId != null) {
            policy.requireWritable(viewer, spaceId);
        }
        int imported = 0;
        int invalid = 0;
        int duplicates = 0;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (NetscapeFormat.Entry e : NetscapeFormat.parse(file)) {
            Checked c;
            try {
                List<String> tags = e.tags().stream().flatMap(t -> safeTags(t).stream()).distinct()
                        .limit(Links.TAGS_MAX).toList();
                String title = e.title().length() > TITLE_MAX ? e.title().substring(0, TITLE_MAX) : e.title();
                String note = e.note().length() > NOTE_MAX ? e.note().substring(0, NOTE_MAX) : e.note();
                c = check(viewer, new Draft(e.url(), title, note, String.join(",", tags), spaceId));
            } catch (DomainException ex) {
                invalid++;
                continue;
            }
            if (seen.putIfAbsent(c.key(), true) != null || repo.exists(viewer.id(), c.key(), spaceId, null)) {
                duplicates++;
                continue;
            }
            long id = repo.insert(viewer.id(), spaceId, c.url(), c.key(), c.title(), c.note(),
                    e.addDate() == null ? Instant.now() : e.addDate());
            repo.replaceTags(id, c.tags());
            events.publishEvent(new BookmarkSaved(id, viewer.id(), spaceId));
            imported++;
        }
        return new ImportResult(imported, invalid, duplicates);
    }

    /** The viewer's bookmarks as a Netscape bookmark file. */
    String export(KontorUser viewer) {
        return NetscapeFormat.write(repo.allOf(viewer.id()), "Kontor");
    }

    /** Fetches the page's title and description; 422 on {@code url} when the address is refused. */
    Optional<LinkPreviews.Preview> preview(String url) {
        URI uri = Links.check(http, url);
        try {
            return previews.fetch(uri);
        } catch (OutboundHttp.Refused e) {
            if (e.reason() == OutboundHttp.Reason.SCHEME || e.reason() == OutboundHttp.Reason.FORBIDDEN_ADDRESS) {
                throw new DomainException.Invalid("url", e.reason().messageKey());
            }
            throw new FetchFailed(e.reason().messageKey());
        }
    }

    /** A preview that could not be fetched for a reason other than a refused address (timeout, unreachable, …). */
    static final class FetchFailed extends RuntimeException {
        private final String messageKey;

        FetchFailed(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private record Checked(String url, String key, String title, String note, List<String> tags) {
    }

    private Checked check(KontorUser viewer, Draft d) {
        if (viewer == null || !viewer.active()) {
            throw new DomainException.NotFound();
        }
        URI uri;
        List<DomainException.FieldError> errors = new ArrayList<>();
        try {
            uri = Links.check(http, d.url());
        } catch (DomainException.Invalid e) {
            errors.addAll(e.errors());
            uri = null;
        }
        List<String> tags = List.of();
        try {
            tags = Links.tags(d.tags());
        } catch (DomainException.Invalid e) {
            errors.addAll(e.errors());
        }
        String title = d.title() == null ? "" : d.title().strip();
        String note = d.note() == null ? "" : d.note().strip();
        if (title.length() > TITLE_MAX) {
            errors.add(new DomainException.FieldError("title", "validation.maxLength", TITLE_MAX));
        }
        if (note.length() > NOTE_MAX) {
            errors.add(new DomainException.FieldError("note", "validation.maxLength", NOTE_MAX));
        }
        if (title.isEmpty() && uri != null) {
            title = uri.getHost();
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        return new Checked(uri.toString(), Links.key(uri), title, note, tags);
    }

    private static List<String> safeTags(String t) {
        try {
            return Links.tags(t);
        } catch (DomainException e) {
            return List.of();
        }
    }

    private void requireNotArchived(KontorUser viewer, long spaceId) {
        if (policy.access(viewer, spaceId).archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
    }

    private static Instant before(Cursor c) {
        if (c == null) {
            return Instant.parse("9999-12-31T00:00:00Z");
        }
        try {
            return Instant.parse(c.key());
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException.Invalid("cursor", "validation.cursor");
        }
    }

    private static Page<Bookmark> page(List<Bookmark> rows, int n) {
        if (rows.size() <= n) {
            return new Page<>(rows, null);
        }
        List<Bookmark> items = rows.subList(0, n);
        Bookmark last = items.getLast();
        return new Page<>(List.copyOf(items), new Cursor(last.createdAt().toString(), last.id()).encode());
    }
}
