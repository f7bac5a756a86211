package de.kontor.decisions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.Cursor;

/** SQL for {@code decisions}, their options, the people asked and their answers. */
@Repository
class DecisionRepository {

    /** The columns of a new decision. */
    record NewRow(long spaceId, long proposerId, String title, String context, String contextHtml,
                  Decision.Kind kind, Decision.Audience audience, Long unitId, Instant deadline, Integer quorum) {
    }

    private final JdbcClient jdbc;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewRow r, List<String> options, Collection<Long> asked) {
        long id = jdbc.sql("""
                        insert into decisions (space_id, proposer_id, title, context, context_html, kind, audience,
                                               unit_id, deadline, quorum)
                        values (:space, :proposer, :title, :context, :html, :kind, :audience, :unit, :deadline,
                                :quorum)
                        returning id""")
                .param("space", r.spaceId()).param("proposer", r.proposerId()).param("title", r.title())
                .param("context", r.context()).param("html", r.contextHtml()).param("kind", r.kind().name())
                .param("audience", r.audience().name()).param("unit", r.unitId())
                .param("deadline", Timestamp.from(r.deadline())).param("quorum", r.quorum())
                .query(Long.class).single();
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("insert into decision_options (decision_id, position, label) values (:d, :p, :l)")
                    .param("d", id).param("p", i).param("l", options.get(i)).update();
        }
        for (long user : asked) {
            jdbc.sql("insert into decision_asked (decision_id, user_id) values (:d, :u)")
                    .param("d", id).param("u", user).update();
        }
        return id;
    }

    Optional<Decision> find(long id) {
        return jdbc.sql("select * from decisions where id = :id").param("id", id)
                .query(DecisionRepository::decision).optional();
    }

    /** Locks the row: answers, withdrawing and closing of one decision happen one after another. */
    Optional<Decision> lock(long id) {
        return jdbc.sql("select * from decisions where id = :id for update").param("id", id)
                .query(DecisionRepository::decision).optional();
    }

    /**
     * The next open decision whose deadline passed, locked; rows another node is closing right now are skipped, so
     * every node may run the job at the same time without closing a decision twice.
     */
    Optional<Decision> lockNextDue(Instant now, Collection<Long> skip) {
        return jdbc.sql("""
                        select * from decisions
                        where status = 'OPEN' and deadline <= :now and id not in (:skip)
                        order by deadline, id limit 1
                        for update skip locked""")
                .param("now", Timestamp.from(now)).param("skip", nonEmpty(skip))
                .query(DecisionRepository::decision).optional();
    }

    /**
     * Open decisions that are due for a reminder {@code before} the deadline and did not get it yet; only those
     * that already existed at that moment (a decision proposed an hour before its deadline gets no "one day left").
     */
    List<Decision> lockDueReminders(Instant now, String column, String before) {
        return jdbc.sql("select * from decisions where status = 'OPEN' and deadline > :now and " + column
                        + " is null and deadline - cast(:before as interval) <= :now"
                        + " and created_at < deadline - cast(:before as interval)"
                        + " order by deadline, id limit 100 for update skip locked")
                .param("now", Timestamp.from(now)).param("before", before)
                .query(DecisionRepository::decision).list();
    }

    void markReminded(long id, String column, Instant at) {
        jdbc.sql("update decisions set " + column + " = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** A space's decisions of one status, newest first, keyset-paginated on (created_at, id). */
    List<Decision> list(long spaceId, Decision.Status status, Cursor after, int limit) {
        String page = after == null ? "" : " and (created_at, id) < (:t, :cid)";
        var spec = jdbc.sql("select * from decisions where space_id = :s and status = :st" + page
                        + " order by created_at desc, id desc limit :limit")
                .param("s", spaceId).param("st", status.name()).param("limit", limit);
        if (after != null) {
            spec = spec.param("t", Timestamp.from(Instant.parse(after.key()))).param("cid", after.id());
        }
        return spec.query(DecisionRepository::decision).list();
    }

    Map<Decision.Status, Integer> counts(long spaceId) {
        Map<Decision.Status, Integer> out = new EnumMap<>(Decision.Status.class);
        for (Decision.Status s : Decision.Status.values()) {
            out.put(s, 0);
        }
        jdbc.sql("select status, count(*) as n from decisions where space_id = :s group by status")
                .param("s", spaceId)
                .query((rs, i) -> out.put(Decision.Status.valueOf(rs.getString("status")), rs.getInt("n"))).list();
        return out;
    }

    /** Open decisions in these spaces that ask the person and that they have not answered yet. */
    List<Decision> waitingFor(long userId, Collection<Long> spaceIds, int limit) {
        return jdbc.sql("""
                        select d.* from decisions d join decision_asked a on a.decision_id = d.id
                        where a.user_id = :u and d.status = 'OPEN' and d.space_id in (:spaces)
                          and not exists (select 1 from decision_answers x where x.decision_id = d.id and x.user_id = :u)
                        order by d.deadline, d.id limit :limit""")
                .param("u", userId).param("spaces", nonEmpty(spaceIds)).param("limit", limit)
                .query(DecisionRepository::decision).list();
    }

    /** Open decisions the person proposed, in these spaces, nearest deadline first. */
    List<Decision> openProposedBy(long userId, Collection<Long> spaceIds, int limit) {
        return jdbc.sql("""
                        select * from decisions where proposer_id = :u and status = 'OPEN' and space_id in (:spaces)
                        order by deadline, id limit :limit""")
                .param("u", userId).param("spaces", nonEmpty(spaceIds)).param("limit", limit)
                .query(DecisionRepository::decision).list();
    }

    int countWaitingFor(long userId, Collection<Long> spaceIds) {
        return jdbc.sql("""
                        select count(*) from decisions d join decision_asked a on a.decision_id = d.id
                        where a.user_id = :u and d.status = 'OPEN' and d.space_id in (:spaces)
                          and not exists (select 1 from decision_answers x where x.decision_id = d.id and x.user_id = :u)""")
                .param("u", userId).param("spaces", nonEmpty(spaceIds)).query(Integer.class).single();
    }

    List<Decision.Option> options(long decisionId) {
        return jdbc.sql("select * from decision_options where decision_id = :d order by position")
                .param("d", decisionId)
                .query((rs, i) -> new Decision.Option(rs.getLong("id"), rs.getLong("decision_id"),
                        rs.getInt("position"), rs.getString("label"))).list();
    }

    List<Long> asked(long decisionId) {
        return jdbc.sql("select user_id from decision_asked where decision_id = :d order by user_id")
                .param("d", decisionId).query(Long.class).list();
    }

    boolean isAsked(long decisionId, long userId) {
        return jdbc.sql("select exists (select 1 from decision_asked where decision_id = :d and user_id = :u)")
                .param("d", decisionId).param("u", userId).query(Boolean.class).single();
    }

    List<Decision.Answer> answers(long decisionId) {
        return jdbc.sql("select * from decision_answers where decision_id = :d order by answered_at, user_id")
                .param("d", decisionId).query((rs, i) -> {
                    long option = rs.getLong("option_id");
                    Long optionId = rs.wasNull() ? null : option;
                    String position = rs.getString("position");
                    return new Decision.Answer(rs.getLong("decision_id"), rs.getLong("user_id"), optionId,
                            position == null ? null : Decision.Position.valueOf(position), rs.getString("reason"),
                            rs.getTimestamp("answered_at").toInstant());
                }).list();
    }

    void upsertAnswer(long decisionId, long userId, Long optionId, Decision.Position position, String reason) {
        jdbc.sql("""
                        insert into decision_answers (decision_id, user_id, option_id, position, reason)
                        values (:d, :u, :o, :p, :r)
                        on conflict (decision_id, user_id) do update
                        set option_id = excluded.option_id, position = excluded.position, reason = excluded.reason,
                            answered_at = now()""")
                .param("d", decisionId).param("u", userId).param("o", optionId)
                .param("p", position == null ? null : position.name()).param("r", reason).update();
    }

    void withdraw(long id, Instant at) {
        jdbc.sql("update decisions set status = 'WITHDRAWN', closed_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void decide(long id, Outcome outcome, Instant at) {
        jdbc.sql("""
                        update decisions set status = 'DECIDED', outcome = :o, outcome_detail = :detail, closed_at = :at
                        where id = :id""")
                .param("o", outcome.result().name())
                .param("detail", outcome.winners().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void recorded(long id, Long pageId, String url, Long postId) {
        jdbc.sql("""
                        update decisions set record_page_id = :page, record_url = :url, announcement_post_id = :post
                        where id = :id""")
                .param("page", pageId).param("url", url).param("post", postId).param("id", id).update();
    }

    private static Collection<Long> nonEmpty(Collection<Long> ids) {
        return ids.isEmpty() ? List.of(0L) : ids;
    }

    private static Decision decision(ResultSet rs, int row) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        int quorum = rs.getInt("quorum");
        Integer q = rs.wasNull() ? null : quorum;
        long page = rs.getLong("record_page_id");
        Long pageId = rs.wasNull() ? null : page;
        long post = rs.getLong("announcement_post_id");
        Long postId = rs.wasNull() ? null : post;
        String outcome = rs.getString("outcome");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Decision(rs.getLong("id"), rs.getLong("space_id"), rs.getLong("proposer_id"),
                rs.getString("title"), rs.getString("context"), rs.getString("context_html"),
                Decision.Kind.valueOf(rs.getString("kind")), Decision.Audience.valueOf(rs.getString("audience")),
                unitId, rs.getTimestamp("deadline").toInstant(), q, Decision.Status.valueOf(rs.getString("status")),
                outcome == null ? null : Outcome.Result.valueOf(outcome), rs.getString("outcome_detail"),
                closed == null ? null : closed.toInstant(), pageId, rs.getString("record_url"), postId,
                rs.getTimestamp("created_at").toInstant());
    }
}
