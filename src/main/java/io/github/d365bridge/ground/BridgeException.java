package io.github.d365bridge.ground;

import java.time.Duration;
import java.util.Optional;

/**
 * The one unchecked exception family of the bridge. Carries what an operator needs to act on a failure
 * (which system, HTTP status, the service's own error code and a redacted excerpt of its answer) and
 * what the {@link ErrorClassifier} needs to decide whether a retry can help.
 */
public class BridgeException extends RuntimeException {

    private final ExternalSystem system;
    private final int httpStatus;
    private final String serviceErrorCode;
    private final String excerpt;
    private final Duration retryAfter;

    protected BridgeException(Builder builder) {
        super(builder.message, builder.cause);
        this.system = builder.system;
        this.httpStatus = builder.httpStatus;
        this.serviceErrorCode = builder.serviceErrorCode;
        this.excerpt = builder.excerpt == null ? null : Redactor.redact(Redactor.truncate(builder.excerpt, 512));
        this.retryAfter = builder.retryAfter;
    }

    public BridgeException(ExternalSystem system, String message) {
        this(builder(system, message));
    }

    public BridgeException(ExternalSystem system, String message, Throwable cause) {
        this(builder(system, message).cause(cause));
    }

    public static Builder builder(ExternalSystem system, String message) {
        return new Builder(system, message);
    }

    public ExternalSystem system() {
        return system;
    }

    /** HTTP status of the failed call, or 0 when there was no HTTP answer (connection failure, local error). */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<String> serviceErrorCode() {
        return Optional.ofNullable(serviceErrorCode);
    }

    /** A short, redacted piece of the remote answer. */
    public Optional<String> excerpt() {
        return Optional.ofNullable(excerpt);
    }

    /** The wait the remote system asked for (429 Retry-After), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String getMessage() {
        StringBuilder text = new StringBuilder("[").append(system).append("] ").append(super.getMessage());
        if (httpStatus > 0) {
            text.append(" (HTTP ").append(httpStatus);
            if (serviceErrorCode != null) {
                text.append(", code ").append(serviceErrorCode);
            }
            text.append(')');
        }
        if (excerpt != null && !excerpt.isBlank()) {
            text.append(": ").append(excerpt);
        }
        return Redactor.redact(text.toString());
    }

    /** Builder so that call sites name what they know and omit the rest. */
    public static final class Builder {
        private final ExternalSystem system;
        private final String message;
        private Throwable cause;
        private int httpStatus;
        private String serviceErrorCode;
        private String excerpt;
        private Duration retryAfter;

        private Builder(ExternalSystem system, String message) {
            this.system = system;
            this.message = message;
        }

        public Builder cause(Throwable value) {
            this.cause = value;
            return this;
        }

        public Builder httpStatus(int value) {
            this.httpStatus = value;
            return this;
        }

        public Builder serviceErrorCode(String value) {
            this.serviceErrorCode = value;
            return this;
        }

        public Builder excerpt(String value) {
            this.excerpt = value;
            return this;
        }

        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        public BridgeException build() {
            return new BridgeException(this);
        }
    }
}
