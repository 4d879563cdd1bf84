package io.github.d365bridge.client.commerce.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PemPublicKeysTest {

    @Test
    void readsSubjectPublicKeyInfoPem() {
        assertThat(PemPublicKeys.parse(TestKeys.pem(TestKeys.STORE.getPublic())))
                .isEqualTo(TestKeys.STORE.getPublic());
    }

    @Test
    void readsPemWithEscapedNewLinesAsPastedIntoSettings() {
        String escaped = TestKeys.pem(TestKeys.STORE.getPublic()).replace("\n", "\\n");
        assertThat(PemPublicKeys.parse(escaped)).isEqualTo(TestKeys.STORE.getPublic());
    }

    @Test
    void readsPkcs1RsaPublicKeyPem() {
        byte[] spki = TestKeys.STORE.getPublic().getEncoded();
        // A 2048-bit SPKI is 30 82 01 22 | AlgorithmIdentifier (15 bytes) | 03 82 01 0F 00 | PKCS#1.
        assertThat(spki[19]).isEqualTo((byte) 0x03);
        byte[] pkcs1 = Arrays.copyOfRange(spki, 24, spki.length);
        String pem = "-----BEGIN RSA PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PUBLIC KEY-----";

        assertThat(PemPublicKeys.parse(pem)).isEqualTo(TestKeys.STORE.getPublic());
    }

    @Test
    void refusesPrivateKeysGarbageAndWeakKeys() {
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TestKeys.STORE.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        assertThatThrownBy(() -> PemPublicKeys.parse(privatePem))
                .hasMessageContaining("private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(privatePem.substring(40, 80)));
        assertThatThrownBy(() -> PemPublicKeys.parse("not a key")).hasMessageContaining("Not a readable");
        assertThatThrownBy(() -> PemPublicKeys.parse(" ")).hasMessageContaining("empty");
        KeyPair weak = TestKeys.generate(1024);
        assertThatThrownBy(() -> PemPublicKeys.parse(TestKeys.pem(weak.getPublic()))).hasMessageContaining("1024 bits");
    }
}
