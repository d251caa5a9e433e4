package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationHeadersTest {
    @Test
    void secretTextIsABearerTokenAndALoginIsHttpBasic() {
        assertThat(AuthorizationHeaders.bearer("t0k")).isEqualTo("Bearer t0k");
        // RFC 7617's example
        assertThat(AuthorizationHeaders.basic("Aladdin", "open sesame")).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(AuthorizationHeaders.basic("ü", "p")).isEqualTo("Basic w7w6cA==");
    }
}
