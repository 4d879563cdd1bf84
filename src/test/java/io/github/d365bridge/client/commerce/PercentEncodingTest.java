package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void keepsOnlyUnreservedCharacters() {
        assertThat(PercentEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(PercentEncoding.encode("a b+c*d/e=f&g")).isEqualTo("a%20b%2Bc%2Ad%2Fe%3Df%26g");
        assertThat(PercentEncoding.encode("searchCriteria[filter_groups][0]"))
                .isEqualTo("searchCriteria%5Bfilter_groups%5D%5B0%5D");
    }

    @Test
    void encodesUtf8BytesWithUpperCaseHex() {
        assertThat(PercentEncoding.encode("€é")).isEqualTo("%E2%82%AC%C3%A9");
        assertThat(PercentEncoding.encode("😀")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void decodeRoundTripsAndTreatsPlusAsRequested() {
        String text = "a b+c€[0]=%";
        assertThat(PercentEncoding.decode(PercentEncoding.encode(text), false)).isEqualTo(text);
        assertThat(PercentEncoding.decode("2+q", true)).isEqualTo("2 q");
        assertThat(PercentEncoding.decode("2+q", false)).isEqualTo("2+q");
    }

    @Test
    void decodeRejectsMalformedEscapes() {
        assertThatThrownBy(() -> PercentEncoding.decode("abc%2", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PercentEncoding.decode("abc%zz", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryParamsParseAndRender() {
        List<QueryParam> params = QueryParam.parse("b5=%3D%253D&a3=a&c%40=&a2=r%20b&flag");
        assertThat(params).containsExactly(
                QueryParam.of("b5", "=%3D"), QueryParam.of("a3", "a"), QueryParam.of("c@", ""),
                QueryParam.of("a2", "r b"), QueryParam.of("flag", ""));
        assertThat(QueryParam.toQueryString(List.of(QueryParam.of("x[0]", "a b"), QueryParam.of("y", "1+1"))))
                .isEqualTo("x%5B0%5D=a%20b&y=1%2B1");
    }
}
