package de.kontor.wiki.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.LocaleResolver;

import de.kontor.shared.web.JteViewResolver;
import de.kontor.shared.web.Problems;

/** 412/415/428 of the wiki as problem details (API) or the error page (UI). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WikiErrors {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JteViewResolver views;

    WikiErrors(MessageSource messages, LocaleResolver locales, JteViewResolver views) {
        this.messages = messages;
        this.locales = locales;
        this.views = views;
    }

    @ExceptionHandler(WikiProblem.class)
    ResponseEntity<?> problem(WikiProblem e, HttpServletRequest req, HttpServletResponse res) throws Exception {
        return respond(e.status(), e.getMessage(), e.args(), null, req, res);
    }

    /** Reached only from the API (the form catches it and shows the merge view): the current ETag comes along. */
    @ExceptionHandler(EditConflict.class)
    ResponseEntity<?> conflict(EditConflict e, HttpServletRequest req, HttpServletResponse res) throws Exception {
        return respond(412, "wiki.error.stale", new Object[] {e.current().revisionId()},
                etag(e.current().revisionId()), req, res);
    }

    /** A page's entity tag: its current revision id (strong, quoted). */
    static String etag(long revisionId) {
        return "\"" + revisionId + "\"";
    }

    private ResponseEntity<?> respond(int status, String key, Object[] args, String etag, HttpServletRequest req,
                                      HttpServletResponse res) throws Exception {
        String detail = messages.getMessage(key, args, key, locales.resolveLocale(req));
        if (Problems.isApi(req)) {
            ProblemDetail p = Problems.of(status, detail);
            ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON);
            if (etag != null) {
                b.header(HttpHeaders.ETAG, etag);
            }
            return b.body(p);
        }
        res.setStatus(status);
        views.render("error.jte", Map.of("status", status, "detail", detail), req, res);
        return null;
    }
}
