package io.keyrail.registry;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the registry refuses, as an RFC 9457 problem: its status, its type slug
 * ({@code https://keyrail.io/problems/<slug>}), a title, a detail and, where it names fields or
 * rows, a list of errors. Details and errors name ids, fields and states, never key material.
 */
public class RegistryProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final transient List<Map<String, Object>> errors;

    public RegistryProblem(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public RegistryProblem(HttpStatus status, String slug, String title, String detail,
                           List<Map<String, Object>> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 404: no terminal (or other resource) with this id. */
    public static RegistryProblem notFound(String what, String id) {
        return new RegistryProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** 409: the resource's state does not allow the request. */
    public static RegistryProblem conflict(String slug, String title, String detail) {
        return new RegistryProblem(HttpStatus.CONFLICT, slug, title, detail);
    }

    /** 400: the input is wrong. */
    public static RegistryProblem invalid(String detail) {
        return new RegistryProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }
}
