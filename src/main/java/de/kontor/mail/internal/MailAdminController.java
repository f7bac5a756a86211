package de.kontor.mail.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → E-mail: whether sending and reading mail are configured, the outbox by status, and the addresses that
 * failed or bounce (an admin may clear one after the person fixed their mailbox). {@code /admin/**} is for admins.
 */
@Controller
public class MailAdminController {

    /** What the page shows about the configuration (no passwords). */
    public record Status(boolean sending, String smtpHost, String from, boolean receiving, String imapHost,
                         String replyDomain) {
    }

    private final MailOutbox outbox;
    private final OutboxRepository repository;
    private final MailSettings settings;

    MailAdminController(MailOutbox outbox, OutboxRepository repository, MailSettings settings) {
        this.outbox = outbox;
        this.repository = repository;
        this.settings = settings;
    }

    @GetMapping("/admin/mail")
    String page(Model model) {
        model.addAttribute("status", new Status(outbox.enabled(), outbox.smtpHost(), settings.sender(),
                settings.incoming(), settings.imap().enabled() ? settings.imap().host() : null,
                settings.hasReplyDomain() ? settings.replyDomain() : null));
        model.addAttribute("counts", repository.counts());
        model.addAttribute("blocked", repository.blockedAddresses(200));
        return "mail/admin";
    }

    @PostMapping("/admin/mail/addresses/clear")
    String clear(@RequestParam String address, RedirectAttributes redirect) {
        repository.unblock(address);
        redirect.addFlashAttribute("flash", "mail.admin.cleared");
        return "redirect:/admin/mail";
    }
}
