package io.keyrail.registry.masterkey;

import io.keyrail.events.terminal.MasterKeyInstallation;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyScheme;
import java.time.Instant;

/** A terminal's master key as the registry holds it: a key block under the LMK, never a clear key. */
record InstalledMasterKey(String terminalId, int version, KeyScheme keyScheme, KeyBlock keyBlock, String checkValue,
                          MasterKeyInstallation method, Instant installedAt) {
}
