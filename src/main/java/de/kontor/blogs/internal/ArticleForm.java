package de.kontor.blogs.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import de.kontor.shared.DomainException;

/**
 * The article form as posted: {@code spaceId} empty for the writer's own blog, {@code tags} one line, {@code action}
 * the button pressed (draft, publish, schedule), {@code publishAt} a local date and time.
 */
public record ArticleForm(String spaceId, String title, String teaser, String body, String tags, String action,
                          String publishAt) {

    /** The form's times are the company's local time (the demo company is in Germany). */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    static ArticleForm empty(Long spaceId) {
        return new ArticleForm(spaceId == null ? "" : spaceId.toString(), "", "", "", "", "DRAFT", "");
    }

    static ArticleForm of(Article a) {
        return new ArticleForm(a.spaceId() == null ? "" : a.spaceId().toString(), a.title(), a.teaser(), a.body(),
                String.join(", ", a.tags()), a.state().name(),
                a.publishAt() == null ? "" : LocalDateTime.ofInstant(a.publishAt(), ZONE).toString().substring(0, 16));
    }

    BlogService.Draft draft() {
        return new BlogService.Draft(title, teaser, body, tags == null ? List.of() : List.of(tags.split("[,\\s]+")),
                action(action), local(publishAt));
    }

    Long space() {
        return number("spaceId", spaceId);
    }

    static BlogService.Action action(String value) {
        if (value == null || value.isBlank()) {
            return BlogService.Action.DRAFT;
        }
        return switch (value.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "DRAFT" -> BlogService.Action.DRAFT;
            case "PUBLISH", "PUBLISHED" -> BlogService.Action.PUBLISH;
            case "SCHEDULE", "SCHEDULED" -> BlogService.Action.SCHEDULE;
            default -> throw new DomainException.Invalid("state", "blogs.error.state");
        };
    }

    static Instant local(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid("publishAt", "blogs.error.time");
        }
    }

    static Instant iso(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid("publishAt", "blogs.error.time");
        }
    }

    static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(field, "blogs.error.number");
        }
    }
}
