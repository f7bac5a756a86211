package de.kontor.search.internal;

import java.util.Locale;

import de.kontor.search.internal.FacetCounts.Period;
import de.kontor.search.internal.SearchService.Filters;
import de.kontor.shared.DomainException;

/** The facet values of a request as typed (strings), turned into {@link Filters} with 422 for nonsense. */
public record SearchParams(String type, String space, String author, String tag, String period, int page) {

    String get(String facet) {
        String v = switch (facet) {
            case "type" -> type;
            case "space" -> space;
            case "author" -> author;
            case "tag" -> tag;
            case "period" -> period;
            default -> null;
        };
        return v == null || v.isBlank() ? null : v;
    }

    Filters filters(java.util.Collection<String> types) {
        String t = get("type");
        if (t != null && !types.contains(t)) {
            throw new DomainException.Invalid("type", "search.error.type");
        }
        Period p = null;
        if (get("period") != null) {
            try {
                p = Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DomainException.Invalid("period", "search.error.period");
            }
        }
        return new Filters(t, id("space"), id("author"), get("tag"), p);
    }

    private Long id(String facet) {
        String v = get(facet);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(facet, "search.error.id");
        }
    }
}
