package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.keyrail.support.security.LocalTokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsATokenSignedByTheRunsIssuerWithTheUserAndRoles() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();

        Cli cli = Cli.run("token", "--user", "alice", "--roles", "OPERATOR,custodian", "--ttl", "PT10M",
                "--state-dir", state.root().toString());

        assertThat(cli.status()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out().lines()).hasSize(1);
        SignedJWT jwt = SignedJWT.parse(cli.out().strip());
        assertThat(jwt.verify(new RSASSAVerifier(LocalTokenIssuer.publicKey(state.issuerPublicKey())))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OPERATOR", "CUSTODIAN");
        assertThat(claims.getIssuer()).isEqualTo(LocalTokenIssuer.ISSUER);
        assertThat(claims.getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));
    }

    @Test
    void aTokenFromAnotherRunDoesNotVerifyWithThisRunsKey() throws Exception {
        StateDirectory ours = new StateDirectory(dir.resolve("ours"));
        StateDirectory theirs = new StateDirectory(dir.resolve("theirs"));
        ours.prepare();
        theirs.prepare();

        Cli cli = Cli.run("token", "--user", "mallory", "--roles", "OPERATOR", "--state-dir", theirs.root().toString());

        SignedJWT jwt = SignedJWT.parse(cli.out().strip());
        assertThat(jwt.verify(new RSASSAVerifier(LocalTokenIssuer.publicKey(ours.issuerPublicKey())))).isFalse();
    }

    @Test
    void refusesWithOneLineWhenNoLocalRunEverStartedThereAndCreatesNothing() {
        Path nowhere = dir.resolve("never-started");

        Cli cli = Cli.run("token", "--user", "alice", "--roles", "OPERATOR", "--state-dir", nowhere.toString());

        assertThat(cli.status()).isEqualTo(Main.EXIT_FAILED);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).singleElement().asString()
                .startsWith("keyrail: no local run in").contains("./keyrail local");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void refusesAnUnknownRoleNamingTheKnownOnes() {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();

        Cli cli = Cli.run("token", "--user", "alice", "--roles", "ADMIN", "--state-dir", state.root().toString());

        assertThat(cli.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(cli.err().strip()).isEqualTo(
                "keyrail: unknown role 'ADMIN' for --roles: one of OPERATOR, CUSTODIAN, APPROVER, AUDITOR, POSP");
    }

    @Test
    void requiresUserAndRoles() {
        Cli cli = Cli.run("token", "--user", "alice");

        assertThat(cli.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(cli.err()).contains("--roles");
    }
}
