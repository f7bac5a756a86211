package de.kontor.stream.internal;

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

/** 429 with {@code Retry-After} for the posting rate limit, as problem details (API) or the error page (UI). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StreamErrors {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JteViewResolver views;

    StreamErrors(MessageSource messages, LocaleResolver locales, JteViewResolver views) {
        this.messages = messages;
        this.locales = locales;
        this.views = views;
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<?> rateLimited(RateLimited e, HttpServletRequest req, HttpServletResponse res) throws Exception {
        String detail = messages.getMessage(e.getMessage(), new Object[] {e.retryAfterSeconds()}, e.getMessage(),
                locales.resolveLocale(req));
        String retry = Long.toString(e.retryAfterSeconds());
        if (Problems.isApi(req)) {
            ProblemDetail p = Problems.of(429, detail);
            return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, retry).contentType(Problems.PROBLEM_JSON)
                    .body(p);
        }
        res.setStatus(429);
        res.setHeader(HttpHeaders.RETRY_AFTER, retry);
        views.render("error.jte", Map.of("status", 429, "detail", detail), req, res);
        return null;
    }
}
