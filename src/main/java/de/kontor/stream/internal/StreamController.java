package de.kontor.stream.internal;

import de.kontor.stream.PostText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceDirectory.SpaceRef;
import de.kontor.spaces.Visibility;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.internal.FollowRepository.Type;
import de.kontor.stream.internal.StreamPages.Composer;
import de.kontor.stream.internal.StreamPages.StreamModel;
import de.kontor.stream.internal.StreamPages.Toggle;
import de.kontor.stream.internal.StreamService.StreamPage;

/** The stream pages: home ({@code /}), company, space, tag and person streams, the composer and its preview. */
@Controller
class StreamController {

    private final StreamService streams;
    private final FollowService follows;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final MessageSource messages;
    private final LocaleResolver locales;

    StreamController(StreamService streams, FollowService follows, VisibilityPolicy policy,
                     SpaceDirectory spaces, IdentityApi identity, MessageSource messages,
                     LocaleResolver locales) {
        this.streams = streams;
        this.follows = follows;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.messages = messages;
        this.locales = locales;
    }

    /** Home; {@code ?unread=1} shows only posts the viewer has not read (kept in the "load more" link). */
    @GetMapping("/")
    String home(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String cursor,
                @RequestParam(required = false) String unread,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, HttpServletRequest req) {
        boolean onlyUnread = "1".equals(unread) || "true".equals(unread);
        StreamPage page = streams.home(viewer, cursor, null, onlyUnread);
        String self = onlyUnread ? "/?unread=1" : "/";
        model.addAttribute("model", new StreamModel("home", t(req, "stream.home.title"), null, page, self,
                cursor == null ? composer(viewer, null, null, null, self) : null, List.of(),
                cursor == null ? streams.trending(viewer, 10) : List.of(), warnings(model), null));
        model.addAttribute("unread", onlyUnread);
        return view(htmx, cursor);
    }

    /** "Mark all as read" on the home stream; back to where the button was. */
    @PostMapping("/stream/read-all")
    String readAll(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String back,
                   RedirectAttributes redirect) {
        streams.markAllRead(viewer);
        redirect.addFlashAttribute("flash", "stream.flash.allRead");
        return "redirect:" + safeBack(back);
    }

    @GetMapping("/stream/company")
    String company(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String cursor,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                   HttpServletRequest req) {
        StreamPage page = streams.company(viewer, cursor, null);
        model.addAttribute("model", new StreamModel("company", t(req, "stream.company.title"),
                t(req, "stream.company.intro"), page, "/stream/company", null, List.of(),
                cursor == null ? streams.trending(viewer, 10) : List.of(), List.of(), null));
        return view(htmx, cursor);
    }

    @GetMapping("/spaces/{id:\\d+}/posts")
    String space(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                 @RequestParam(required = false) String cursor,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 Model model, HttpServletRequest req) {
        StreamPage page = streams.space(viewer, id, cursor, null);
        SpaceAccess a = policy.access(viewer, id);
        SpaceRef space = spaces.find(Set.of(id)).get(id);
        String back = "/spaces/" + id + "/posts";
        List<Toggle> toggles = new ArrayList<>();
        boolean following = follows.follows(viewer, Type.SPACE, Long.toString(id));
        toggles.add(new Toggle("/follows/space/" + id + (following ? "/delete" : ""),
                t(req, following ? "stream.space.unfollow" : "stream.space.follow"), following));
        boolean muted = follows.muted(viewer, id);
        toggles.add(new Toggle("/spaces/" + id + (muted ? "/unmute" : "/mute"),
                t(req, muted ? "stream.space.unmute" : "stream.space.mute"), muted));
        String notice = a.archived() ? t(req, "stream.space.readOnly") : muted ? t(req, "stream.space.muted") : null;
        model.addAttribute("model", new StreamModel("space", t(req, "stream.space.title", space.name()), null, page,
                back, cursor == null && a.write() ? composer(viewer, id, null, null, back) : null, toggles,
                List.of(), warnings(model), notice));
        model.addAttribute("spaceId", id);
        return view(htmx, cursor);
    }

