package io.keyrail.registry.bulk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/v1/terminals/bulk")
@Tag(name = "Terminals")
class BulkRegistrationController {

    private static final String DESCRIPTION = "Up to 100,000 rows, streamed. mode=all-or-nothing (default): any bad "
            + "row and nothing is written: 400 naming each row and field, or 409 when the only problem is terminal "
            + "ids already registered. mode=valid-only: the valid rows are registered and the answer (200) names the "
            + "rejected ones. At most 1,000 row errors are reported; the counts are exact.";

    private final BulkRegistration registration;
    private final ObjectMapper json;

    BulkRegistrationController(BulkRegistration registration, ObjectMapper json) {
        this.registration = registration;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Register terminals from a JSON array", description = DESCRIPTION)
    BulkSummary json(@Parameter(description = "all-or-nothing or valid-only")
                     @RequestParam(defaultValue = "all-or-nothing") String mode, InputStream body) {
        BulkMode m = BulkMode.ofParameter(mode);
        return registration.register(() -> new JsonTerminalRows(json, body), m);
    }

    @PostMapping(consumes = "text/csv")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Register terminals from CSV with a header row", description = DESCRIPTION
            + " Columns: terminalId, merchantId, acquirerProfile, and optionally keyScheme, model, location.")
    BulkSummary csv(@Parameter(description = "all-or-nothing or valid-only")
                    @RequestParam(defaultValue = "all-or-nothing") String mode, InputStream body) {
        BulkMode m = BulkMode.ofParameter(mode);
        return registration.register(() -> new CsvTerminalRows(body), m);
    }
}
