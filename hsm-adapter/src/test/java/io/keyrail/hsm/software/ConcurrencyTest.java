package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.IssuedKeyResult;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.mac.MacVerificationResult;
import io.keyrail.hsm.api.pin.EncryptedPinBlock;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.api.pin.PinTranslationRequest;
import io.keyrail.hsm.api.pin.PinTranslationResult;
import io.keyrail.hsm.api.pin.PrimaryAccountNumber;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.mac.MacCalculator;
import io.keyrail.hsm.crypto.pin.Iso9564PinBlock;
import io.keyrail.hsm.crypto.pin.PinDecoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Four threads sharing one HSM and its cached keys get the same answers as one thread would. */
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 400;
    private static final String PAN = "6212345678901234";

    @Test
    void macVerifyPinTranslateAndIssuanceOnSharedKeysGiveCorrectResultsFromFourThreads() throws Exception {
        KnownLmkHsm fixture = new KnownLmkHsm();
        SoftwareHsm hsm = fixture.hsm();
        KeyBlock tak = fixture.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock tpk = fixture.generate(KeyType.TPK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock zpk = fixture.generate(KeyType.ZPK, KeyScheme.AES_256).keyBlock();
        KeyBlock tmk = fixture.generate(KeyType.TMK, KeyScheme.TDES_3KEY).keyBlock();
        MacCalculator macs = MacCalculator.of(MacAlgorithm.ANSI_X9_19, fixture.clearKey(tak));
        BlockCipherKey tpkClear = BlockCipherKey.of(KeyAlgorithm.TDES, fixture.clearKey(tpk));
        BlockCipherKey zpkClear = BlockCipherKey.aes(fixture.clearKey(zpk));
        BlockCipherKey tmkClear = BlockCipherKey.of(KeyAlgorithm.TDES, fixture.clearKey(tmk));
        CountDownLatch start = new CountDownLatch(1);

        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                start.await();
                int checked = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    byte[] data = ("thread " + thread + " round " + round).getBytes(StandardCharsets.US_ASCII);
                    byte[] mac = macs.compute(data, MacPadding.METHOD_1);
                    boolean tamper = round % 3 == 0;
                    if (tamper) {
                        mac[round % 8] ^= 0x10;
                    }
                    MacVerificationResult verified = hsm.macVerification().verify(tak, MacAlgorithm.ANSI_X9_19,
                            MacPadding.METHOD_1, data, mac);
                    assertThat(verified).isEqualTo(tamper ? new MacVerificationResult.Mismatch()
                            : new MacVerificationResult.Verified());

                    String pin = String.format("%04d", (thread * ROUNDS + round) % 10_000);
                    byte[] block = Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, tpkClear, pin, PAN, null);
                    PinTranslationResult translated = hsm.pinTranslation().translate(new PinTranslationRequest(tpk,
                            PinBlockFormat.ISO_0, EncryptedPinBlock.of(block), zpk, PinBlockFormat.ISO_4,
                            new PrimaryAccountNumber(PAN)));
                    assertThat(translated).isInstanceOf(PinTranslationResult.Translated.class);
                    byte[] result = ((PinTranslationResult.Translated) translated).pinBlock().bytes();
                    assertThat(Iso9564PinBlock.decipher(PinBlockFormat.ISO_4, zpkClear, result, PAN))
                            .isEqualTo(new PinDecoding.Decoded(pin));

                    if (round % 8 == 0) {
                        IssuedKeyResult issued = hsm.workingKeyIssuance().issue(KeyType.TPK, KeyScheme.TDES_2KEY, tmk);
                        assertThat(issued).isInstanceOf(IssuedKeyResult.Issued.class);
                        IssuedKeyResult.Issued i = (IssuedKeyResult.Issued) issued;
                        assertThat(tmkClear.decryptEcb(Hex.decode(i.cryptogramHex(), "cryptogram")))
                                .isEqualTo(fixture.clearKey(i.key().keyBlock()));
                    }
                    checked++;
                }
                return checked;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> worker : workers) {
                futures.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                assertThat(future.get(2, TimeUnit.MINUTES)).isEqualTo(ROUNDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
