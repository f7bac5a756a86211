package de.kontor.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import de.kontor.shared.DomainException;

/** Turns a validation or conflict error into translated messages per form field (shown beside the field). */
@Component
public class FormErrors {

    private final MessageSource messages;
    private final LocaleResolver locales;

    public FormErrors(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    public Map<String, String> messages(DomainException e, HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        var locale = locales.resolveLocale(request);
        if (e instanceof DomainException.Invalid invalid) {
            for (DomainException.FieldError fe : invalid.errors()) {
                out.putIfAbsent(fe.field(), messages.getMessage(fe.messageKey(), fe.args(), fe.messageKey(), locale));
            }
        } else if (e instanceof DomainException.Conflict c) {
            out.put(c.field(), messages.getMessage(c.messageKey(), c.args(), c.messageKey(), locale));
        } else {
            out.put("_form", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return out;
    }
}
