package io.keyrail.registry.masterkey;

import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.MasterKeyInstallation;
import io.keyrail.events.terminal.TerminalMasterKeyInstalled;
import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentCustody;
import io.keyrail.hsm.api.key.ComponentRelease;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyComponents;
import io.keyrail.hsm.api.key.KeyExport;
import io.keyrail.hsm.api.key.KeyExportResult;
import io.keyrail.hsm.api.key.KeyGeneration;
import io.keyrail.hsm.api.key.KeyImport;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.SealedComponent;
import io.keyrail.registry.RegistryProblem;
import io.keyrail.registry.terminal.Terminal;
import io.keyrail.registry.terminal.Terminals;
import io.keyrail.registry.transportkey.TransportKey;
import io.keyrail.registry.transportkey.TransportKeyPurpose;
import io.keyrail.registry.transportkey.TransportKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Installs terminal master keys, three ways: generated as 2 or 3 components for named custodians
 * (ISO 11568-2 dual control), imported under a transport key (TR-31 key block or legacy TDES
 * cryptogram with its check value), or generated and exported under a key-loading device's KEK.
 *
 * <p>Each installation stores the TMK as a key block under the LMK with a new version, voids the
 * components of an earlier installation, moves the terminal to AWAITING_SIGN_IN, and publishes
 * {@link TerminalMasterKeyInstalled} (check value only) and the TMK's {@link KeyMaterial}, all in one
 * transaction through the outbox. Clear components exist only sealed under the LMK until their
 * custodian fetches them, once.
 */
@Service
class MasterKeys {

    private final Terminals terminals;
    private final TransportKeys transportKeys;
    private final MasterKeyRepository repository;
    private final KeyComponents components;
    private final ComponentCustody custody;
    private final KeyGeneration generation;
    private final KeyImport imports;
    private final KeyExport exports;
    private final ApplicationEventPublisher events;

    /**
     * The software HSM serves several capabilities from one object, so HSM beans are matched by
     * name: the parameter names are the bean names of service-support's HSM wiring.
     */
    MasterKeys(Terminals terminals, TransportKeys transportKeys, MasterKeyRepository repository,
               KeyComponents keyComponents, ComponentCustody componentCustody, KeyGeneration keyGeneration,
               KeyImport keyImport, KeyExport keyExport, ApplicationEventPublisher events) {
        this.terminals = terminals;
        this.transportKeys = transportKeys;
        this.repository = repository;
        this.components = keyComponents;
        this.custody = componentCustody;
        this.generation = keyGeneration;
        this.imports = keyImport;
        this.exports = keyExport;
        this.events = events;
    }

    /** (a) Generates the TMK as one component per custodian, each sealed until its custodian fetches it. */
    @Transactional
    InstalledMasterKey generateComponents(String terminalId, List<String> custodians) {
        Terminal terminal = terminals.lockForKeyInstallation(terminalId);
        ComponentRelease release = components.generateComponents(KeyType.TMK, terminal.keyScheme(), custodians.size());
        InstalledMasterKey key = install(terminal, release.key(), MasterKeyInstallation.COMPONENTS);
        for (int i = 0; i < custodians.size(); i++) {
            CheckedComponent c = release.components().get(i);
            SealedComponent sealed = custody.seal(KeyType.TMK, terminal.keyScheme(), i + 1, c);
            repository.saveComponent(terminalId, key.version(), custodians.size(), custodians.get(i),
                    c.checkValue().hex(), sealed);
        }
        return key;
    }

    /**
     * Releases component {@code number} to {@code caller}, once: 403 unless the caller is its named
     * custodian (and has fetched no other component of this terminal), 409 when already released.
     */
    @Transactional
    ReleasedComponent releaseComponent(String terminalId, int number, String caller) {
        PendingComponent c = repository.lockComponent(terminalId, number).orElseThrow(() -> new RegistryProblem(
                HttpStatus.NOT_FOUND, "component-not-found", "No such component",
                "terminal " + terminalId + " has no master key component " + number));
        if (!c.custodian().equals(caller)) {
            throw forbidden(terminalId, number);
        }
        boolean fetchedAnother = repository.components(terminalId).stream()
                .anyMatch(o -> o.number() != number && o.released() && o.custodian().equals(caller));
        if (fetchedAnother) {
            throw forbidden(terminalId, number);
        }
        if (c.released()) {
            throw RegistryProblem.conflict("component-released", "Component already released",
                    "component " + number + " of terminal " + terminalId + " was released on " + c.releasedAt());
        }
        CheckedComponent clear = custody.release(new SealedComponent(number, c.sealed()),
                ClearKeyAccess.custodianCeremony());
        repository.markReleased(terminalId, number, now());
        return new ReleasedComponent(terminalId, c.tmkVersion(), number, c.of(),
                clear.component().hex(ClearKeyAccess.custodianCeremony()), clear.checkValue().hex());
    }

    /** (b) Imports a TR-31 key block sent under a transport key. */
    @Transactional
    InstalledMasterKey importKeyBlock(String terminalId, String transportKeyId, String keyBlock) {
        TransportKey kek = transportKeys.require(transportKeyId, TransportKeyPurpose.TRANSPORT);
        Terminal terminal = terminals.lockForKeyInstallation(terminalId);
        GeneratedKey key = imported(imports.importKeyBlock(KeyType.TMK, kek.keyBlock(), keyBlock), kek);
        if (key.keyBlock().algorithm() != terminal.keyScheme().algorithm()) {
            throw RegistryProblem.conflict("key-scheme-mismatch", "Wrong key scheme", "the key block holds a "
                    + key.keyBlock().algorithm() + " key; terminal " + terminalId + " uses " + terminal.keyScheme());
        }
        return install(terminal, key, MasterKeyInstallation.KEY_BLOCK_IMPORT);
    }

