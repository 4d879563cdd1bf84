package io.github.d365bridge.sandbox.d365.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.d365bridge.sandbox.d365.odata.FilterToken.Kind;

/**
 * Splits a {@code $filter} expression into tokens. Literals follow OData v4 ABNF as far as D365 uses
 * them: {@code 'text'} with {@code ''} for a quote, numbers with an optional type suffix, unquoted
 * date-times and dates, and enum literals {@code Namespace.Type'Member'}.
 */
final class FilterLexer {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?[mMdDfFlL]?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?(Z|[+-]\\d{2}:\\d{2}))?");

    private final String text;
    private int pos;

    private FilterLexer(String text) {
        this.text = text;
    }

    static List<FilterToken> tokenize(String text) {
        return new FilterLexer(text).all();
    }

    private List<FilterToken> all() {
        List<FilterToken> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new FilterToken(Kind.END, "", null, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private FilterToken next() {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                return new FilterToken(Kind.OPEN, "(", null, start);
            }
            case ')' -> {
                pos++;
                return new FilterToken(Kind.CLOSE, ")", null, start);
            }
            case ',' -> {
                pos++;
                return new FilterToken(Kind.COMMA, ",", null, start);
            }
            case '\'' -> {
                return new FilterToken(Kind.STRING, quoted(), null, start);
            }
            default -> {
                if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                    return literal(start);
                }
                if (Character.isLetter(c) || c == '_' || c == '$') {
                    return word(start);
                }
                throw syntax(start);
            }
        }
    }

    private String quoted() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw ODataException.badRequest("There is an unterminated string literal at position " + start + " in '"
                + text + "'.");
    }

    private FilterToken literal(int start) {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '-' || c == '+') {
                pos++;
            } else {
                break;
            }
        }
        String word = text.substring(start, pos);
        if (DATE_TIME.matcher(word).matches()) {
            return new FilterToken(Kind.DATE_TIME, word, null, start);
        }
        if (NUMBER.matcher(word).matches()) {
            return new FilterToken(Kind.NUMBER, word, null, start);
        }
        throw syntax(start);
    }

    private FilterToken word(int start) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        String word = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == '\'') {
            // Namespace.Type'Member': a typed literal (enum; the old datetime'…' and guid'…' forms are not v4)
            return new FilterToken(Kind.ENUM, word, quoted(), start);
        }
        return new FilterToken(Kind.IDENTIFIER, word, null, start);
    }

    private ODataException syntax(int at) {
        return ODataException.badRequest("Syntax error at position " + at + " in '" + text + "'.");
    }
}
