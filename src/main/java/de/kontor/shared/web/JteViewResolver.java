package de.kontor.shared.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Resolves view names to precompiled jte templates ({@code "spaces/list"} → {@code spaces/list.jte}) and renders
 * them into bytes, which is about twice as fast as String output (see STACK.md).
 */
@Component
public class JteViewResolver implements ViewResolver, Ordered {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ObjectProvider<TopbarBadge> badges;

    public JteViewResolver(MessageSource messages, LocaleResolver localeResolver, ObjectProvider<TopbarBadge> badges) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.badges = badges;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
            return null;
        }
        return new JteView(viewName + ".jte");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    /** Builds the per-request {@link PageContext}; also used by error handling outside a controller. */
    public PageContext context(HttpServletRequest request, Map<String, ?> model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Viewer viewer = auth != null && auth.getPrincipal() instanceof Viewer v ? v : null;
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Object flash = model.get("flash");
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.get("fieldErrors");
        List<TopbarBadge> counters = viewer == null ? List.of() : badges.orderedStream().toList();
        return new PageContext(messages, localeResolver.resolveLocale(request), csrf, viewer,
                request.getRequestURI(), flash == null ? null : flash.toString(), errors, counters);
    }

    /** Renders a template directly into the response. */
    public void render(String template, Map<String, ?> model, HttpServletRequest request,
                       HttpServletResponse response) throws java.io.IOException {
        Map<String, Object> params = new HashMap<>(model);
        params.put("ctx", context(request, model));
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, params, out);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(out.getContentLength());
        out.writeTo(response.getOutputStream());
    }

    /**
     * Renders a template (view name without {@code .jte}) to a String for the current request, for HTML fragments
     * that one module hands to another (a poll shown in a post card); empty outside a request.
     */
    public String renderFragment(String viewName, Map<String, ?> model) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "";
        }
        Map<String, Object> params = new HashMap<>(model);
        params.put("ctx", context(attributes.getRequest(), model));
        StringOutput out = new StringOutput();
        engine.render(viewName + ".jte", params, out);
        return out.toString();
    }

    private final class JteView implements View {
        private final String template;

        JteView(String template) {
            this.template = template;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            JteViewResolver.this.render(template, model == null ? new LinkedHashMap<>() : model, request, response);
        }
    }
}
