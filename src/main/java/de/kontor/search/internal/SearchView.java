package de.kontor.search.internal;

import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

import de.kontor.search.internal.SearchService.FacetValue;
import de.kontor.search.internal.SearchService.Results;

/** The results page: the query, the chosen facet values and links that change one of them. */
public record SearchView(String q, SearchParams params, Results results, RebuildStatus.Snapshot rebuild) {

    /** Facet groups in the order the page shows them. */
    public static final List<String> FACETS = List.of("type", "space", "author", "tag", "period");

    public List<FacetValue> facet(String name) {
        return results == null ? List.of() : results.facets().getOrDefault(name, List.of());
    }

    public boolean selected(String facet, String value) {
        return value.equals(params.get(facet));
    }

    public boolean narrowed(String facet) {
        return params.get(facet) != null;
    }

    /** This search with one facet set (or cleared with null), from the first page. */
    public String with(String facet, String value) {
        UriComponentsBuilder b = base();
        for (String f : FACETS) {
            String v = f.equals(facet) ? value : params.get(f);
            if (v != null) {
                b.queryParam(f, v);
            }
        }
        return b.build().encode().toUriString();
    }

    public String page(int page) {
        UriComponentsBuilder b = base();
        for (String f : FACETS) {
            if (params.get(f) != null) {
                b.queryParam(f, params.get(f));
            }
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.build().encode().toUriString();
    }

    public String didYouMeanUrl() {
        return UriComponentsBuilder.fromPath("/search").queryParam("q", results.didYouMean()).build().encode()
                .toUriString();
    }

    public int currentPage() {
        return params.page();
    }

    private UriComponentsBuilder base() {
        return UriComponentsBuilder.fromPath("/search").queryParam("q", q);
    }
}
