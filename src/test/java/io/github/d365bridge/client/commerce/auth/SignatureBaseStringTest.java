package io.github.d365bridge.client.commerce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.QueryParam;

class SignatureBaseStringTest {

    /** RFC 5849 section 3.4.1.1, printed there over five lines; joined here. */
    private static final String RFC_BASE_STRING =
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
            + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
            + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
            + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
            + "9d7dh3k39sjv7";

    @Test
    void reproducesTheRfc5849WorkedExample() {
        // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b, form body "c2&a3=2+q", header params without
        // realm and oauth_signature (section 3.4.1.3.1 excludes both).
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<QueryParam> extra = new ArrayList<>(QueryParam.parse("c2&a3=2+q"));
        extra.add(QueryParam.of("oauth_consumer_key", "9djdj82h48djs9d2"));
        extra.add(QueryParam.of("oauth_token", "kkk9d7dh3k39sjv7"));
        extra.add(QueryParam.of("oauth_signature_method", "HMAC-SHA1"));
        extra.add(QueryParam.of("oauth_timestamp", "137131201"));
        extra.add(QueryParam.of("oauth_nonce", "7d8f3e4a"));
        extra.add(QueryParam.of("oauth_signature", "djosJKDKJSD8743243%2Fjdk33klY%3D"));

        assertThat(SignatureBaseString.of("POST", uri, extra)).isEqualTo(RFC_BASE_STRING);
    }

    @Test
    void normalizesTheBaseUriAsSection3412Shows() {
        assertThat(SignatureBaseString.baseUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")))
                .isEqualTo("http://example.com/r%20v/X");
        assertThat(SignatureBaseString.baseUri(URI.create("https://www.example.net:8080/?q=1")))
                .isEqualTo("https://www.example.net:8080/");
        assertThat(SignatureBaseString.baseUri(URI.create("https://shop.example.com:443")))
                .isEqualTo("https://shop.example.com/");
        assertThat(SignatureBaseString.baseUri(URI.create("http://shop.example.com:443/x")))
                .isEqualTo("http://shop.example.com:443/x");
    }

    @Test
    void sortsRepeatedNamesByValue() {
        assertThat(SignatureBaseString.normalizedParameters(List.of(
                QueryParam.of("a", "z"), QueryParam.of("b", "1"), QueryParam.of("a", "y"), QueryParam.of("a", ""))))
                .isEqualTo("a=&a=y&a=z&b=1");
    }

    @Test
    void refusesRelativeUris() {
        assertThatThrownBy(() -> SignatureBaseString.of("GET", URI.create("/rest/V1/orders"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
