package io.keyrail.leakyservice;

import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/** A deliberately wrong "service" class: proves the boundary rule catches a service that opens keys itself. */
final class LeakyService {

    BlockCipherKey prepare(byte[] key) {
        return BlockCipherKey.des(key);
    }
}
