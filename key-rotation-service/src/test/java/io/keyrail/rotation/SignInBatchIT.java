package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.hsm.api.key.KeyScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins arriving together are written in shared transactions (group commit). Many at once, of
 * several terminals and of the same terminal, with unknown terminals mixed in: every answer is the
 * request's own, each terminal gets consecutive versions with exactly one ACTIVE and one ACCEPTED
 * per key type, and every issued version is published once.
 */
class SignInBatchIT extends ServiceTestSupport {

    private static final int TERMINALS = 8;
    private static final int SIGN_INS_EACH = 6;

    @Test
    void concurrentSignInsOfManyTerminalsIssueConsecutiveVersionsAndAnswerEachCaller() throws Exception {
        List<String> terminals = new ArrayList<>();
        for (int t = 0; t < TERMINALS; t++) {
            String terminalId = RegistryFixture.newTerminalId();
            registry.registerWithMasterKey(terminalId, RegistryFixture.newMerchantId(), KeyScheme.TDES_2KEY);
            terminals.add(terminalId);
        }
        terminals.forEach(this::awaitSignInReady);
        String unknown = RegistryFixture.newTerminalId();

        List<Future<HttpCalls.Reply>> known = new ArrayList<>();
        List<Future<HttpCalls.Reply>> unknowns = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(24)) {
            for (int round = 0; round < SIGN_INS_EACH; round++) {
                for (String terminalId : terminals) {
                    known.add(callers.submit(() -> signIn(terminalId, "003")));
                }
                unknowns.add(callers.submit(() -> signIn(unknown, "003")));
            }
        }

        for (Future<HttpCalls.Reply> f : unknowns) {
            assertThat(f.get().status()).isEqualTo(404);
            assertThat(f.get().problemSlug()).isEqualTo("terminal-unknown");
        }
        for (int i = 0; i < known.size(); i++) {
            HttpCalls.Reply reply = known.get(i).get();
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.json().path("terminalId").asString()).as("each caller gets its own terminal's keys")
                    .isEqualTo(terminals.get(i % TERMINALS));
        }
        for (String terminalId : terminals) {
            for (String keyType : List.of("TPK", "TAK")) {
                assertThat(jdbc.queryForList("SELECT version FROM key_version WHERE terminal_id = ? AND key_type = ? "
                        + "ORDER BY version", Integer.class, terminalId, keyType))
                        .as("%s %s versions", terminalId, keyType).containsExactly(1, 2, 3, 4, 5, 6);
                assertThat(jdbc.queryForList("SELECT version || ':' || state FROM key_version WHERE terminal_id = ? "
                        + "AND key_type = ? AND state IN ('ACTIVE', 'ACCEPTED') ORDER BY version", String.class,
                        terminalId, keyType)).containsExactly("5:ACCEPTED", "6:ACTIVE");
            }
        }
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (String terminalId : terminals) {
                assertThat(published.forKey(terminalId).stream()
                        .filter(r -> r.ceType().equals("io.keyrail.key.issued.v1")).count())
                        .as("KeyIssued of %s", terminalId).isEqualTo(2L * SIGN_INS_EACH);
            }
        });
    }
}
