package de.kontor.monitoring.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;

/** Topics (keyword queries) and who follows them; only the monitoring team. */
@Service
public class TopicService {

    /** What the team fills in for a topic. */
    public record TopicForm(String name, String query, Integer slaHours) {
        static TopicForm empty() {
            return new TopicForm("", "", 4);
        }

        static TopicForm of(Topic t) {
            return new TopicForm(t.name(), t.query(), t.slaHours());
        }
    }

    private final TopicRepository topics;
    private final MonitoringTeam team;

    TopicService(TopicRepository topics, MonitoringTeam team) {
        this.topics = topics;
        this.team = team;
    }

    List<Topic> list(KontorUser viewer) {
        team.require(viewer);
        return topics.list();
    }

    Topic get(KontorUser viewer, long id) {
        team.require(viewer);
        return topics.find(id).orElseThrow(DomainException.NotFound::new);
    }

    boolean follows(KontorUser viewer, long id) {
        return topics.follows(id, viewer.id());
    }

    @Transactional
    Topic create(KontorUser viewer, TopicForm form) {
        team.require(viewer);
        String name = validate(form, null);
        long id = topics.insert(name, form.query().strip(), form.slaHours());
        // whoever creates a topic hears about its spikes until they unfollow
        topics.follow(id, viewer.id());
        return topics.find(id).orElseThrow();
    }

    @Transactional
    Topic update(KontorUser viewer, long id, TopicForm form) {
        get(viewer, id);
        String name = validate(form, id);
        topics.update(id, name, form.query().strip(), form.slaHours());
        return topics.find(id).orElseThrow();
    }

    @Transactional
    void delete(KontorUser viewer, long id) {
        team.require(viewer);
        if (!topics.delete(id)) {
            throw new DomainException.NotFound();
        }
    }

    @Transactional
    void follow(KontorUser viewer, long id, boolean follow) {
        get(viewer, id);
        if (follow) {
            topics.follow(id, viewer.id());
        } else {
            topics.unfollow(id, viewer.id());
        }
    }

    private String validate(TopicForm form, Long id) {
        String name = form.name() == null ? "" : form.name().strip();
        Validation v = new Validation().length("name", name, 1, 80)
                .check(form.slaHours() != null && form.slaHours() >= 1 && form.slaHours() <= 200, "slaHours",
                        "monitoring.topic.slaInvalid");
        try {
            Query.parse(form.query());
        } catch (DomainException.Invalid e) {
            v.check(false, "query", e.errors().getFirst().messageKey(), e.errors().getFirst().args());
        }
        v.throwIfInvalid();
        if (topics.nameTaken(name, id)) {
            throw new DomainException.Conflict("name", "monitoring.topic.nameTaken");
        }
        return name;
    }
}
