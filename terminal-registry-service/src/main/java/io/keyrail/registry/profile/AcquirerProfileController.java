package io.keyrail.registry.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/acquirer-profiles")
@Tag(name = "Acquirer profiles", description = "Which key schemes a terminal of each profile may use")
class AcquirerProfileController {

    private final AcquirerProfiles profiles;

    AcquirerProfileController(AcquirerProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Operation(summary = "List the acquirer profiles")
    List<AcquirerProfile> list() {
        return profiles.all();
    }
}
