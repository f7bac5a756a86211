package de.kontor.mail.internal;

import org.springframework.context.ApplicationContext;

/** Signed tokens for tests outside this package (the token class stays internal to the module). */
public final class MailTestTokens {

    private MailTestTokens() {
    }

    public static String unsubscribe(ApplicationContext context, long userId, String what) {
        return context.getBean(MailTokens.class).unsubscribe(userId, what);
    }
}
