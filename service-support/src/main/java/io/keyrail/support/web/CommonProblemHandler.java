package io.keyrail.support.web;

import io.keyrail.hsm.api.HsmException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems every service shares: invalid input (400, naming each field), an HSM failure (503
 * when retriable, 500 otherwise), with Keyrail problem types. Ordered before Spring Boot's
 * {@code ProblemDetailsExceptionHandler} (order 0, active with {@code spring.mvc.problemdetails.enabled}),
 * which would otherwise answer invalid bodies with an untyped problem; the other Spring MVC
 * exceptions stay with Boot's handler. A service's own advice for the same exceptions declares an
 * order below {@link #ORDER}.
 */
@RestControllerAdvice
@Order(CommonProblemHandler.ORDER)
public class CommonProblemHandler {

    /** Before Boot's problem details handler (order 0). */
    public static final int ORDER = -1;

    private static final Logger LOG = LoggerFactory.getLogger(CommonProblemHandler.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        ProblemDetail p = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "the request has " + e.getErrorCount() + " invalid field(s)");
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        return ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(HsmException.class)
    ProblemDetail hsm(HsmException e) {
        return hsmProblem(e);
    }

    /** The problem for an HSM failure (logged here, without key material): 503 when retriable, 500 otherwise. */
    public static ProblemDetail hsmProblem(HsmException e) {
        LOG.warn("HSM failure ({}): {}", e.retriable() ? "retriable" : "permanent", e.getMessage());
        return e.retriable()
                ? ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "hsm-unavailable", "HSM unavailable",
                        "the HSM is unavailable; retry later")
                : ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "hsm-refused", "HSM refused the key",
                        "a stored key could not be opened by the HSM");
    }
}
