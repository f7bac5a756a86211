package de.kontor.mail.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Builds the plain-text and HTML parts of a mail from the same blocks, so both always say the same. Every text is
 * escaped for the HTML part; links are absolute.
 */
final class MailBodies {

    private final String lang;
    private final List<String> text = new ArrayList<>();
    private final List<String> html = new ArrayList<>();

    MailBodies(String lang) {
        this.lang = lang;
    }

    MailBodies heading(String s) {
        text.add(s);
        html.add("<h1 style=\"font-size:18px\">" + esc(s) + "</h1>");
        return this;
    }

    MailBodies paragraph(String s) {
        text.add(s);
        html.add("<p>" + esc(s).replace("\n", "<br>") + "</p>");
        return this;
    }

    /** Quoted content (a post's text). */
    MailBodies quote(String s) {
        text.add("> " + s.replace("\n", "\n> "));
        html.add("<blockquote style=\"border-left:3px solid #ccc;margin:0;padding-left:12px;color:#333\">"
                + esc(s).replace("\n", "<br>") + "</blockquote>");
        return this;
    }

    MailBodies link(String label, String url) {
        text.add(label + ": " + url);
        html.add("<p><a href=\"" + esc(url) + "\">" + esc(label) + "</a></p>");
        return this;
    }

    /** A small line at the end (why the mail came, how to stop it). */
    MailBodies footer(String s, String linkLabel, String url) {
        text.add("-- \n" + s + "\n" + linkLabel + ": " + url);
        html.add("<hr><p style=\"font-size:12px;color:#666\">" + esc(s) + " <a href=\"" + esc(url) + "\">"
                + esc(linkLabel) + "</a></p>");
        return this;
    }

    String text() {
        return String.join("\n\n", text) + "\n";
    }

    String html() {
        return "<!DOCTYPE html><html lang=\"" + esc(lang) + "\"><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"font-family:sans-serif;line-height:1.5\">" + String.join("\n", html)
                + "</body></html>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    /** At most {@code max} characters, cut at a word and marked with an ellipsis. */
    static String excerpt(String s, int max) {
        String t = s.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max);
        return t.substring(0, cut > max / 2 ? cut : max).strip() + " …";
    }
}
