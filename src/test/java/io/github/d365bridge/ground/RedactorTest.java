package io.github.d365bridge.ground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksAuthorizationHeadersOfEveryScheme() {
        assertThat(Redactor.redact("Authorization: Bearer abc.def.ghi")).isEqualTo("Authorization: ***");
        assertThat(Redactor.redact("header Bearer abcdefghijkl0123456789 sent")).isEqualTo("header Bearer *** sent");
        assertThat(Redactor.redact("standalone Bearer tokens")).isEqualTo("standalone Bearer tokens");
        assertThat(Redactor.redact("Authorization: OAuth oauth_consumer_key=\"k\",oauth_signature=\"s%3D\""))
                .doesNotContain("oauth_signature=\"s").doesNotContain("k\"");
    }

    @Test
    void masksStorageKeysSasSignaturesAndFormSecrets() {
        assertThat(Redactor.redact("AccountName=dev;AccountKey=abc123==;BlobEndpoint=x"))
                .isEqualTo("AccountName=dev;AccountKey=***;BlobEndpoint=x");
        assertThat(Redactor.redact("https://a.blob.core.windows.net/c/b?sv=1&sig=ZZ%3D&se=2"))
                .isEqualTo("https://a.blob.core.windows.net/c/b?sv=1&sig=***&se=2");
        assertThat(Redactor.redact("client_id=x&client_secret=s3cr3t&scope=y"))
                .isEqualTo("client_id=x&client_secret=***&scope=y");
        assertThat(Redactor.redact("{\"username\":\"admin\",\"password\":\"hunter2\"}"))
                .isEqualTo("{\"username\":\"admin\",\"password\":\"***\"}");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Order default:000000042 imported as SO-001234 (HTTP 201)";
        assertThat(Redactor.redact(text)).isEqualTo(text);
        assertThat(Redactor.redact(null)).isNull();
    }

    @Test
    void truncatesLongText() {
        assertThat(Redactor.truncate("x".repeat(20), 5)).isEqualTo("xxxxx…(15 more chars)");
    }
}
