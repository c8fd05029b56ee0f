package io.keyrail.rotation.signin;

import io.keyrail.hsm.api.HsmException;
import io.keyrail.rotation.security.VerifiedTokens;
import io.keyrail.support.security.KeyrailRole;
import io.keyrail.support.web.CommonProblemHandler;
import io.keyrail.support.web.ProblemTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code POST /v1/terminals/{terminalId}/sign-in} on the POSP listener: checks the bearer
 * token (role POSP) with the service's {@link JwtDecoder}, reads {@code {"mode":"003"}}, and hands
 * the sign-in to {@link SignInExchange}; the answer is written when the sign-in's batch commits.
 * Every refusal is an RFC 9457 problem: 400 invalid request, 401 without a valid token (with
 * {@code WWW-Authenticate: Bearer}), 403 without the role, 404 another path, 405 another method,
 * 415 a body that is not JSON, the sign-in problems, 503 when the HSM or the database is
 * unavailable. Problems name the terminal, never a key; failures are logged without the request.
 * Answers are counted by status ({@code keyrail.posp-listener.responses}). A token verified before
 * and not expired is taken from {@link VerifiedTokens} on the event loop; a new one is verified on
 * the verifier's threads (the decoder may fetch the issuer's keys), so the loop never blocks.
 *
 * <p>When the service stops ({@link #drain}), a request already read is still answered, with
 * {@code Connection: close}, and a new one on a kept-alive connection gets 503 and the connection
 * is closed, so the POSP retries on another instance; {@link #awaitAnswered} waits for the answers.
 */
@ChannelHandler.Sharable
final class PospSignInHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(PospSignInHandler.class);
    private static final Pattern SIGN_IN = Pattern.compile("/v1/terminals/([^/]*)/sign-in");
    private static final String BEARER = "Bearer ";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final SignInExchange exchange;
    private final JwtDecoder tokens;
    private final VerifiedTokens verified;
    private final Executor verifier;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Map<Integer, Counter> responses = new ConcurrentHashMap<>();
    /** Requests waiting for a token verification or a sign-in: the answers a stop waits for. */
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean draining;

    /**
     * @param verifier where tokens not {@linkplain VerifiedTokens verified before} are decoded (never
     *                 the event loop); when it refuses work the request gets 503
     */
    PospSignInHandler(SignInExchange exchange, JwtDecoder tokens, Executor verifier, JsonMapper json,
                      MeterRegistry meters) {
        this.exchange = exchange;
        this.tokens = tokens;
        this.verified = tokens instanceof VerifiedTokens v ? v : token -> Optional.empty();
        this.verifier = verifier;
        this.json = json;
        this.meters = meters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String path = new QueryStringDecoder(request.uri()).path();
        if (draining) {
            problem(ctx, false, path, stopping(), null);
            return;
        }
        if (!request.decoderResult().isSuccess()) {
            problem(ctx, false, path, ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "Invalid request", "the request is not valid HTTP/1.1"), null);
            return;
        }
        Matcher signIn = SIGN_IN.matcher(path);
        if (!signIn.matches()) {
            problem(ctx, keepAlive, path, ProblemTypes.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "this listener answers POST /v1/terminals/{terminalId}/sign-in only"), null);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            problem(ctx, keepAlive, path, ProblemTypes.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Method not allowed", "sign-in takes POST"), Map.of(HttpHeaderNames.ALLOW.toString(), "POST"));
            return;
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            problem(ctx, keepAlive, path, ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", "a bearer token is required"), Map.of("WWW-Authenticate", "Bearer"));
            return;
        }
        // Everything the answer needs is taken from the request now: it is released when this returns,
        // and the token may be verified on another thread.
        String bearer = authorization.substring(BEARER.length()).trim();
        Request read = new Request(keepAlive, path, signIn.group(1),
                request.headers().get(HttpHeaderNames.CONTENT_TYPE), mode(request));
        Optional<Jwt> known = verified.verifiedBefore(bearer);
        if (known.isPresent()) {
            authorized(ctx, read, known.get());
            return;
        }
        // A token seen for the first time is verified off the event loop: the decoder may fetch the
        // issuer's keys over the network, and this loop serves other connections meanwhile.
        CompletableFuture<Jwt> verification;
        try {
            verification = CompletableFuture.supplyAsync(() -> tokens.decode(bearer), verifier);
        } catch (RejectedExecutionException e) {
            problem(ctx, keepAlive, path, ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", "too many tokens are being verified; retry later"), null);
            return;
        }
        answerWhenDone(ctx, verification, (token, failure) -> {
            Throwable cause = cause(failure);
            if (cause == null) {
                authorized(ctx, read, token);
            } else if (cause instanceof JwtException) {
                problem(ctx, read.keepAlive(), read.path(), ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                        "Unauthorized", "the bearer token is not valid"),
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
            } else {
                LOG.error("bearer token verification failed: {}", cause.getClass().getName());
                problem(ctx, read.keepAlive(), read.path(), ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error", "Internal error", "the bearer token could not be verified"), null);
            }
        });
    }

    /** What a request carried, read before it is released: the body's mode, or null with a body that is not JSON. */
    private record Request(boolean keepAlive, String path, String terminalId, String contentType, BodyMode body) {
    }

    /** The {@code mode} of the JSON body (null when absent), or {@code json = false} when the body is not JSON. */
    private record BodyMode(boolean json, String mode) {
    }

    private BodyMode mode(FullHttpRequest request) {
        try {
            JsonNode body = json.readTree(new ByteBufInputStream(request.content()));
            JsonNode modeNode = body == null ? null : body.get("mode");
            return new BodyMode(true, modeNode != null && modeNode.isString() ? modeNode.asString() : null);
        } catch (JacksonException e) {
            return new BodyMode(false, null);
        }
    }

    /** With a verified token: the role, the media type and the body, then the sign-in. On the event loop. */
    private void authorized(ChannelHandlerContext ctx, Request request, Jwt token) {
        boolean keepAlive = request.keepAlive();
        String path = request.path();
        List<String> roles = token.getClaimAsStringList(KeyrailRole.CLAIM);
        if (roles == null || !roles.contains(KeyrailRole.POSP.name())) {
            problem(ctx, keepAlive, path, ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "sign-in needs the role POSP"), null);
            return;
        }
        String contentType = request.contentType();
        if (contentType == null || !HttpUtil.getMimeType(contentType).toString().toLowerCase(Locale.ROOT).endsWith("json")) {
            problem(ctx, keepAlive, path, ProblemTypes.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type", "Unsupported media type", "the body must be application/json"), null);
            return;
        }
        if (!request.body().json()) {
            problem(ctx, keepAlive, path, ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "Invalid request", "the body is not valid JSON"), null);
            return;
        }
        // The answer is serialized and written on the connection's event loop, not on the writer thread
        // that committed the batch: the writers stay on the database, and a write needs no wake-up.
        answerWhenDone(ctx, exchange.signIn(request.terminalId(), request.body().mode()), (answer, failure) -> {
            if (failure != null) {
                problem(ctx, keepAlive, path, failureProblem(failure), null);
            } else {
                switch (answer) {
                    case SignInExchange.Answer.Issued issued ->
                            write(ctx, keepAlive, HttpResponseStatus.OK, JSON, json.writeValueAsBytes(issued.response()),
                                    null);
                    case SignInExchange.Answer.Problem p -> problem(ctx, keepAlive, path, p.problem(), null);
                }
            }
        });
    }

    /**
     * Answers on the connection's event loop once {@code work} completes, counted as waiting until
     * then (a stop waits for it, see {@link #awaitAnswered}).
     */
    private <T> void answerWhenDone(ChannelHandlerContext ctx, CompletableFuture<T> work, BiConsumer<T, Throwable> answer) {
        waiting.incrementAndGet();
        work.whenCompleteAsync((value, failure) -> {
            try {
                answer.accept(value, failure);
            } finally {
                if (waiting.decrementAndGet() == 0 && draining) {
                    synchronized (waiting) {
                        waiting.notifyAll();
                    }
                }
            }
        }, ctx.executor());
    }

    /** From now on: new requests get 503 and the connection is closed; answers still due close theirs. */
    void drain() {
        draining = true;
    }

    /** Takes requests again (the listener started again after a stop). */
    void open() {
        draining = false;
    }

    /**
     * Waits until every request read before {@link #drain} has been answered, at most {@code timeout};
     * returns how many are still waiting (0 when all were answered).
     */
    int awaitAnswered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (waiting) {
            while (waiting.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(waiting, left);
            }
        }
        return waiting.get();
    }

    private static ProblemDetail stopping() {
        return ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "the service is stopping; retry later");
    }

    /** The problem for a sign-in that failed: the HSM's, 503 for an unavailable database or a stopping service, else 500. */
    private static ProblemDetail failureProblem(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof HsmException hsm) {
            return CommonProblemHandler.hsmProblem(hsm);
        }
        if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException) {
            LOG.warn("sign-in failed, database unavailable: {}", cause.getClass().getName());
            return ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "Database unavailable", "the database is unavailable; retry later");
        }
        if (cause instanceof SignInBatcher.Stopping) {
            return stopping();
        }
        LOG.error("sign-in failed: {}", cause.getClass().getName());
        return ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the sign-in failed; nothing was issued");
    }

    /** What failed a future: the cause a {@link CompletionException} wraps, else the failure itself (null: none). */
    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void problem(ChannelHandlerContext ctx, boolean keepAlive, String path, ProblemDetail problem,
                         Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", path);
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        write(ctx, keepAlive, HttpResponseStatus.valueOf(problem.getStatus()), PROBLEM_JSON, json.writeValueAsBytes(body),
                headers);
    }

    private void write(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String contentType,
                       byte[] body, Map<String, String> headers) {
        responses.computeIfAbsent(status.code(), code -> Counter.builder("keyrail.posp-listener.responses")
                .description("Answers of the POSP sign-in listener, by HTTP status")
                .tag("status", Integer.toString(code))
                .register(meters)).increment();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (headers != null) {
            headers.forEach(response.headers()::set);
        }
        if (keepAlive && !draining) {
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("POSP connection closed after {}", cause.getClass().getName());
        ctx.close();
    }
}
