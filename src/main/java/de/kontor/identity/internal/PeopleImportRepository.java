package de.kontor.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.identity.Role;

/** Writes imported people: a user without password plus an invitation through which they set one. */
@Repository
class PeopleImportRepository {

    private final JdbcClient jdbc;

    PeopleImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from users where lower(email) = lower(:e))")
                .param("e", email.strip()).query(Boolean.class).single();
    }

    long createUser(String email, String displayName, Role role, String jobTitle, Long orgUnitId, String location,
                    String phone, String company) {
        return jdbc.sql("""
                        insert into users (email, password_hash, display_name, role, job_title, org_unit_id, location,
                                           phone, company)
                        values (:email, null, :name, :role, :job, :unit, :location, :phone, :company) returning id""")
                .param("email", email.strip()).param("name", displayName).param("role", role.name())
                .param("job", jobTitle).param("unit", orgUnitId).param("location", location).param("phone", phone)
                .param("company", company)
                .query(Long.class).single();
    }

    void createInvitation(String tokenHash, String email, Role role, long invitedBy, Instant expiresAt) {
        jdbc.sql("""
                        insert into user_invitations (token_hash, email, role, invited_by, expires_at)
                        values (:hash, :email, :role, :by, :expires)""")
                .param("hash", tokenHash).param("email", email.strip()).param("role", role.name())
                .param("by", invitedBy).param("expires", Timestamp.from(expiresAt))
                .update();
    }
}
