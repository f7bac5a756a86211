package de.kontor.decisions.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.web.JteViewResolver;
import de.kontor.stream.PostExtension;

/** Shows a post's poll under its text in every post card (stream, space, single post). */
@Component
class PollCards implements PostExtension {

    private final PollService polls;
    private final JteViewResolver views;

    PollCards(PollService polls, JteViewResolver views) {
        this.polls = polls;
        this.views = views;
    }

    @Override
    public Map<Long, String> renderHtml(Collection<Long> postIds, KontorUser viewer) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getRequest().getRequestURI().startsWith("/api/")) {
            return out;
        }
        String back = PollController.safeBack(attributes.getRequest().getRequestURI());
        polls.forReadablePosts(viewer, postIds).forEach((postId, poll) ->
                out.put(postId, views.renderFragment("decisions/poll", Map.of("poll", poll, "back", back))));
        return out;
    }
}
