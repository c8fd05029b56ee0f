package io.keyrail.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with Keyrail's problem type URIs ({@code https://keyrail.io/problems/<slug>}),
 * which a POSP maps to response codes. Details never carry a key, PIN block or full PAN.
 */
public final class ProblemTypes {

    public static final String BASE = "https://keyrail.io/problems/";

    private ProblemTypes() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(type(slug));
        p.setTitle(title);
        return p;
    }
}
