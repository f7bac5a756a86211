package de.kontor.mail.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.kontor.identity.KontorUser;

/** Message lookup for mails, which are written in the recipient's language rather than the request's. */
@Component
class MailTexts {

    private final MessageSource messages;

    MailTexts(MessageSource messages) {
        this.messages = messages;
    }

    static Locale locale(KontorUser user) {
        return user == null || user.locale() == null || user.locale().isBlank()
                ? Locale.ENGLISH : Locale.forLanguageTag(user.locale());
    }

    String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
