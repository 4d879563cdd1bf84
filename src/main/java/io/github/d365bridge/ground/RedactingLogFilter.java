package io.github.d365bridge.ground;

import java.text.MessageFormat;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Runs every log record through the {@link Redactor} before any handler formats it. The message is
 * formatted here (parameters included) so a secret passed as a parameter is caught as well.
 */
@LoggingFilter(name = "redact-secrets")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = format(record);
        String redacted = Redactor.redact(formatted);
        if (formatted != null && !formatted.equals(redacted) || hasParameters(record)) {
            record.setMessage(redacted);
            record.setParameters(null);
        }
        if (record.getThrown() != null) {
            record.setThrown(RedactedThrowable.wrap(record.getThrown()));
        }
        return true;
    }

    private static boolean hasParameters(LogRecord record) {
        return record.getParameters() != null && record.getParameters().length > 0;
    }

    private static String format(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (message == null || parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            if (record instanceof org.jboss.logmanager.ExtLogRecord ext
                    && ext.getFormatStyle() == org.jboss.logmanager.ExtLogRecord.FormatStyle.PRINTF) {
                return String.format(message, parameters);
            }
            return MessageFormat.format(message, parameters);
        } catch (RuntimeException badPattern) {
            return message;
        }
    }
}
