package de.kontor.decisions.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.UserSummary;

/**
 * The texts a decided decision leaves behind: the decision record page for the wiki (who decided what, when, with
 * which positions and reasons) and the announcement post. Written once for everybody, so in the company's language
 * ({@code kontor.decisions.record-locale}, German by default).
 */
@Component
class DecisionRecord {

    private final MessageSource messages;
    private final IdentityApi identity;
    private final Locale locale;

    DecisionRecord(MessageSource messages, IdentityApi identity,
                   @Value("${kontor.decisions.record-locale:de}") String locale) {
        this.messages = messages;
        this.identity = identity;
        this.locale = Locale.forLanguageTag(locale);
    }

    /** The wiki page all records of a space are filed under. */
    String parentTitle() {
        return t("decisions.record.parent");
    }

    String pageTitle(Decision d) {
        // wiki titles must not look like [[links]] or table cells
        String clean = d.title().replace("[[", "[").replace("]]", "]").replace("|", "/");
        String title = clean.length() > 150 ? clean.substring(0, 150) + "…" : clean;
        return t("decisions.record.pageTitle", title, date(d.closedAt()));
    }

    String changeNote(Decision d) {
        return t("decisions.record.changeNote", String.valueOf(d.id()));
    }

    String markdown(Decision d, Outcome outcome, String spaceName, Collection<Long> asked,
                    List<Decision.Answer> answers, List<Decision.Option> options) {
        Set<Long> people = new HashSet<>(asked);
        people.add(d.proposerId());
        answers.forEach(a -> people.add(a.userId()));
        Map<Long, UserSummary> names = identity.findAll(people);
        Map<Long, String> labels = new HashMap<>();
        options.forEach(o -> labels.put(o.id(), o.label()));
        StringBuilder md = new StringBuilder();
        md.append("**").append(t("decisions.record.result")).append(":** ")
                .append(inline(result(outcome, labels))).append("\n\n");
        md.append("- ").append(t("decisions.record.decidedAt", dateTime(d.closedAt()))).append('\n');
        md.append("- ").append(t("decisions.record.proposedBy", inline(name(names, d.proposerId())),
                dateTime(d.createdAt()))).append('\n');
        md.append("- ").append(t("decisions.record.space", inline(spaceName))).append('\n');
        md.append("- ").append(t("decisions.record.deadline", dateTime(d.deadline()))).append('\n');
        md.append("- ").append(t("decisions.record.answered", outcome.answered(), outcome.asked())).append('\n');
        if (d.quorum() != null) {
            md.append("- ").append(t("decisions.record.quorum", d.quorum())).append('\n');
        }
        md.append("- ").append(t("decisions.record.rule." + d.kind().name())).append("\n\n");
        if (!d.context().isBlank()) {
            md.append("## ").append(t("decisions.record.context")).append("\n\n").append(d.context()).append("\n\n");
        }
        md.append("## ").append(t("decisions.record.tally")).append("\n\n");
        md.append("| ").append(t("decisions.record.choice")).append(" | ").append(t("decisions.record.count"))
                .append(" |\n|---|---:|\n");
        if (d.kind() == Decision.Kind.OPTIONS) {
            for (Decision.Option o : options) {
                md.append("| ").append(cell(o.label())).append(" | ").append(outcome.optionCounts().get(o.id()))
                        .append(" |\n");
            }
        } else {
            outcome.positionCounts().forEach((p, n) -> md.append("| ").append(t("decisions.position." + p.name()))
                    .append(" | ").append(n).append(" |\n"));
        }
        md.append("\n## ").append(t("decisions.record.answers")).append("\n\n");
        if (answers.isEmpty()) {
            md.append(t("decisions.record.noAnswers")).append("\n\n");
        } else {
            md.append("| ").append(t("decisions.record.person")).append(" | ").append(t("decisions.record.answer"))
                    .append(" | ").append(t("decisions.record.reason")).append(" | ")
                    .append(t("decisions.record.when")).append(" |\n|---|---|---|---|\n");
            for (Decision.Answer a : answers) {
                String answer = a.optionId() != null ? labels.getOrDefault(a.optionId(), "?")
                        : t("decisions.position." + a.position().name());
                md.append("| ").append(cell(name(names, a.userId()))).append(" | ").append(cell(answer))
                        .append(" | ").append(cell(a.reason())).append(" | ").append(dateTime(a.answeredAt()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        Set<Long> answered = answers.stream().map(Decision.Answer::userId).collect(Collectors.toSet());
        List<String> silent = asked.stream().filter(u -> !answered.contains(u)).map(u -> inline(name(names, u)))
                .toList();
        if (!silent.isEmpty()) {
            md.append("## ").append(t("decisions.record.noAnswer")).append("\n\n").append(String.join(", ", silent))
                    .append("\n\n");
        }
        md.append("[").append(t("decisions.record.link")).append("](/decisions/").append(d.id()).append(")\n");
        return md.toString();
    }

    /** The stream post that announces the outcome, linking the record page and the decision. */
    String announcement(Decision d, Outcome outcome, List<Decision.Option> options, String recordUrl) {
        Map<Long, String> labels = new HashMap<>();
        options.forEach(o -> labels.put(o.id(), o.label()));
        StringBuilder md = new StringBuilder();
        md.append(t("decisions.announce.text", inline(d.title()), inline(result(outcome, labels)))).append("\n\n");
        if (recordUrl != null) {
            md.append("[").append(t("decisions.announce.record")).append("](").append(recordUrl).append(") · ");
        }
        md.append("[").append(t("decisions.announce.decision")).append("](/decisions/").append(d.id()).append(")");
        return md.toString();
    }

    String result(Outcome outcome, Map<Long, String> labels) {
        String winners = outcome.winners().stream().map(id -> labels.getOrDefault(id, "?"))
                .collect(Collectors.joining(", "));
        return t("decisions.outcome." + outcome.result().name(), winners);
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String dateTime(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(at.atZone(Deadlines.ZONE));
    }

    private String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(Deadlines.ZONE));
    }

    private static String name(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }

    /** User text inside a line: Markdown that would change the structure is escaped. */
    static String inline(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]<>#|!])", "\\\\$1");
    }

    /** User text in a table cell: one line, no cell separators. */
    static String cell(String s) {
        return s == null || s.isBlank() ? "–" : inline(s.strip());
    }
}
