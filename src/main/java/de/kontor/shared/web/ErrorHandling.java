package de.kontor.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.DisconnectedClientHelper;

import de.kontor.shared.DomainException;

/**
 * Maps every error once: API requests get RFC 9457 problem details, browser requests a friendly error page.
 * Forms that want field messages catch {@link DomainException.Invalid} themselves and re-render.
 */
@RestControllerAdvice
public class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JteViewResolver views;

    public ErrorHandling(MessageSource messages, LocaleResolver localeResolver, JteViewResolver views) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.views = views;
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<?> domain(DomainException e, HttpServletRequest req, HttpServletResponse res)
            throws Exception {
        Locale locale = localeResolver.resolveLocale(req);
        String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        ProblemDetail p = Problems.of(e.status(), detail);
        if (e instanceof DomainException.Invalid invalid) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (DomainException.FieldError fe : invalid.errors()) {
                errors.add(Map.of("field", fe.field(),
                        "message", messages.getMessage(fe.messageKey(), fe.args(), fe.messageKey(), locale)));
            }
            Problems.withErrors(p, errors);
            if (!errors.isEmpty()) {
                p.setDetail(errors.getFirst().get("field") + ": " + errors.getFirst().get("message"));
            }
        }
        return respond(p, req, res);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<?> unreadable(HttpMessageNotReadableException e, HttpServletRequest req,
                                        HttpServletResponse res) throws Exception {
        return respond(Problems.of(400, msg(req, "error.malformedJson")), req, res);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public ResponseEntity<?> badParam(Exception e, HttpServletRequest req, HttpServletResponse res) throws Exception {
        return respond(Problems.of(400, msg(req, "error.badRequest") + " " + e.getMessage()), req, res);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest req,
                                      HttpServletResponse res) throws Exception {
        return respond(Problems.of(413, msg(req, "error.uploadTooLarge")), req, res);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    public void security(Exception e) throws Exception {
        throw e; // handled by the security filter chain's entry point / access denied handler
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<?> unexpected(Exception e, HttpServletRequest req, HttpServletResponse res)
            throws Exception {
        if (e instanceof ErrorResponse er) {
            ProblemDetail p = Problems.of(er.getStatusCode().value(),
                    er.getBody().getDetail() == null ? e.getMessage() : er.getBody().getDetail());
            ResponseEntity<?> r = respond(p, req, res);
            return r == null ? null : ResponseEntity.status(r.getStatusCode()).headers(er.getHeaders())
                    .contentType(Problems.PROBLEM_JSON).body(r.getBody());
        }
        // a client that went away (a closed live-updates connection, a broken pipe at the end of a load run) is not
        // an error, and nothing can be sent to it
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client disconnected during {} {}: {}", req.getMethod(), req.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return respond(Problems.of(500, msg(req, "error.unexpected")), req, res);
    }

    private String msg(HttpServletRequest req, String key) {
        return messages.getMessage(key, null, key, localeResolver.resolveLocale(req));
    }

    private ResponseEntity<?> respond(ProblemDetail p, HttpServletRequest req, HttpServletResponse res)
            throws Exception {
        if (Problems.isApi(req) || acceptsJsonOnly(req)) {
            return ResponseEntity.status(HttpStatusCode.valueOf(p.getStatus()))
                    .contentType(Problems.PROBLEM_JSON).body(p);
        }
        res.setStatus(p.getStatus());
        views.render("error.jte", Map.of("status", p.getStatus(), "detail", p.getDetail() == null ? "" : p.getDetail()),
                req, res);
        return null;
    }

    private static boolean acceptsJsonOnly(HttpServletRequest req) {
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("html");
    }
}
