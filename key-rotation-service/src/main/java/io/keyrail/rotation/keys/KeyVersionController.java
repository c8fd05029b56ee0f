package io.keyrail.rotation.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of a terminal's key versions for operators and auditors: never a key block. */
@RestController
@Tag(name = "Key versions")
class KeyVersionController {

    private final KeyVersions versions;

    KeyVersionController(KeyVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/v1/terminals/{terminalId}/key-versions")
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Operation(summary = "Key versions of a terminal",
            description = "Every working key version issued to the terminal, newest first per key type: state, "
                    + "check value and times. Empty for a terminal that never signed in.")
    List<KeyVersionView> keyVersions(@PathVariable String terminalId) {
        return versions.list(terminalId);
    }
}
