package de.kontor.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.notify.NotificationCreated;
import de.kontor.shared.KontorProperties;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.stream.PostDocuments;
import de.kontor.stream.PostPublishing;
import de.kontor.stream.RecentActivity;

/**
 * Turns a notification someone wants by e-mail into a queued mail (after the notifying transaction committed):
 * in their language, with the comment's or post's text when they may still read the post, a one-click unsubscribe link for the type
 * and, for notifications about a post, a signed reply address whose answer becomes a comment.
 */
@Component
class NotificationMails {

    private static final int EXCERPT = 600;

    private final MailOutbox outbox;
    private final IdentityApi identity;
    private final SpaceDirectory spaces;
    private final PostPublishing publishing;
    private final PostDocuments documents;
    private final RecentActivity activity;
    private final MailTexts texts;
    private final MailTokens tokens;
    private final MailSettings settings;
    private final String baseUrl;

    NotificationMails(MailOutbox outbox, IdentityApi identity, SpaceDirectory spaces, PostPublishing publishing,
                      PostDocuments documents, RecentActivity activity, MailTexts texts, MailTokens tokens, MailSettings settings,
                      KontorProperties properties) {
        this.outbox = outbox;
        this.identity = identity;
        this.spaces = spaces;
        this.publishing = publishing;
        this.documents = documents;
        this.activity = activity;
        this.texts = texts;
        this.tokens = tokens;
        this.settings = settings;
        this.baseUrl = stripSlash(properties.baseUrl());
    }

    @ApplicationModuleListener
    void on(NotificationCreated event) {
        if (!outbox.enabled()) {
            return;
        }
        Optional<KontorUser> found = identity.principal(event.recipientId()).filter(KontorUser::active);
        if (found.isEmpty()) {
            return;
        }
        KontorUser recipient = found.get();
        Locale locale = MailTexts.locale(recipient);
        String actor = Optional.ofNullable(event.actorId()).flatMap(identity::find).map(UserSummary::displayName)
                .orElse(texts.t(locale, "notify.someone"));
        String spaceName = event.spaceId() == null ? "" : Optional.ofNullable(
                spaces.find(List.of(event.spaceId())).get(event.spaceId())).map(SpaceDirectory.SpaceRef::name)
                .orElse("");
        String headline = texts.t(locale, "notify.text." + event.type(), actor, 1, spaceName);
        boolean aboutPost = event.postId() != null && event.link().startsWith("/posts/")
                && publishing.readable(recipient, event.postId()).isPresent();

        MailBodies body = new MailBodies(locale.getLanguage()).heading(headline);
        String replyTo = null;
        if (aboutPost) {
            Optional<String> comment = event.commentId() == null ? Optional.empty()
                    : activity.commentText(event.commentId());
            if (comment.isPresent()) {
                body.quote(MailBodies.excerpt(comment.get(), EXCERPT));
            } else {
                documents.find(event.postId()).filter(d -> !d.deleted())
                        .ifPresent(d -> body.quote(MailBodies.excerpt(d.text(), EXCERPT)));
            }
            if (settings.hasReplyDomain()) {
                replyTo = "reply+" + tokens.reply(recipient.id(), event.postId(), Instant.now()) + "@"
                        + settings.replyDomain().strip();
                body.paragraph(texts.t(locale, "mail.notification.replyHint"));
            }
        }
        String unsubscribe = baseUrl + "/mail/unsubscribe/" + tokens.unsubscribe(recipient.id(), event.type());
        body.link(texts.t(locale, "mail.notification.open"), baseUrl + event.link())
                .footer(texts.t(locale, "mail.notification.why", texts.t(locale, "notify.type." + event.type())),
                        texts.t(locale, "mail.preferences"), baseUrl + "/settings/notifications")
                .link(texts.t(locale, "mail.unsubscribe.link"), unsubscribe);
        outbox.enqueue(new OutgoingMail(recipient.id(), recipient.email(), OutgoingMail.Kind.NOTIFICATION,
                headline, body.text(), body.html(), replyTo, unsubscribe, false));
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
