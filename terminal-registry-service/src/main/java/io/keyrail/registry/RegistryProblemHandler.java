package io.keyrail.registry;

import io.keyrail.support.web.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link RegistryProblem}s as RFC 9457 problem details with Keyrail's problem types. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblemHandler {

    @ExceptionHandler(RegistryProblem.class)
    ProblemDetail problem(RegistryProblem e) {
        ProblemDetail p = ProblemTypes.problem(e.status(), e.slug(), e.title(), e.getMessage());
        if (!e.errors().isEmpty()) {
            p.setProperty("errors", e.errors());
        }
        return p;
    }

    /** Two requests registered the same terminal at once: the later one loses. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return ProblemTypes.problem(HttpStatus.CONFLICT, "duplicate-terminal", "Terminal already registered",
                "a terminal in this request was registered concurrently by another request");
    }
}
