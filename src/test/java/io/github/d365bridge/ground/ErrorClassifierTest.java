package io.github.d365bridge.ground;

import static io.github.d365bridge.ground.ErrorClassifier.Classification.PERMANENT;
import static io.github.d365bridge.ground.ErrorClassifier.Classification.RETRIABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest
    @CsvSource({"408,RETRIABLE", "429,RETRIABLE", "500,RETRIABLE", "502,RETRIABLE", "503,RETRIABLE",
            "504,RETRIABLE", "501,PERMANENT", "400,PERMANENT", "401,PERMANENT", "403,PERMANENT", "404,PERMANENT",
            "409,PERMANENT", "412,PERMANENT", "422,PERMANENT"})
    void classifiesHttpStatuses(int status, ErrorClassifier.Classification expected) {
        BridgeException failure = BridgeException.builder(ExternalSystem.COMMERCE, "call failed").httpStatus(status)
                .build();
        assertThat(ErrorClassifier.classify(failure)).isEqualTo(expected);
    }

    @Test
    void permanentFailureWinsOverAnyStatusAndConnectionFailuresAreRetriable() {
        assertThat(ErrorClassifier.classify(new PermanentFailureException(ExternalSystem.D365, "bad row")))
                .isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new BridgeException(ExternalSystem.D365, "down",
                new UncheckedIOException(new ConnectException("refused"))))).isEqualTo(RETRIABLE);
        assertThat(ErrorClassifier.classify(new RuntimeException("wrapped", new ConnectException("refused"))))
                .isEqualTo(RETRIABLE);
    }

    @Test
    void programmingErrorsArePermanent() {
        assertThat(ErrorClassifier.classify(new NullPointerException())).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new IllegalArgumentException("bad"))).isEqualTo(PERMANENT);
    }

    @Test
    void exceptionMessageNamesSystemStatusCodeAndRedactedExcerpt() {
        BridgeException failure = BridgeException.builder(ExternalSystem.D365, "Import failed").httpStatus(429)
                .serviceErrorCode("TooManyRequests").excerpt("{\"error\":\"slow down\",\"access_token\":\"abc\"}")
                .retryAfter(Duration.ofSeconds(7)).build();
        assertThat(failure.getMessage()).startsWith("[D365] Import failed (HTTP 429, code TooManyRequests)")
                .contains("slow down").doesNotContain("abc");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }
}
