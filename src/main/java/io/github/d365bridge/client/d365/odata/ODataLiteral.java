package io.github.d365bridge.client.d365.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** OData literals for filters and keys, quoted and escaped the way D365 parses them. */
public final class ODataLiteral {

    private static final String ENUM_NAMESPACE = "Microsoft.Dynamics.DataEntities.";

    private ODataLiteral() {
    }

    /** {@code 'value'} with embedded quotes doubled; never trimmed (item numbers may start with spaces). */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static String number(long value) {
        return Long.toString(value);
    }

    public static String number(BigDecimal value) {
        return value.toPlainString();
    }

    /** A DateTimeOffset literal, e.g. {@code 2026-01-01T00:00:00Z}. */
    public static String dateTime(Instant value) {
        return DateTimeFormatter.ISO_INSTANT.format(value);
    }

    /** An enum literal such as {@code Microsoft.Dynamics.DataEntities.NoYes'Yes'} (usable with eq/ne only). */
    public static String enumValue(String enumType, String member) {
        return ENUM_NAMESPACE + enumType + string(member);
    }
}