    /** (b) Imports a legacy TDES-ECB cryptogram under a transport key, verified against its check value. */
    @Transactional
    InstalledMasterKey importCryptogram(String terminalId, String transportKeyId, String cryptogram,
                                        KeyCheckValue checkValue) {
        TransportKey kek = transportKeys.require(transportKeyId, TransportKeyPurpose.TRANSPORT);
        Terminal terminal = terminals.lockForKeyInstallation(terminalId);
        GeneratedKey key = imported(imports.importCryptogram(KeyType.TMK, terminal.keyScheme(), kek.keyBlock(),
                cryptogram, checkValue), kek);
        return install(terminal, key, MasterKeyInstallation.CRYPTOGRAM_IMPORT);
    }

    /** (c) Generates the TMK and exports it as a TR-31 block under a key-loading device's KEK. */
    @Transactional
    KeyLoadingDeviceExport exportToKeyLoadingDevice(String terminalId, String kldKeyId, KeyBlockVersion version) {
        TransportKey kek = transportKeys.require(kldKeyId, TransportKeyPurpose.KEY_LOADING_DEVICE);
        Terminal terminal = terminals.lockForKeyInstallation(terminalId);
        GeneratedKey tmk = generation.generate(KeyType.TMK, terminal.keyScheme());
        String block = switch (exports.exportKeyBlock(tmk.keyBlock(), kek.keyBlock(), version)) {
            case KeyExportResult.Exported e -> e.value();
            case KeyExportResult.NotExportable n -> throw RegistryProblem.conflict("key-not-exportable",
                    "Key not exportable", "the TMK may not be exported");
            case KeyExportResult.KekRefused r -> throw RegistryProblem.conflict("transport-key-refused",
                    "Key-loading device key refused", "key " + kldKeyId + " cannot wrap this TMK: " + r.reason());
        };
        InstalledMasterKey key = install(terminal, tmk, MasterKeyInstallation.KEY_LOADING_DEVICE);
        return new KeyLoadingDeviceExport(terminalId, key.version(), key.keyScheme(), key.checkValue(), kldKeyId,
                version, block);
    }

    InstalledMasterKey installed(String terminalId) {
        terminals.get(terminalId);
        return repository.find(terminalId).orElseThrow(() -> new RegistryProblem(HttpStatus.NOT_FOUND,
                "master-key-not-found", "No master key", "terminal " + terminalId + " has no master key"));
    }

    List<PendingComponent> components(String terminalId) {
        return repository.components(terminalId);
    }

    private InstalledMasterKey install(Terminal terminal, GeneratedKey key, MasterKeyInstallation method) {
        String id = terminal.terminalId();
        int version = repository.find(id).map(k -> k.version() + 1).orElse(1);
        repository.deleteComponents(id);
        Instant now = now();
        InstalledMasterKey installed = new InstalledMasterKey(id, version, terminal.keyScheme(), key.keyBlock(),
                key.checkValue().hex(), method, now);
        repository.save(installed);
        events.publishEvent(new TerminalMasterKeyInstalled(UUID.randomUUID(), now, id, terminal.merchantId(), version,
                terminal.keyScheme().name(), installed.checkValue(), method));
        terminals.masterKeyInstalled(terminal);
        events.publishEvent(new KeyMaterial(UUID.randomUUID(), now, MasterKeyCustody.SOURCE, id, WorkingKeyType.TMK,
                version, key.keyBlock().value(), key.keyBlock().lmkId(), installed.checkValue(), KeyState.ACTIVE, null));
        return installed;
    }

    private static GeneratedKey imported(KeyImportResult result, TransportKey kek) {
        return switch (result) {
            case KeyImportResult.Imported i -> i.key();
            case KeyImportResult.IntegrityFailure f -> throw rejected("key-block-integrity",
                    "the key block does not verify under transport key " + kek.id());
            case KeyImportResult.CheckValueMismatch m -> throw rejected("check-value-mismatch",
                    "the cryptogram does not decrypt to a key with the check value sent");
            case KeyImportResult.UsageMismatch u -> throw rejected("key-usage-mismatch",
                    "the key block's usage " + u.actualUsage() + " is not a terminal master key's (K0)");
            case KeyImportResult.Malformed m -> throw rejected("malformed-key", m.reason());
            case KeyImportResult.KekRefused r -> throw RegistryProblem.conflict("transport-key-refused",
                    "Transport key refused", "transport key " + kek.id() + " cannot unwrap this key: " + r.reason());
        };
    }

    private static RegistryProblem rejected(String slug, String detail) {
        return new RegistryProblem(HttpStatus.BAD_REQUEST, slug, "Key rejected", detail);
    }

    private static RegistryProblem forbidden(String terminalId, int number) {
        return new RegistryProblem(HttpStatus.FORBIDDEN, "not-your-component", "Not your component",
                "component " + number + " of terminal " + terminalId + " is released only to its named custodian,"
                        + " and a custodian receives one component of a terminal, never two");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The names as given: 2 or 3 distinct custodians. */
    static List<String> custodians(List<String> names) {
        if (names == null || names.size() < 2 || names.size() > 3) {
            throw RegistryProblem.invalid("custodians must name 2 or 3 people");
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n == null || n.isBlank() || n.length() > 100) {
                throw RegistryProblem.invalid("each custodian must be a name of 1 to 100 characters");
            }
            if (out.contains(n.strip())) {
                throw RegistryProblem.invalid("custodians must be distinct people: one person never holds two"
                        + " components");
            }
            out.add(n.strip());
        }
        return out;
    }
}
