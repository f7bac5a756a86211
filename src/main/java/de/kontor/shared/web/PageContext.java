package de.kontor.shared.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;

import de.kontor.shared.DomainException;

/**
 * Per-request context handed to every jte template as {@code ctx}: messages in the request's language, the CSRF
 * token, the signed-in viewer (or null), flash message and the current path for navigation highlighting.
 */
public final class PageContext {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final MessageSource messages;
    private final Locale locale;
    private final CsrfToken csrf;
    private final Viewer viewer;
    private final String path;
    private final String flash;
    private final Map<String, String> fieldErrors;
    private final List<TopbarBadge> badges;
    private final Map<String, Integer> badgeCounts = new HashMap<>();

    public PageContext(MessageSource messages, Locale locale, CsrfToken csrf, Viewer viewer, String path,
                       String flash, Map<String, String> fieldErrors, List<TopbarBadge> badges) {
        this.messages = messages;
        this.locale = locale;
        this.csrf = csrf;
        this.viewer = viewer;
        this.path = path;
        this.flash = flash;
        this.fieldErrors = fieldErrors == null ? Map.of() : fieldErrors;
        this.badges = badges;
    }

    /** Translated message for a key. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public String csrfParam() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public Viewer viewer() {
        return viewer;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean admin() {
        return viewer != null && viewer.admin();
    }

    public boolean guest() {
        return viewer != null && viewer.guest();
    }

    /** A top bar counter by name (0 when signed out or when no module contributes it); computed once per page. */
    public int badge(String name) {
        if (viewer == null) {
            return 0;
        }
        return badgeCounts.computeIfAbsent(name, n -> badges.stream().filter(b -> b.name().equals(n))
                .mapToInt(b -> b.count(viewer)).sum());
    }

    public String path() {
        return path;
    }

    /** True when the current path is {@code prefix} or below it (for the active navigation item). */
    public boolean active(String prefix) {
        return path.equals(prefix) || (!prefix.equals("/") && path.startsWith(prefix + "/"));
    }

    public String flash() {
        return flash;
    }

    /** Message beside a form field, or null. */
    public String error(String field) {
        return fieldErrors.get(field);
    }

    public boolean hasErrors() {
        return !fieldErrors.isEmpty();
    }

    public String message(DomainException.FieldError e) {
        return t(e.messageKey(), e.args());
    }

    /** Relative time ("vor 5 Minuten" / "5 minutes ago"). */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
        if (s < 60) {
            return t("time.justNow");
        }
        if (s < 3600) {
            return t("time.minutesAgo", s / 60);
        }
        if (s < 86400) {
            return t("time.hoursAgo", s / 3600);
        }
        if (s < 86400L * 30) {
            return t("time.daysAgo", s / 86400);
        }
        return date(at);
    }

    public String date(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(at.atZone(ZONE));
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(at.atZone(ZONE));
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }
}
