package de.kontor.identity.internal;

import java.util.List;

/** The editable part of a profile; every field is written as given (null clears an optional field). */
record ProfileChanges(String displayName, String jobTitle, Long orgUnitId, String location, String phone,
                      String about, List<String> skills, String locale) {

    static ProfileChanges of(Profile p) {
        return new ProfileChanges(p.displayName(), p.jobTitle(), p.orgUnitId(), p.location(), p.phone(), p.about(),
                p.skills(), p.locale());
    }
}
