package de.kontor.search.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.ApiPaging;

/** {@code GET /api/v1/search}: the results page as JSON, with the same permissions. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Search", description = "Full-text search over posts, spaces and people the caller may open")
class SearchApiController {

    record HitJson(String type, String id, String title, String snippetHtml, String url, String spaceId,
                   String spaceName, String authorId, String authorName, String createdAt, List<String> tags) {
        static HitJson of(SearchService.Hit h) {
            return new HitJson(h.type(), Long.toString(h.id()), h.title(), h.snippet(), h.url(),
                    h.spaceId() == null ? null : Long.toString(h.spaceId()), h.spaceName(),
                    h.authorId() == null ? null : Long.toString(h.authorId()), h.authorName(),
                    h.createdAt().toString(), h.tags());
        }
    }

    record FacetJson(String value, String label, long count) {
    }

    /** {@code totalExact} false: more than {@code total} hits, and the facets count the best {@code total}. */
    record SearchJson(String query, long total, boolean totalExact, List<HitJson> items, String nextCursor,
                      String didYouMean, java.util.Map<String, List<FacetJson>> facets) {
    }

    private final SearchService search;
    private final IndexApplier applier;

    SearchApiController(SearchService search, IndexApplier applier) {
        this.search = search;
        this.applier = applier;
    }

    @GetMapping("/search")
    @Operation(summary = "Search", description = """
            Words are required (AND); "exact phrase", prefix*, -excluded and field-free Lucene syntax work, syntax
            errors are searched as plain words. Only documents the caller may open are found, counted or suggested.
            Hits are counted up to 1,000: beyond that `totalExact` is false, `total` is 1000 and the facet counts
            are those of the best 1,000 hits, unless `exactTotal=true` asks for every hit to be counted (slower).
            `snippetHtml` is escaped text with <mark> around the matches. 422 for an empty query or one over 500
            characters.""")
    ResponseEntity<SearchJson> search(@AuthenticationPrincipal KontorUser viewer,
                                      @Parameter(description = "the query") @RequestParam(required = false) String q,
                                      @Parameter(description = "post, space, person or message")
                                      @RequestParam(required = false) String type,
                                      @Parameter(description = "only content of this space")
                                      @RequestParam(required = false) String space,
                                      @RequestParam(required = false) String author,
                                      @RequestParam(required = false) String tag,
                                      @Parameter(description = "week, month, year or older")
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Integer limit,
                                      @Parameter(description = "count every hit and facet them all (slower)")
                                      @RequestParam(defaultValue = "false") boolean exactTotal) {
        int size = Cursor.limit(limit);
        Cursor c = Cursor.decode(cursor);
        int offset = 0;
        if (c != null) {
            if (!"offset".equals(c.key()) || c.id() < 0 || c.id() > SearchService.MAX_OFFSET) {
                throw new DomainException.Invalid("cursor", "validation.cursor");
            }
            offset = (int) c.id();
        }
        SearchParams params = new SearchParams(type, space, author, tag, period, 1);
        SearchService.Results r = search.search(viewer, q, params.filters(applier.types()), offset, size,
                exactTotal);
        String next = r.hasMore() && offset + size <= SearchService.MAX_OFFSET
                ? new Cursor("offset", offset + size).encode() : null;
        java.util.Map<String, List<FacetJson>> facets = new java.util.LinkedHashMap<>();
        r.facets().forEach((k, v) -> facets.put(k, v.stream()
                .map(f -> new FacetJson(f.value(), f.label(), f.count())).toList()));
        return ApiPaging.ok(next).body(new SearchJson(r.q(), r.total(), r.totalExact(),
                r.hits().stream().map(HitJson::of).toList(), next, r.didYouMean(), facets));
    }
}
