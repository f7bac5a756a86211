package de.kontor.mail.internal;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import de.kontor.notify.EmailPreferences;
import de.kontor.shared.DomainException;

/**
 * One-click unsubscribe (RFC 8058) without signing in: the signed token in the link names the person and what to
 * stop. GET only shows a confirm page (link scanners must not unsubscribe anyone); the POST, from the page or
 * straight from the mail client ({@code List-Unsubscribe=One-Click}), switches that e-mail off. Open to everyone
 * and without CSRF token (see SecurityConfiguration): the token is the proof.
 */
@Controller
class UnsubscribeController {

    private final MailTokens tokens;
    private final EmailPreferences notifications;
    private final Digests digests;

    UnsubscribeController(MailTokens tokens, EmailPreferences notifications, Digests digests) {
        this.tokens = tokens;
        this.notifications = notifications;
        this.digests = digests;
    }

    @GetMapping("/mail/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model) {
        MailTokens.Unsubscribe u = valid(token);
        model.addAttribute("token", token);
        model.addAttribute("what", what(u));
        model.addAttribute("done", false);
        return "mail/unsubscribe";
    }

    @PostMapping("/mail/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        MailTokens.Unsubscribe u = valid(token);
        if (MailTokens.DIGEST.equals(u.what())) {
            digests.stop(u.userId());
        } else if (!notifications.stopEmail(u.userId(), u.what())) {
            throw new DomainException.NotFound();
        }
        model.addAttribute("token", token);
        model.addAttribute("what", what(u));
        model.addAttribute("done", true);
        return "mail/unsubscribe";
    }

    private MailTokens.Unsubscribe valid(String token) {
        Optional<MailTokens.Unsubscribe> u = tokens.verifyUnsubscribe(token);
        return u.orElseThrow(DomainException.NotFound::new);
    }

    /** The message key naming what is stopped. */
    private static String what(MailTokens.Unsubscribe u) {
        return MailTokens.DIGEST.equals(u.what()) ? "mail.digest.title" : "notify.type." + u.what();
    }
}
