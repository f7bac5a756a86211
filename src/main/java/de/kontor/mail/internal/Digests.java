package de.kontor.mail.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.mail.internal.DigestRepository.DigestPreference;
import de.kontor.mail.internal.DigestRepository.Frequency;
import de.kontor.shared.KontorProperties;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.PostPublishing;
import de.kontor.stream.RecentActivity;

/**
 * Daily or weekly digests: new posts in the person's spaces and followed posts with new comments since the last
 * digest. What goes in is decided when the digest is sent: only spaces the person may read at that moment (a space
 * they left is gone), and every post is checked again through {@link PostPublishing#readable}.
 */
@Service
public class Digests {

    private static final int BATCH = 20;
    private static final int ITEMS = 30;
    private static final int EXCERPT = 300;

    /** The settings page's view of a person's digest. */
    public record DigestSettings(Frequency frequency, int hour, String zone) {
    }

    private final DigestRepository digests;
    private final MailOutbox outbox;
    private final IdentityApi identity;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final RecentActivity activity;
    private final PostPublishing publishing;
    private final MailTexts texts;
    private final MailTokens tokens;
    private final TransactionTemplate tx;
    private final String baseUrl;

    Digests(DigestRepository digests, MailOutbox outbox, IdentityApi identity, VisibilityPolicy policy,
            SpaceDirectory spaces, RecentActivity activity, PostPublishing publishing, MailTexts texts,
            MailTokens tokens, TransactionTemplate tx, KontorProperties properties) {
        this.digests = digests;
        this.outbox = outbox;
        this.identity = identity;
        this.policy = policy;
        this.spaces = spaces;
        this.activity = activity;
        this.publishing = publishing;
        this.texts = texts;
        this.tokens = tokens;
        this.tx = tx;
        this.baseUrl = NotificationMails.stripSlash(properties.baseUrl());
    }

    DigestSettings settings(KontorUser viewer) {
        return digests.find(viewer.id())
                .map(p -> new DigestSettings(p.frequency(), p.hour(), p.zone()))
                .orElse(new DigestSettings(Frequency.OFF, 7, "Europe/Berlin"));
    }

    /** 422 for an unknown frequency, an hour outside 0–23 or an unknown time zone. */
    @Transactional
    void update(KontorUser viewer, String frequency, String hour, String zone) {
        Validation v = new Validation();
        Frequency f = parse(frequency);
        v.check(f != null, "frequency", "mail.digest.badFrequency");
        Integer h = hour != null && hour.strip().matches("\\d{1,2}") ? Integer.valueOf(hour.strip()) : null;
        v.check(h != null && h <= 23, "hour", "mail.digest.badHour");
        ZoneId z = zone(zone);
        v.check(z != null, "zone", "mail.digest.badZone");
        v.throwIfInvalid();
        if (f == Frequency.OFF) {
            digests.delete(viewer.id());
        } else {
            digests.save(viewer.id(), f, h, z.getId(), nextDue(f, h, z, Instant.now()));
        }
    }

    /** Stops the person's digest (one-click unsubscribe). */
    @Transactional
    void stop(long userId) {
        digests.delete(userId);
    }

    void sendDue() {
        Integer claimed;
        do {
            claimed = tx.execute(status -> {
                Instant now = Instant.now();
                List<DigestPreference> due = digests.claimDue(now, BATCH);
                for (DigestPreference p : due) {
                    send(p, now);
                    digests.markSent(p.userId(), now,
                            nextDue(p.frequency(), p.hour(), ZoneId.of(p.zone()), now));
                }
                return due.size();
            });
        } while (claimed != null && claimed == BATCH);
    }

    private void send(DigestPreference p, Instant now) {
        Optional<KontorUser> found = identity.principal(p.userId()).filter(KontorUser::active);
        if (found.isEmpty() || !outbox.enabled()) {
            return;
        }
        KontorUser user = found.get();
        Instant since = p.lastSentAt() != null ? p.lastSentAt()
                : now.minus(p.frequency() == Frequency.WEEKLY ? Duration.ofDays(7) : Duration.ofDays(1));
        Set<Long> readable = policy.readableSpaceIds(user);
        Set<Long> memberOf = new HashSet<>();
        spaces.memberships(user.id()).forEach(s -> memberOf.add(s.id()));
        memberOf.retainAll(readable);
        List<RecentActivity.ActivityItem> items = activity.since(user.id(), since, memberOf, readable,
                        !user.guest(), ITEMS).stream()
                .filter(i -> publishing.readable(user, i.postId()).isPresent())
                .toList();
        if (items.isEmpty()) {
            return;
        }
        Locale locale = MailTexts.locale(user);
        Set<Long> ids = new HashSet<>();
        Set<Long> spaceIds = new HashSet<>();
        items.forEach(i -> {
            ids.add(i.authorId());
            if (i.spaceId() != null) {
                spaceIds.add(i.spaceId());
            }
        });
        Map<Long, UserSummary> authors = identity.findAll(ids);
        Map<Long, SpaceDirectory.SpaceRef> names = spaces.find(spaceIds);
        String subject = texts.t(locale, p.frequency() == Frequency.WEEKLY ? "mail.digest.subject.weekly"
                : "mail.digest.subject.daily", items.size());
        MailBodies body = new MailBodies(locale.getLanguage()).heading(subject);
        for (RecentActivity.ActivityItem i : items) {
            String author = Optional.ofNullable(authors.get(i.authorId())).map(UserSummary::displayName).orElse("");
            String where = i.spaceId() == null ? texts.t(locale, "mail.digest.profile")
                    : Optional.ofNullable(names.get(i.spaceId())).map(SpaceDirectory.SpaceRef::name).orElse("");
            String line = i.newPost() ? texts.t(locale, "mail.digest.post", author, where)
                    : texts.t(locale, "mail.digest.comments", i.newComments(), author, where);
            body.paragraph(line).quote(MailBodies.excerpt(i.text(), EXCERPT))
                    .link(texts.t(locale, "mail.notification.open"), baseUrl + "/posts/" + i.postId());
        }
        String unsubscribe = baseUrl + "/mail/unsubscribe/" + tokens.unsubscribe(user.id(), MailTokens.DIGEST);
        body.footer(texts.t(locale, "mail.digest.why"), texts.t(locale, "mail.preferences"),
                        baseUrl + "/settings/email")
                .link(texts.t(locale, "mail.unsubscribe.link"), unsubscribe);
        outbox.enqueue(new OutgoingMail(user.id(), user.email(), OutgoingMail.Kind.DIGEST, subject, body.text(),
                body.html(), null, unsubscribe, false));
    }

    /** The next full hour {@code hour} in the zone after {@code now}; weekly digests go out on Mondays. */
    static Instant nextDue(Frequency f, int hour, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime next = local.withHour(hour).withMinute(0).withSecond(0).withNano(0);
        if (f == Frequency.WEEKLY) {
            next = next.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            if (!next.isAfter(local)) {
                next = next.plusWeeks(1);
            }
        } else if (!next.isAfter(local)) {
            next = next.plusDays(1);
        }
        return next.toInstant();
    }

    private static Frequency parse(String s) {
        for (Frequency f : Frequency.values()) {
            if (f.name().equals(s)) {
                return f;
            }
        }
        return null;
    }

    private static ZoneId zone(String s) {
        try {
            return s == null || s.isBlank() ? null : ZoneId.of(s.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
