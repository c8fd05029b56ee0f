package io.keyrail.rotation.signin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A sign-in request from the POSP: the CUP mode of the terminal's 0800 (field 60.3). */
record SignInRequest(
        @NotNull
        @Schema(description = "CUP sign-in mode (field 60.3): 001 single-length, 003 double-length, "
                + "004 double-length plus TDK", allowableValues = {"001", "003", "004"}, example = "003")
        String mode) {
}
