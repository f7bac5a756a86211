package de.kontor.monitoring.internal;

import java.util.ArrayList;
import java.util.List;

import de.kontor.shared.DomainException;

/**
 * A topic's keyword query, parsed once and matched against many texts. Syntax: words, {@code "exact phrases"},
 * {@code AND} (also implied between terms), {@code OR}, {@code NOT} or a leading {@code -}, parentheses, and a
 * trailing {@code *} for a word prefix. Precedence: NOT before AND before OR. Matching ignores case and folds German
 * umlauts ({@code Störung} = {@code stoerung}); a word matches whole words only.
 */
final class Query {

    /** A node of the parsed query; {@code matches} gets the folded words of the text. */
    sealed interface Node {
        boolean matches(List<String> words);
    }

    record Word(String word, boolean prefix) implements Node {
        public boolean matches(List<String> words) {
            for (String w : words) {
                if (prefix ? w.startsWith(word) : w.equals(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Phrase(List<String> words) implements Node {
        public boolean matches(List<String> text) {
            outer:
            for (int i = 0; i + words.size() <= text.size(); i++) {
                for (int j = 0; j < words.size(); j++) {
                    if (!text.get(i + j).equals(words.get(j))) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    record And(List<Node> parts) implements Node {
        public boolean matches(List<String> words) {
            return parts.stream().allMatch(p -> p.matches(words));
        }
    }

    record Or(List<Node> parts) implements Node {
        public boolean matches(List<String> words) {
            return parts.stream().anyMatch(p -> p.matches(words));
        }
    }

    record Not(Node part) implements Node {
        public boolean matches(List<String> words) {
            return !part.matches(words);
        }
    }

    static final int MAX_LENGTH = 1000;

    private final Node root;

    private Query(Node root) {
        this.root = root;
    }

    boolean matches(String text) {
        return root.matches(Folding.words(text));
    }

    boolean matches(List<String> foldedWords) {
        return root.matches(foldedWords);
    }

    Node root() {
        return root;
    }

    /** Parses the query; 422 on field {@code query} when it is empty, too long or not well-formed. */
    static Query parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException.Invalid("query", "validation.required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new DomainException.Invalid("query", "validation.maxLength", MAX_LENGTH);
        }
        Parser p = new Parser(tokens(text));
        Node node = p.or();
        if (p.pos < p.tokens.size()) {
            throw invalid();
        }
        return new Query(node);
    }

    private static DomainException.Invalid invalid() {
        return new DomainException.Invalid("query", "monitoring.query.invalid");
    }

    private record Token(String kind, String value) {
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(String.valueOf(c), null));
                i++;
            } else if (c == '"' || c == '“' || c == '„') {
                int end = i + 1;
                while (end < text.length() && "\"“”".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end >= text.length()) {
                    throw invalid();
                }
                out.add(new Token("phrase", text.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '-' && out.isEmpty() || c == '-' && i > 0 && Character.isWhitespace(text.charAt(i - 1))
                    || c == '-' && i > 0 && text.charAt(i - 1) == '(') {
                out.add(new Token("NOT", null));
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                        && "()\"“„".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String w = text.substring(i, end);
                out.add(switch (w) {
                    case "AND", "OR", "NOT" -> new Token(w, null);
                    default -> new Token("word", w);
                });
                i = end;
            }
        }
        return out;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos).kind() : null;
        }

        Node or() {
            List<Node> parts = new ArrayList<>();
            parts.add(and());
            while ("OR".equals(peek())) {
                pos++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.getFirst() : new Or(parts);
        }

        Node and() {
            List<Node> parts = new ArrayList<>();
            parts.add(unary());
            while (true) {
                String next = peek();
                if ("AND".equals(next)) {
                    pos++;
                    parts.add(unary());
                } else if (next != null && !next.equals("OR") && !next.equals(")")) {
                    parts.add(unary());
                } else {
                    break;
                }
            }
            return parts.size() == 1 ? parts.getFirst() : new And(parts);
        }

        Node unary() {
            String next = peek();
            if (next == null) {
                throw invalid();
            }
            if (next.equals("NOT")) {
                pos++;
                return new Not(unary());
            }
            if (next.equals("(")) {
                pos++;
                Node inner = or();
                if (!")".equals(peek())) {
                    throw invalid();
                }
                pos++;
                return inner;
            }
            Token t = tokens.get(pos++);
            if (t.kind().equals("phrase")) {
                List<String> words = Folding.words(t.value());
                if (words.isEmpty()) {
                    throw invalid();
                }
                return words.size() == 1 ? new Word(words.getFirst(), false) : new Phrase(words);
            }
            if (t.kind().equals("word")) {
                boolean prefix = t.value().endsWith("*");
                List<String> words = Folding.words(prefix ? t.value().substring(0, t.value().length() - 1)
                        : t.value());
                if (words.isEmpty()) {
                    throw invalid();
                }
                // "MX-400" is the phrase "mx 400" in the text's words
                return words.size() == 1 ? new Word(words.getFirst(), prefix) : new Phrase(words);
            }
            throw invalid();
        }
    }
}
