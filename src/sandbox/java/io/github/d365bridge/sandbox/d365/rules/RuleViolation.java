package io.github.d365bridge.sandbox.d365.rules;

/**
 * A write D365's business logic refuses, with the infolog text D365 shows. OData answers it as 400;
 * a DMF import records it against the row.
 */
public final class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }

    public static RuleViolation mandatory(String label) {
        return new RuleViolation("Field '" + label + "' must be filled in.");
    }

    public static RuleViolation notInRelation(String value, String fieldLabel, String table) {
        return new RuleViolation("The value '" + value + "' in field '" + fieldLabel
                + "' is not found in the relation table '" + table + "'.");
    }
}
