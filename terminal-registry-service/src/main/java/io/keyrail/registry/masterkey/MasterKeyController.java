package io.keyrail.registry.masterkey;

import io.keyrail.events.terminal.MasterKeyInstallation;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.registry.RegistryProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/terminals/{terminalId}/master-key")
@Tag(name = "Terminal master keys", description = "Install a TMK: components under dual control, import under a "
        + "transport key, or export to a key-loading device; the terminal then awaits its sign-in")
class MasterKeyController {

    private final MasterKeys masterKeys;

    MasterKeyController(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    record ComponentsRequest(List<String> custodians) {
    }

    record ImportRequest(String transportKeyId, String tr31KeyBlock, String cryptogram, String checkValue) {
        @Override
        public String toString() {
            return "ImportRequest[" + transportKeyId + "]";
        }
    }

    record KeyLoadingDeviceRequest(String kldKeyId, String version) {
    }

    /** A component's custodian and whether it was fetched; never the component. */
    record ComponentStatus(int number, String custodian, boolean released, Instant releasedAt) {
    }

    /** The installed TMK: version, scheme, check value, method, and the components' custodians. */
    record MasterKeyView(String terminalId, int version, KeyScheme keyScheme, String checkValue,
                         MasterKeyInstallation method, Instant installedAt, List<ComponentStatus> components) {
    }

    @PostMapping("/components")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Generate the TMK as 2 or 3 components, one per named custodian",
            description = "Each custodian fetches their own component once. The combined check value is recorded "
                    + "and published; the terminal becomes AWAITING_SIGN_IN.")
    MasterKeyView components(@PathVariable String terminalId, @RequestBody ComponentsRequest r) {
        List<String> custodians = MasterKeys.custodians(r.custodians());
        masterKeys.generateComponents(terminalId, custodians);
        return view(terminalId);
    }

    @GetMapping("/components/{number}")
    @PreAuthorize("hasRole('CUSTODIAN')")
    @Operation(summary = "Fetch your component, once",
            description = "Only the named custodian (the token's subject); 409 once fetched; 403 for anyone else "
                    + "and for a custodian who already fetched another component of this terminal.")
    ReleasedComponent component(@PathVariable String terminalId, @PathVariable int number, Principal caller) {
        return masterKeys.releaseComponent(terminalId, number, caller.getName());
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Import the TMK under a transport key",
            description = "Either tr31KeyBlock (TR-31 / X9.143, versions A-D) or cryptogram (TDES-ECB, hex) with "
                    + "checkValue, which is verified.")
    MasterKeyView importKey(@PathVariable String terminalId, @RequestBody ImportRequest r) {
        if (r.transportKeyId() == null || r.transportKeyId().isBlank()) {
            throw RegistryProblem.invalid("transportKeyId is required");
        }
        boolean block = r.tr31KeyBlock() != null && !r.tr31KeyBlock().isBlank();
        boolean cryptogram = r.cryptogram() != null && !r.cryptogram().isBlank();
        if (block == cryptogram) {
            throw RegistryProblem.invalid("give either tr31KeyBlock, or cryptogram with checkValue");
        }
        if (block) {
            masterKeys.importKeyBlock(terminalId, r.transportKeyId(), r.tr31KeyBlock().strip());
        } else {
            KeyCheckValue kcv;
            try {
                kcv = new KeyCheckValue(r.checkValue());
            } catch (IllegalArgumentException e) {
                throw RegistryProblem.invalid("checkValue must be 6 to 16 hexadecimal digits");
            }
            if (kcv.length() < 3 || kcv.length() > 8) {
                throw RegistryProblem.invalid("checkValue must be 6 to 16 hexadecimal digits");
            }
            masterKeys.importCryptogram(terminalId, r.transportKeyId(), r.cryptogram().strip(), kcv);
        }
        return view(terminalId);
    }

    @PostMapping("/key-loading-device")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Generate the TMK and export it under a key-loading device's KEK",
            description = "Returns the TR-31 key block (version B for a TDES KEK, D for an AES KEK) for the mother POS.")
    KeyLoadingDeviceExport keyLoadingDevice(@PathVariable String terminalId, @RequestBody KeyLoadingDeviceRequest r) {
        if (r.kldKeyId() == null || r.kldKeyId().isBlank()) {
            throw RegistryProblem.invalid("kldKeyId is required");
        }
        KeyBlockVersion version;
        if ("B".equals(r.version()) || r.version() == null) {
            version = KeyBlockVersion.B;
        } else if ("D".equals(r.version())) {
            version = KeyBlockVersion.D;
        } else {
            throw RegistryProblem.invalid("version must be B or D");
        }
        return masterKeys.exportToKeyLoadingDevice(terminalId, r.kldKeyId(), version);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Operation(summary = "The installed TMK: version, check value, method and component custody")
    MasterKeyView get(@PathVariable String terminalId) {
        return view(terminalId);
    }

    private MasterKeyView view(String terminalId) {
        InstalledMasterKey k = masterKeys.installed(terminalId);
        List<ComponentStatus> components = masterKeys.components(terminalId).stream()
                .map(c -> new ComponentStatus(c.number(), c.custodian(), c.released(), c.releasedAt()))
                .toList();
        return new MasterKeyView(k.terminalId(), k.version(), k.keyScheme(), k.checkValue(), k.method(),
                k.installedAt(), components);
    }
}
