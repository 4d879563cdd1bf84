package io.github.d365bridge.sandbox.d365.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.model.FieldKind;
import io.github.d365bridge.sandbox.d365.odata.FilterNode.Operator;
import io.github.d365bridge.sandbox.d365.odata.FilterToken.Kind;

/**
 * Recursive-descent parser for the {@code $filter} subset D365 accepts, type-checked against the
 * entity: {@code or} binds looser than {@code and}, {@code not} applies to the next comparison or
 * parenthesised group. Refused like the real service: {@code in} and {@code has} (400), unknown
 * properties (400), literals whose type does not fit the property (400), enum literals with an
 * operator other than eq/ne. Arithmetic and functions are refused too (the sandbox does not
 * implement them; D365 supports arithmetic).
 *
 * <pre>
 * expr       := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | '(' expr ')' | comparison
 * comparison := operand op operand        op := eq ne gt ge lt le
 * operand    := property | literal
 * </pre>
 */
final class FilterParser {

    private static final Map<String, Operator> OPERATORS = Map.of("eq", Operator.EQ, "ne", Operator.NE,
            "gt", Operator.GT, "ge", Operator.GE, "lt", Operator.LT, "le", Operator.LE);
    private static final Set<String> ARITHMETIC = Set.of("add", "sub", "mul", "div", "divby", "mod");

    private final String text;
    private final EntitySchema schema;
    private final List<FilterToken> tokens;
    private int index;

    private FilterParser(String text, EntitySchema schema) {
        this.text = text;
        this.schema = schema;
        this.tokens = FilterLexer.tokenize(text);
    }

    static FilterNode parse(String text, EntitySchema schema) {
        FilterParser parser = new FilterParser(text, schema);
        FilterNode node = parser.or();
        if (parser.peek().kind() != Kind.END) {
            throw parser.syntax(parser.peek());
        }
        return node;
    }

    private FilterNode or() {
        FilterNode left = and();
        while (peek().isWord("or")) {
            index++;
            left = new FilterNode.Or(left, and());
        }
        return left;
    }

    private FilterNode and() {
        FilterNode left = unary();
        while (peek().isWord("and")) {
            index++;
            left = new FilterNode.And(left, unary());
        }
        return left;
    }

    private FilterNode unary() {
        FilterToken token = peek();
        if (token.isWord("not")) {
            index++;
            return new FilterNode.Not(unary());
        }
        if (token.kind() == Kind.OPEN) {
            index++;
            FilterNode inner = or();
            expect(Kind.CLOSE);
            return inner;
        }
        return comparison();
    }

    private FilterNode comparison() {
        FilterToken left = operand();
        FilterToken opToken = next();
        String word = opToken.kind() == Kind.IDENTIFIER ? opToken.text() : "";
        if (word.equals("in") || word.equals("has")) {
            // D365's OData stack predates both; it answers 400 (never a silently wrong result)
            throw ODataException.badRequest("The query specified in the URI is not valid. The operator '" + word
                    + "' is not supported.");
        }
        if (ARITHMETIC.contains(word)) {
            throw ODataException.badRequest("The query specified in the URI is not valid. Arithmetic operator '"
                    + word + "' is not implemented by the D365 sandbox.");
        }
        Operator op = OPERATORS.get(word);
        if (op == null) {
            throw syntax(opToken);
        }
        FilterToken right = operand();
        boolean leftIsField = left.kind() == Kind.IDENTIFIER;
        boolean rightIsField = right.kind() == Kind.IDENTIFIER;
        if (leftIsField == rightIsField) {
            throw ODataException.badRequest("The query specified in the URI is not valid. The D365 sandbox compares"
                    + " a property with a literal only, at position " + left.position() + " in '" + text + "'.");
        }
        Field field = field(leftIsField ? left : right);
        FilterToken literal = leftIsField ? right : left;
        Operator effective = leftIsField ? op : op.flipped();
        return new FilterNode.Comparison(field, effective, literalValue(field, effective, literal));
    }

