package io.keyrail.rotation.signin;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The POSP's own door to sign-in: {@code POST /v1/terminals/{terminalId}/sign-in} over HTTP/1.1 on
 * a port of its own ({@code keyrail.rotation.posp-listener.port}, 8092 by default), with the same
 * bearer tokens (role POSP), request, answers and problem types as the endpoint on the service's
 * port. A POSP signs a whole estate in at the start of a day, so this path skips the servlet
 * stack: a few event-loop threads (Netty) parse the request, check the token and hand the sign-in
 * to the batcher, and write the answer when its batch commits; no thread waits for a sign-in.
 *
 * <p>It starts after the sign-in batcher and stops before it, so no request finds the batcher
 * stopped. A stop first closes the port, then waits (at most {@code drain-seconds}) until every
 * sign-in already read is answered, and only then closes the connections: a rolling restart loses
 * no answer. It logs no request body and no answer.
 */
@Component
@ConditionalOnProperty(name = "keyrail.rotation.posp-listener.enabled", havingValue = "true", matchIfMissing = true)
public class PospListener implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PospListener.class);

    private final PospListenerProperties properties;
    private final PospSignInHandler handler;
    /** Verifies tokens seen for the first time, off the event loops; at most 1,024 wait, then 503. */
    private final ThreadPoolExecutor verifier = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1024), Thread.ofPlatform().name("posp-token-verifier-", 0).daemon().factory());
    private volatile EventLoopGroup group;
    private volatile Channel server;

    PospListener(PospListenerProperties properties, SignInExchange exchange, JwtDecoder tokens, JsonMapper json,
                 MeterRegistry meters) {
        this.properties = properties;
        this.handler = new PospSignInHandler(exchange, tokens, verifier, json, meters);
    }

    @Override
    public void start() {
        handler.open();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(properties.ioThreads(), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new IdleStateHandler(0, 0, properties.idleTimeoutSeconds(), TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(properties.maxRequestBytes()))
                                .addLast(handler);
                    }
                });
        try {
            server = bootstrap.bind(new InetSocketAddress(properties.address(), properties.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("interrupted while binding the POSP listener", e);
        } catch (RuntimeException e) {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("the POSP listener cannot bind " + properties.address() + ":"
                    + properties.port() + " (" + e.getMessage() + ")", e);
        }
        group = loops;
        LOG.info("POSP sign-in listener on port {}", port());
    }

    @Override
    public void stop() {
        Channel s = server;
        EventLoopGroup loops = group;
        server = null;
        group = null;
        if (s != null) {
            s.close().syncUninterruptibly();
        }
        handler.drain();
        if (loops != null) {
            // A request a loop was reading as the drain began is counted by the time the loop runs
            // this task, so the wait below cannot miss it.
            for (EventExecutor loop : loops) {
                loop.submit(() -> { }).syncUninterruptibly();
            }
        }
        try {
            int unanswered = handler.awaitAnswered(Duration.ofSeconds(properties.drainSeconds()));
            if (unanswered > 0) {
                LOG.warn("POSP listener stopped with {} sign-ins unanswered after {} s", unanswered,
                        properties.drainSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loops != null) {
            loops.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    @Override
    public void destroy() {
        verifier.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** After the sign-in batcher starts, before it stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** The port it listens on (the bound one when configured with 0); -1 when not running. */
    public int port() {
        Channel s = server;
        return s == null ? -1 : ((InetSocketAddress) s.localAddress()).getPort();
    }
}
