package io.keyrail.registry.terminal;

import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.registry.RegistryProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/terminals")
@Tag(name = "Terminals", description = "Register, list, update, suspend, resume and decommission terminals")
class TerminalController {

    private final Terminals terminals;

    TerminalController(Terminals terminals) {
        this.terminals = terminals;
    }

    /**
     * A registration, checked by {@link TerminalRules} (the same rules as bulk rows, so both name
     * fields alike): terminal id of 8 letters or digits, merchant id of 15, a known acquirer profile,
     * a key scheme it allows (default: the profile's, double-length TDES), model and location of at
     * most 200 characters.
     */
    record RegisterTerminalRequest(String terminalId, String merchantId, String acquirerProfile, String keyScheme,
                                   String model, String location) {
    }

    /** Model and/or location (at most 200 characters each); a field left out stays as it is. */
    record UpdateTerminalRequest(String model, String location) {
    }

    record SuspendRequest(@Size(max = 200) String reason) {
    }

    @PostMapping
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Register one terminal", description = "201 with the terminal; 400 naming each invalid "
            + "field; 409 when the terminal id is already registered")
    ResponseEntity<Terminal> register(@RequestBody RegisterTerminalRequest r) {
        Terminal t = terminals.register(new TerminalInput(r.terminalId(), r.merchantId(), r.acquirerProfile(),
                r.keyScheme(), r.model(), r.location()));
        return ResponseEntity.created(URI.create("/v1/terminals/" + t.terminalId())).body(t);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Operation(summary = "List and search terminals", description = "Filter by status and merchant id; pages in "
            + "terminal id order")
    TerminalPage search(@RequestParam(required = false) String status,
                        @RequestParam(required = false) String merchantId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return terminals.search(status(status), merchantId == null || merchantId.isBlank() ? null : merchantId.strip(),
                page, size);
    }

    @GetMapping("/{terminalId}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Operation(summary = "One terminal")
    Terminal get(@PathVariable String terminalId) {
        return terminals.get(terminalId);
    }

    @PatchMapping("/{terminalId}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Change a terminal's model or location")
    Terminal update(@PathVariable String terminalId, @RequestBody UpdateTerminalRequest r) {
        return terminals.update(terminalId, r.model(), r.location());
    }

    @PostMapping("/{terminalId}/suspend")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Suspend a terminal", description = "From REGISTERED, AWAITING_SIGN_IN or ACTIVE; 409 otherwise")
    Terminal suspend(@PathVariable String terminalId, @Valid @RequestBody(required = false) SuspendRequest r) {
        return terminals.suspend(terminalId, r == null ? null : r.reason());
    }

    @PostMapping("/{terminalId}/resume")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Resume a suspended terminal", description = "It must sign in again (AWAITING_SIGN_IN), or "
            + "is REGISTERED when it has no master key")
    Terminal resume(@PathVariable String terminalId) {
        return terminals.resume(terminalId);
    }

    @PostMapping("/{terminalId}/decommission")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Decommission a terminal", description = "Destroys its master key and any unreleased "
            + "component; TerminalStatusChanged and TerminalMasterKeyDestroyed are published")
    Terminal decommission(@PathVariable String terminalId) {
        return terminals.decommission(terminalId);
    }

    private static TerminalStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return TerminalStatus.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw RegistryProblem.invalid("status must be one of REGISTERED, AWAITING_SIGN_IN, ACTIVE, SUSPENDED,"
                    + " DECOMMISSIONED");
        }
    }
}