    private FilterToken operand() {
        FilterToken token = next();
        switch (token.kind()) {
            case STRING, NUMBER, DATE_TIME, ENUM -> {
                return token;
            }
            case IDENTIFIER -> {
                if (peek().kind() == Kind.OPEN) {
                    throw ODataException.badRequest("The query specified in the URI is not valid. The function '"
                            + token.text() + "' is not supported; use a wildcard equality such as Name eq '*abc*'.");
                }
                if (Set.of("null", "true", "false").contains(token.text())) {
                    throw ODataException.badRequest("The query specified in the URI is not valid. The literal '"
                            + token.text() + "' is not supported by the D365 sandbox.");
                }
                return token;
            }
            default -> throw syntax(token);
        }
    }

    private Field field(FilterToken token) {
        return schema.field(token.text())
                .orElseThrow(() -> ODataException.unknownProperty(token.text(), schema.qualifiedTypeName()));
    }

    private Object literalValue(Field field, Operator op, FilterToken literal) {
        FieldKind kind = field.kind();
        String literalType = literalType(literal);
        boolean fits = switch (literal.kind()) {
            case STRING -> kind == FieldKind.STRING;
            case NUMBER -> kind.isNumeric();
            case DATE_TIME -> kind.isTemporal();
            case ENUM -> kind == FieldKind.ENUM && field.enumType().qualifiedName().equals(literal.text());
            default -> false;
        };
        if (kind == FieldKind.ENUM && fits && op != Operator.EQ && op != Operator.NE) {
            fits = false;
        }
        if (!fits) {
            throw ODataException.badRequest("A binary operator with incompatible types was detected. Found operand"
                    + " types '" + field.typeName() + "' and '" + literalType + "' for operator kind '"
                    + op.kindName() + "'.");
        }
        return switch (literal.kind()) {
            case STRING -> literal.text();
            case NUMBER -> new BigDecimal(literal.text().replaceAll("[mMdDfFlL]$", ""));
            case DATE_TIME -> instant(literal.text(), kind);
            case ENUM -> {
                if (!field.enumType().hasMember(literal.member())) {
                    throw ODataException.badRequest("The string '" + literal.member()
                            + "' is not a valid enumerated type constant for '" + literal.text() + "'.");
                }
                yield literal.member();
            }
            default -> throw syntax(literal);
        };
    }

    private static String literalType(FilterToken literal) {
        return switch (literal.kind()) {
            case STRING -> "Edm.String";
            case NUMBER -> literal.text().contains(".") || literal.text().toLowerCase(Locale.ROOT).endsWith("m")
                    ? "Edm.Decimal" : "Edm.Int32";
            case DATE_TIME -> literal.text().length() == 10 ? "Edm.Date" : "Edm.DateTimeOffset";
            case ENUM -> literal.text();
            default -> literal.text();
        };
    }

    private static Instant instant(String text, FieldKind kind) {
        if (text.length() == 10) {
            // A date literal names a day; date-only fields are emitted at 12:00 UTC, so it means that instant there
            LocalDate day = LocalDate.parse(text);
            return (kind == FieldKind.DATE ? day.atTime(12, 0) : day.atStartOfDay()).toInstant(ZoneOffset.UTC);
        }
        Instant instant = OffsetDateTime.parse(text).toInstant();
        if (kind == FieldKind.DATE) {
            // A date-only field holds a day: a date-time literal compares by its UTC day (assumed; the notes do not
            // say), so "ne 1900-01-01T00:00:00Z" and "ne 1900-01-01T12:00:00Z" both mean "not empty"
            return instant.atOffset(ZoneOffset.UTC).toLocalDate().atTime(12, 0).toInstant(ZoneOffset.UTC);
        }
        return instant;
    }

    private FilterToken peek() {
        return tokens.get(index);
    }

    private FilterToken next() {
        FilterToken token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    private void expect(Kind kind) {
        FilterToken token = next();
        if (token.kind() != kind) {
            throw syntax(token);
        }
    }

    private ODataException syntax(FilterToken token) {
        return ODataException.badRequest("Syntax error at position " + token.position() + " in '" + text + "'.");
    }
}
