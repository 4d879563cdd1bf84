package io.github.d365bridge.sandbox.d365.odata;

import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.Field;

/** A parsed {@code $filter}: a tree of logical operators over comparisons of a field with a literal. */
sealed interface FilterNode {

    boolean test(Map<String, Object> row);

    record And(FilterNode left, FilterNode right) implements FilterNode {
        @Override
        public boolean test(Map<String, Object> row) {
            return left.test(row) && right.test(row);
        }
    }

    record Or(FilterNode left, FilterNode right) implements FilterNode {
        @Override
        public boolean test(Map<String, Object> row) {
            return left.test(row) || right.test(row);
        }
    }

    record Not(FilterNode operand) implements FilterNode {
        @Override
        public boolean test(Map<String, Object> row) {
            return !operand.test(row);
        }
    }

    /**
     * {@code field op literal}; the literal is already in comparable form (String, BigDecimal,
     * Instant). A string literal with {@code *} under eq/ne is a wildcard pattern.
     */
    record Comparison(Field field, Operator op, Object literal) implements FilterNode {
        @Override
        public boolean test(Map<String, Object> row) {
            Object value = Values.comparable(field, row.get(field.name()));
            if (literal instanceof String pattern && pattern.indexOf('*') >= 0
                    && (op == Operator.EQ || op == Operator.NE)) {
                return Values.wildcardMatches(pattern, (String) value) == (op == Operator.EQ);
            }
            int c = Values.compare(value, literal);
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
            };
        }
    }

    enum Operator {
        EQ("Equal"), NE("NotEqual"), GT("GreaterThan"), GE("GreaterThanOrEqual"), LT("LessThan"),
        LE("LessThanOrEqual");

        private final String kindName;

        Operator(String kindName) {
            this.kindName = kindName;
        }

        /** The operator kind as ODL names it in error messages. */
        String kindName() {
            return kindName;
        }

        Operator flipped() {
            return switch (this) {
                case GT -> LT;
                case GE -> LE;
                case LT -> GT;
                case LE -> GE;
                default -> this;
            };
        }
    }
}
