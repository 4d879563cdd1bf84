package io.github.d365bridge.sandbox.d365.odata;

/**
 * One token of a {@code $filter} expression.
 *
 * @param kind     what it is
 * @param text     identifier, operator word, literal text (strings unescaped), or enum type name
 * @param member   the member of an enum literal, else null
 * @param position offset in the expression, for error messages
 */
record FilterToken(Kind kind, String text, String member, int position) {

    enum Kind { IDENTIFIER, STRING, NUMBER, DATE_TIME, ENUM, OPEN, CLOSE, COMMA, END }

    boolean isWord(String word) {
        return kind == Kind.IDENTIFIER && text.equals(word);
    }
}
