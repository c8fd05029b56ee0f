package io.keyrail.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM from {@link #attach()} on, with messages, arguments, MDC and stack
 * traces, so a test can prove that no clear key, PIN block or full PAN reached a log.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new ArrayList<>();

    private CapturedLogs() {
    }

    /** Attaches a capture to the root logger; every logger inherits it. */
    public static CapturedLogs attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        CapturedLogs capture = new CapturedLogs();
        capture.setContext(context);
        capture.setName("keyrail-captured-logs");
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        return capture;
    }

    /** Detaches the capture. */
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                sb.append(' ').append(frame.getSTEAsString());
            }
        }
        lines.add(sb.toString());
    }

    /** All captured lines. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * The captured lines that contain any of {@code secrets} (compared case-insensitively, as hex
     * may be printed in either case); empty when the logs are clean.
     */
    public synchronized List<String> linesContaining(Collection<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            for (String secret : secrets) {
                if (secret != null && secret.length() >= 8 && upper.contains(secret.toUpperCase(Locale.ROOT))) {
                    found.add(line);
                    break;
                }
            }
        }
        return found;
    }
}
