package de.kontor.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The company's organisational units (a tree through {@code parent_id}). */
@Repository
class OrgUnitRepository {

    /** A unit with the number of active people directly in it. */
    record OrgUnit(long id, String name, Long parentId, int people) {
    }

    private final JdbcClient jdbc;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrgUnit> all() {
        return jdbc.sql("""
                        select o.id, o.name, o.parent_id,
                               (select count(*) from users u where u.org_unit_id = o.id and u.active) as people
                        from org_units o order by lower(o.name), o.id""")
                .query((rs, i) -> {
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    return new OrgUnit(rs.getLong("id"), rs.getString("name"), parentId, rs.getInt("people"));
                }).list();
    }

    Optional<Long> idByName(String name) {
        return jdbc.sql("select id from org_units where lower(name) = lower(:n)").param("n", name.strip())
                .query(Long.class).optional();
    }

    boolean exists(long id) {
        return jdbc.sql("select exists (select 1 from org_units where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    long create(String name, Long parentId) {
        return jdbc.sql("insert into org_units (name, parent_id) values (:n, :p) returning id")
                .param("n", name.strip()).param("p", parentId).query(Long.class).single();
    }

    void rename(long id, String name) {
        jdbc.sql("update org_units set name = :n where id = :id").param("n", name.strip()).param("id", id).update();
    }

    void move(long id, Long parentId) {
        jdbc.sql("update org_units set parent_id = :p where id = :id").param("p", parentId).param("id", id).update();
    }

    /** True when {@code candidate} is {@code id} itself or lies below it. */
    boolean isSelfOrBelow(long candidate, long id) {
        return jdbc.sql("""
                        with recursive sub as (
                            select id from org_units where id = :id
                            union all
                            select c.id from org_units c join sub on c.parent_id = sub.id)
                        select exists (select 1 from sub where id = :candidate)""")
                .param("id", id).param("candidate", candidate).query(Boolean.class).single();
    }

    boolean hasChildren(long id) {
        return jdbc.sql("select exists (select 1 from org_units where parent_id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    /** Counts everybody in the unit, also deactivated people (they still reference it). */
    int people(long id) {
        return jdbc.sql("select count(*) from users where org_unit_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    void delete(long id) {
        jdbc.sql("delete from org_units where id = :id").param("id", id).update();
    }
}
