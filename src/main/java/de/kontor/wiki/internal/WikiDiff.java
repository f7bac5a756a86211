package de.kontor.wiki.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/**
 * The line diff between two revisions (java-diff-utils), as side-by-side rows and as an inline list. Lines are kept
 * raw here; the templates escape them.
 */
public record WikiDiff(WikiRevision from, WikiRevision to, List<Row> rows, int added, int removed) {

    public enum Kind { EQUAL, INSERT, DELETE, CHANGE }

    /** One side-by-side row: the old and new line (empty on the side that has none). */
    public record Row(Kind kind, String oldLine, String newLine) {
    }

    /** One line of the inline view: {@code +}, {@code -} or unchanged. */
    public record Line(char sign, String text) {
    }

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(false).lineNormalizer(Function.identity()).build();

    static WikiDiff of(WikiRevision from, WikiRevision to) {
        List<String> oldLines = lines(from.title(), from.body());
        List<String> newLines = lines(to.title(), to.body());
        List<Row> rows = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (DiffRow r : GENERATOR.generateDiffRows(oldLines, newLines)) {
            Kind kind = Kind.valueOf(r.getTag().name());
            rows.add(new Row(kind, r.getOldLine(), r.getNewLine()));
            if (kind == Kind.INSERT || kind == Kind.CHANGE) {
                added++;
            }
            if (kind == Kind.DELETE || kind == Kind.CHANGE) {
                removed++;
            }
        }
        return new WikiDiff(from, to, rows, added, removed);
    }

    /** Every row as the lines of an inline diff: a changed row is its old line removed and its new line added. */
    public List<Line> inline() {
        List<Line> lines = new ArrayList<>();
        for (Row r : rows) {
            switch (r.kind()) {
                case EQUAL -> lines.add(new Line(' ', r.oldLine()));
                case DELETE -> lines.add(new Line('-', r.oldLine()));
                case INSERT -> lines.add(new Line('+', r.newLine()));
                case CHANGE -> {
                    lines.add(new Line('-', r.oldLine()));
                    lines.add(new Line('+', r.newLine()));
                }
            }
        }
        return lines;
    }

    public boolean identical() {
        return added == 0 && removed == 0;
    }

    /** The title is compared like a first line, so that a renamed page shows the change. */
    private static List<String> lines(String title, String body) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + title);
        lines.add("");
        lines.addAll(Arrays.asList(body.split("\n", -1)));
        return lines;
    }
}
