package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void scrub_removesBearerTokensAndJwts() {
        assertThat(Redaction.scrub("header Authorization: Bearer abc.def-ghi was sent"))
                .isEqualTo("header Authorization: Bearer [redacted] was sent");
        assertThat(Redaction.scrub("token eyJhbGciOi.eyJyb2xlcyI6W10.c2lnbmF0dXJl leaked"))
                .isEqualTo("token [redacted] leaked");
        assertThat(Redaction.scrub(null)).isNull();
        assertThat(Redaction.scrub("x".repeat(600))).hasSize(501).endsWith("…");
    }
}
