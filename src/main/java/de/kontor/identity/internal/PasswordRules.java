package de.kontor.identity.internal;

import de.kontor.shared.Validation;

/** One place for password rules (setup, invitation, password change). */
final class PasswordRules {

    static final int MIN_LENGTH = 10;

    private PasswordRules() {
    }

    static Validation validate(Validation v, String field, String password, String repeat) {
        v.check(password != null && password.length() >= MIN_LENGTH, field, "validation.passwordLength", MIN_LENGTH);
        v.check(password == null || password.length() <= 200, field, "validation.maxLength", 200);
        if (repeat != null) {
            v.check(repeat.equals(password), field + "Repeat", "validation.passwordRepeat");
        }
        return v;
    }
}
