/**
 * Key check values of clear keys (ANSI X9.24-1:2017): the zero-block method for DES/TDES
 * and legacy AES, and the CMAC method for AES and TDES. Inside the HSM boundary: callers outside
 * the adapter only ever see the returned check value, never the key.
 */
package io.keyrail.hsm.crypto.kcv;
