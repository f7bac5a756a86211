package de.kontor.shared.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** The profile's language if set, otherwise the best of German/English from the browser, otherwise English. */
@Component("localeResolver")
public class KontorLocaleResolver implements LocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Viewer v && v.locale() != null) {
            return Locale.forLanguageTag(v.locale());
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException ignored) {
                // malformed header: fall back
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is set in the profile");
    }
}
