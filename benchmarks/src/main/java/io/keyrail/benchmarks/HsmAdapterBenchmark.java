package io.keyrail.benchmarks;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.IssuedKeyResult;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyComponent;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.WorkingKeyIssuance;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacGenerationResult;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.mac.MacVerification;
import io.keyrail.hsm.api.mac.MacVerificationResult;
import io.keyrail.hsm.api.pin.EncryptedPinBlock;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.api.pin.PinTranslation;
import io.keyrail.hsm.api.pin.PinTranslationRequest;
import io.keyrail.hsm.api.pin.PinTranslationResult;
import io.keyrail.hsm.api.pin.PrimaryAccountNumber;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import io.keyrail.hsm.crypto.pin.Iso9564PinBlock;
import io.keyrail.hsm.software.LmkRing;
import io.keyrail.hsm.software.SoftwareHsm;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The adapter's hot operations, through its capability interfaces with key blocks under an LMK,
 * beside the bare JCE calls the performance targets are stated against: the same bytes through
 * SunJCE ciphers initialised once, writing into buffers allocated once. Single thread; ops/s.
 * Setup checks that every measured call does its real work (the MACs verify, the PIN block
 * translates there and back, the issued cryptograms import under the TMK).
 *
 * <p>Run: {@code ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package && java -jar benchmarks/target/benchmarks.jar}
 * (figures and the exact command: {@code docs/performance.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class HsmAdapterBenchmark {

    private static final int MESSAGE_LENGTH = 256;

    private MacVerification macs;
    private PinTranslation pins;
    private WorkingKeyIssuance issuance;

    private byte[] message;
    private KeyBlock tak;
    private byte[] x919Mac;
    private byte[] cupMac;
    private PinTranslationRequest translation;
    private KeyBlock tmk;

    private Cipher bareDesCbc;
    private Cipher bareTdesCbc;
    private Cipher bareTdesDecrypt;
    private Cipher bareTdesEncrypt;
    private byte[] pinBlock;
    private final byte[] cbcOut = new byte[MESSAGE_LENGTH];
    private final byte[] clearBlock = new byte[8];
    private final byte[] blockOut = new byte[8];

    @Setup
    public void setUp() throws GeneralSecurityException {
        SoftwareHsm hsm = SoftwareHsm.create(LmkRing.ephemeral("lmk-bench"));
        macs = hsm.macVerification();
        pins = hsm.pinTranslation();
        issuance = hsm.workingKeyIssuance();

        message = new byte[MESSAGE_LENGTH];
        new Random(42).nextBytes(message);

        tak = hsm.keyGeneration().generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        x919Mac = mac(hsm, MacAlgorithm.ANSI_X9_19);
        cupMac = mac(hsm, MacAlgorithm.CUP_ECB);

        byte[] tpkClear = Hex.decode("0123456789ABCDEFFEDCBA9876543210");
        KeyBlock tpk = formed(hsm, KeyType.TPK, tpkClear);
        KeyBlock zpk = hsm.keyGeneration().generate(KeyType.ZPK, KeyScheme.TDES_2KEY).keyBlock();
        String pan = "4012345678909";
        pinBlock = Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, BlockCipherKey.des(tpkClear), "1234", pan, null);
        translation = new PinTranslationRequest(tpk, PinBlockFormat.ISO_0, EncryptedPinBlock.of(pinBlock), zpk,
                PinBlockFormat.ISO_0, new PrimaryAccountNumber(pan));
        tmk = hsm.keyGeneration().generate(KeyType.TMK, KeyScheme.TDES_2KEY).keyBlock();

        byte[] k1 = Hex.decode("0123456789ABCDEF");
        bareDesCbc = Cipher.getInstance("DES/CBC/NoPadding");
        bareDesCbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k1, "DES"), new IvParameterSpec(new byte[8]));
        byte[] k3 = Hex.decode("0123456789ABCDEFFEDCBA98765432100123456789ABCDEF");
        bareTdesCbc = Cipher.getInstance("DESede/CBC/NoPadding");
        bareTdesCbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k3, "DESede"), new IvParameterSpec(new byte[8]));
        bareTdesDecrypt = Cipher.getInstance("DESede/ECB/NoPadding");
        bareTdesDecrypt.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k3, "DESede"));
        bareTdesEncrypt = Cipher.getInstance("DESede/ECB/NoPadding");
        bareTdesEncrypt.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k3, "DESede"));

        requireVerified(macs.verify(tak, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, message, x919Mac));
        requireVerified(macs.verify(tak, MacAlgorithm.CUP_ECB, MacPadding.METHOD_1, message, cupMac));
        requireTranslatesBack(translation, tpk, zpk, pan);
        for (KeyType type : List.of(KeyType.TPK, KeyType.TAK)) {
            requireImportable(hsm, type, issuance.issue(type, KeyScheme.TDES_2KEY, tmk));
        }
    }

    /** ISO 0 is deterministic, so the block translated to the ZPK and back must be the block we started from. */
    private void requireTranslatesBack(PinTranslationRequest request, KeyBlock tpk, KeyBlock zpk, String pan) {
        if (!(pins.translate(request) instanceof PinTranslationResult.Translated there)) {
            throw new IllegalStateException("benchmark PIN translation does not translate");
        }
        PinTranslationResult back = pins.translate(new PinTranslationRequest(zpk, PinBlockFormat.ISO_0, there.pinBlock(),
                tpk, PinBlockFormat.ISO_0, new PrimaryAccountNumber(pan)));
        if (!(back instanceof PinTranslationResult.Translated home) || !home.pinBlock().equals(request.pinBlock())) {
            throw new IllegalStateException("benchmark PIN translation does not give the PIN back: " + back);
        }
    }

    /** The terminal's side of sign-in: the cryptogram under the TMK must decrypt to a key with the check value sent. */
    private void requireImportable(SoftwareHsm hsm, KeyType type, IssuedKeyResult result) {
        if (!(result instanceof IssuedKeyResult.Issued issued)) {
            throw new IllegalStateException("benchmark sign-in does not issue a " + type + ": " + result);
        }
        KeyImportResult imported = hsm.keyImport().importCryptogram(type, KeyScheme.TDES_2KEY, tmk,
                issued.cryptogramHex(), issued.checkValue());
        if (!(imported instanceof KeyImportResult.Imported i) || !i.key().checkValue().equals(issued.key().checkValue())) {
            throw new IllegalStateException("benchmark sign-in cryptogram does not import under the TMK: " + imported);
        }
    }

    private byte[] mac(SoftwareHsm hsm, MacAlgorithm algorithm) {
        return switch (hsm.macGeneration().generate(tak, algorithm, MacPadding.METHOD_1, message)) {
            case MacGenerationResult.Generated g -> g.mac();
            case MacGenerationResult.KeyUsageRefused r -> throw new IllegalStateException(r.reason());
        };
    }

    private static KeyBlock formed(SoftwareHsm hsm, KeyType type, byte[] clear) {
        byte[] zero = new byte[clear.length];
        List<CheckedComponent> components = List.of(component(clear), component(zero));
        return switch (hsm.keyComponents().formFromComponents(type, KeyScheme.TDES_2KEY, components)) {
            case ComponentFormation.Formed f -> f.key().keyBlock();
            case ComponentFormation.ComponentCheckValueMismatch m -> throw new IllegalStateException("component " + m);
        };
    }

    private static CheckedComponent component(byte[] bytes) {
        KeyCheckValue kcv = new KeyCheckValue(Hex.encode(CheckValues.compute(BlockCipherKey.des(bytes),
                io.keyrail.hsm.api.key.KeyCheckValueMethod.ZEROS, 3)));
        return new CheckedComponent(KeyComponent.ofBytes(bytes, ClearKeyAccess.custodianCeremony()), kcv);
    }

    private static void requireVerified(MacVerificationResult result) {
        if (!(result instanceof MacVerificationResult.Verified)) {
            throw new IllegalStateException("benchmark MAC does not verify: " + result);
        }
    }

    /** ANSI X9.19 MAC verify of 256 bytes through the adapter. */
    @Benchmark
    public MacVerificationResult x919MacVerify256() {
        return macs.verify(tak, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, message, x919Mac);
    }

    /** China UnionPay POS ECB MAC verify of 256 bytes through the adapter. */
    @Benchmark
    public MacVerificationResult cupEcbMacVerify256() {
        return macs.verify(tak, MacAlgorithm.CUP_ECB, MacPadding.METHOD_1, message, cupMac);
    }

    /** ISO 0 PIN translation TPK to ZPK through the adapter. */
    @Benchmark
    public PinTranslationResult pinTranslateIso0TpkToZpk() {
        return pins.translate(translation);
    }

    /** Sign-in issuance: a TPK and a TAK, each generated and exported under the TMK with its check value. */
    @Benchmark
    public void signInIssueTpkAndTak(Blackhole sink) {
        sink.consume(issuance.issue(KeyType.TPK, KeyScheme.TDES_2KEY, tmk));
        sink.consume(issuance.issue(KeyType.TAK, KeyScheme.TDES_2KEY, tmk));
    }

    /** Limit: bare JCE single-DES CBC over the same 256 bytes, into a buffer allocated once. */
    @Benchmark
    public byte[] bareJceDesCbc256() throws GeneralSecurityException {
        bareDesCbc.doFinal(message, 0, MESSAGE_LENGTH, cbcOut, 0);
        return cbcOut;
    }

    /** Limit: bare JCE TDES CBC over the same 256 bytes, into a buffer allocated once. */
    @Benchmark
    public byte[] bareJceTdesCbc256() throws GeneralSecurityException {
        bareTdesCbc.doFinal(message, 0, MESSAGE_LENGTH, cbcOut, 0);
        return cbcOut;
    }

    /** Limit: two single-block TDES operations (one decrypt, one encrypt), as a PIN translation needs. */
    @Benchmark
    public byte[] bareJceTwoTdesBlocks() throws GeneralSecurityException {
        bareTdesDecrypt.doFinal(pinBlock, 0, 8, clearBlock, 0);
        bareTdesEncrypt.doFinal(clearBlock, 0, 8, blockOut, 0);
        return blockOut;
    }

}
