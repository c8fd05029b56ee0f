package io.keyrail.registry.masterkey;

import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyScheme;

/** A TMK generated for a terminal and exported as a TR-31 block under a key-loading device's KEK. */
record KeyLoadingDeviceExport(String terminalId, int version, KeyScheme keyScheme, String checkValue, String kldKeyId,
                              KeyBlockVersion keyBlockVersion, String keyBlock) {

    @Override
    public String toString() {
        return "KeyLoadingDeviceExport[" + terminalId + ", v" + version + ", " + keyBlock.substring(0, 16) + "...]";
    }
}
