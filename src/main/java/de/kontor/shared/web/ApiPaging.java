package de.kontor.shared.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The API's one way to answer a cursor-paginated list: {@code Link: <same request, next cursor>; rel="next"}. */
public final class ApiPaging {

    private ApiPaging() {
    }

    /** A 200 builder carrying the next-page link when there is a next page ({@code nextCursor} not null). */
    public static ResponseEntity.BodyBuilder ok(String nextCursor) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (nextCursor != null) {
            ok.header(HttpHeaders.LINK, nextLink(nextCursor));
        }
        return ok;
    }

    /** The {@code Link} header value: the current request (filters and limit kept) with the cursor replaced. */
    public static String nextLink(String nextCursor) {
        String url = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", nextCursor)
                .build().toUriString();
        return "<" + url + ">; rel=\"next\"";
    }
}