    @GetMapping("/tags/{tag}")
    String tag(@AuthenticationPrincipal KontorUser viewer, @PathVariable String tag,
               @RequestParam(required = false) String cursor,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
               HttpServletRequest req) {
        String t = StreamService.normalizeTag(tag);
        StreamPage page = streams.tag(viewer, t, cursor, null);
        boolean following = follows.follows(viewer, Type.TAG, t);
        String encoded = UriUtils.encodePathSegment(t, java.nio.charset.StandardCharsets.UTF_8);
        List<Toggle> toggles = List.of(new Toggle("/follows/tag/" + encoded + (following ? "/delete" : ""),
                t(req, following ? "stream.tag.unfollow" : "stream.tag.follow", t), following));
        model.addAttribute("model", new StreamModel("tag", t(req, "stream.tag.title", t), null, page,
                "/tags/" + encoded, null, toggles, cursor == null ? streams.trending(viewer, 10) : List.of(),
                List.of(), null));
        return view(htmx, cursor);
    }

    @GetMapping("/people/{id:\\d+}/posts")
    String person(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String cursor,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, HttpServletRequest req) {
        UserSummary person = identity.find(id).orElseThrow(DomainException.NotFound::new);
        StreamPage page = streams.person(viewer, id, cursor, null);
        List<Toggle> toggles = new ArrayList<>();
        if (id != viewer.id()) {
            boolean following = follows.follows(viewer, Type.USER, Long.toString(id));
            toggles.add(new Toggle("/follows/user/" + id + (following ? "/delete" : ""),
                    t(req, following ? "stream.person.unfollow" : "stream.person.follow", person.displayName()),
                    following));
        }
        String back = "/people/" + id + "/posts";
        model.addAttribute("model", new StreamModel("person", t(req, "stream.person.title", person.displayName()),
                null, page, back, cursor == null && id == viewer.id() ? composer(viewer, null, null, null, back)
                : null, toggles, List.of(), warnings(model), null));
        model.addAttribute("personId", id);
        return view(htmx, cursor);
    }

    /** Without JavaScript the preview button submits the whole form here; htmx swaps only the preview in. */
    @PostMapping("/posts/preview")
    String preview(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String spaceId,
                   @RequestParam(required = false) String body, @RequestParam(required = false) String back,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String html = body == null || body.length() > PostText.MAX_LENGTH ? "" : PostText.render(body).html();
        if (htmx != null) {
            model.addAttribute("html", html);
            return "stream/preview";
        }
        model.addAttribute("composer", composer(viewer, fixed(spaceId), body, html, back));
        return "stream/compose";
    }

    @GetMapping("/people/suggest")
    String suggest(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String q,
                   @RequestParam(required = false) Long spaceId, Model model) {
        List<UserSummary> people = identity.suggest(q == null ? "" : q, 20);
        boolean onlyMembers = false;
        if (spaceId != null) {
            SpaceAccess a = policy.requireReadable(viewer, spaceId);
            SpaceRef s = spaces.find(Set.of(spaceId)).get(spaceId);
            if (s != null && s.visibility() != Visibility.PUBLIC && a.read()) {
                Set<Long> members = spaces.memberIds(spaceId);
                people = people.stream().filter(u -> members.contains(u.id())).toList();
                onlyMembers = true;
            }
        }
        model.addAttribute("people", people.stream().limit(8).toList());
        model.addAttribute("onlyMembers", onlyMembers);
        return "stream/suggest";
    }

    private static Long fixed(String spaceId) {
        if (spaceId == null || spaceId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(spaceId.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("spaceId", "stream.error.badId");
        }
    }

    /** The composer for a page: a fixed space, or the viewer's writable spaces (+ profile for company members). */
    Composer composer(KontorUser viewer, Long spaceId, String body, String preview, String back) {
        List<SpaceRef> choice = spaceId == null ? streams.writableSpaces(viewer) : List.of();
        if (spaceId == null && choice.isEmpty() && viewer.guest()) {
            return null;
        }
        return new Composer(choice, spaceId, !viewer.guest(), spaceId, body, preview, safeBack(back));
    }

    static String safeBack(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }

    private static String view(String htmx, String cursor) {
        return htmx != null && cursor != null ? "stream/more" : "stream/stream";
    }

    @SuppressWarnings("unchecked")
    private static List<String> warnings(Model model) {
        return model.getAttribute("warnings") instanceof List<?> l ? (List<String>) l : List.of();
    }

    private String t(HttpServletRequest req, String key, Object... args) {
        Locale locale = locales.resolveLocale(req);
        return messages.getMessage(key, args, key, locale);
    }
}
