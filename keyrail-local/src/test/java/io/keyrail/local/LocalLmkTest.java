package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.software.LmkRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLmkTest {

    @TempDir
    Path dir;

    @Test
    void firstRunMakesAnAes256LmkTheSoftwareHsmLoadsWithThePasswordBesideIt() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();

        LmkRing ring = LmkRing.fromPkcs12(state.lmkKeystore(), LocalLmk.password(state.lmkPassword()).toCharArray(),
                null);

        assertThat(ring.ids()).containsExactly("lmk-" + Year.now() + "-01");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.lmkPassword())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.lmkKeystore())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.issuerPrivateKey())))
                .isEqualTo("rw-------");
    }

    @Test
    void laterRunsKeepTheSameLmk() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();
        byte[] keystore = Files.readAllBytes(state.lmkKeystore());
        String password = Files.readString(state.lmkPassword());

        state.prepare();

        assertThat(Files.readAllBytes(state.lmkKeystore())).isEqualTo(keystore);
        assertThat(Files.readString(state.lmkPassword())).isEqualTo(password);
    }

    @Test
    void refusesToReplaceAKeystoreWhosePasswordFileIsMissing() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();
        Files.delete(state.lmkPassword());
        byte[] keystore = Files.readAllBytes(state.lmkKeystore());

        assertThatThrownBy(state::prepare).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("found only one of lmk.p12 and lmk.password");
        assertThat(Files.readAllBytes(state.lmkKeystore())).isEqualTo(keystore);
    }
}
