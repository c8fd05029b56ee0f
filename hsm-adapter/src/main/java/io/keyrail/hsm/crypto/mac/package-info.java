/**
 * MAC computation and verification on clear keys: ISO/IEC 9797-1 MAC algorithms 1 and 3 (ANSI
 * X9.9, X9.19), CMAC (NIST SP 800-38B) and the China UnionPay POS ECB MAC. {@link
 * io.keyrail.hsm.crypto.mac.MacCalculator} is the entry point; keys are prepared once and never
 * leave this package as bytes.
 */
package io.keyrail.hsm.crypto.mac;
