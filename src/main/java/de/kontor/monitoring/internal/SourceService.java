package de.kontor.monitoring.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;

/** Configuring sources; only the monitoring team (everyone else gets 404). */
@Service
public class SourceService {

    /** What the team fills in for a source; {@code target} is the hashtag or Mastodon account id. */
    public record SourceForm(String kind, String name, String url, String target, Integer intervalMinutes) {
        static SourceForm empty() {
            return new SourceForm("FEED", "", "", "", 15);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SourceRepository sources;
    private final MonitoringTeam team;

    SourceService(SourceRepository sources, MonitoringTeam team) {
        this.sources = sources;
        this.team = team;
    }

    List<Source> list(KontorUser viewer) {
        team.require(viewer);
        return sources.list();
    }

    Source get(KontorUser viewer, long id) {
        team.require(viewer);
        return sources.find(id).orElseThrow(DomainException.NotFound::new);
    }

    @Transactional
    Source create(KontorUser viewer, SourceForm form) {
        team.require(viewer);
        Source.Kind kind = parseKind(form.kind());
        String name = form.name() == null ? "" : form.name().strip();
        String url = form.url() == null ? "" : form.url().strip();
        String target = form.target() == null ? "" : form.target().strip();
        if (kind == Source.Kind.MASTODON_TAG && target.startsWith("#")) {
            target = target.substring(1);
        }
        int minutes = form.intervalMinutes() == null ? 15 : form.intervalMinutes();
        Validation v = new Validation().length("name", name, 1, 120)
                .check(minutes >= 1 && minutes <= 1440, "intervalMinutes", "monitoring.source.intervalInvalid");
        if (kind != Source.Kind.WEBHOOK && kind != Source.Kind.MAILBOX) {
            v.check(httpUrl(url), "url", "monitoring.source.urlInvalid");
        }
        if (kind == Source.Kind.MAILBOX) {
            v.check(target.matches("[\\p{L}\\p{N} ._/-]{1,200}"), "target", "monitoring.source.folderInvalid");
        }
        if (kind == Source.Kind.MASTODON_TAG) {
            v.check(target.matches("[\\p{L}\\p{N}_]{1,100}"), "target", "monitoring.source.tagInvalid");
        }
        if (kind == Source.Kind.MASTODON_ACCOUNT) {
            v.check(target.matches("[0-9]{1,30}"), "target", "monitoring.source.accountInvalid");
        }
        v.throwIfInvalid();
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random(18));
        String secret = kind == Source.Kind.WEBHOOK ? HexFormat.of().formatHex(random(32)) : null;
        boolean hasUrl = kind != Source.Kind.WEBHOOK && kind != Source.Kind.MAILBOX;
        boolean hasTarget = kind.name().startsWith("MASTODON") || kind == Source.Kind.MAILBOX;
        long id = sources.insert(key, kind, name, hasUrl ? url : null, hasTarget ? target : null, secret,
                minutes * 60, viewer.id());
        return sources.find(id).orElseThrow();
    }

    @Transactional
    void setEnabled(KontorUser viewer, long id, boolean enabled) {
        get(viewer, id);
        sources.setEnabled(id, enabled);
    }

    @Transactional
    void delete(KontorUser viewer, long id) {
        team.require(viewer);
        if (!sources.delete(id)) {
            throw new DomainException.NotFound();
        }
    }

    static Source.Kind parseKind(String kind) {
        try {
            return Source.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("kind", "monitoring.source.kindInvalid");
        }
    }

    private static boolean httpUrl(String url) {
        if (url.isEmpty() || url.length() > 2000) {
            return false;
        }
        try {
            URI u = URI.create(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
