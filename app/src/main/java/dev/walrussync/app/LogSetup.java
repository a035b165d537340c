package dev.walrussync.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Switches logging to what a long-running daemon needs: informational messages of Walrus Sync on standard error,
 * one JSON object per line (Logback's JSON encoder: timestamp, level, logger, thread, message) for log collectors
 * and journald, or timestamped text for a person at a terminal. Commands that run once keep the quiet default of
 * {@code logback.xml}.
 */
public final class LogSetup {
    private LogSetup() {}

    /** Logs Walrus Sync's INFO messages (others' WARN) to standard error, as JSON lines or as text. */
    public static void forDaemon(boolean json) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Encoder<ILoggingEvent> encoder;
        if (json) {
            JsonEncoder e = new JsonEncoder();
            e.setWithSequenceNumber(false);
            e.setWithContext(false);
            e.setWithNanoseconds(false);
            e.setWithArguments(false);
            e.setWithMessage(false);
            e.setWithFormattedMessage(true);
            encoder = e;
        } else {
            PatternLayoutEncoder e = new PatternLayoutEncoder();
            e.setPattern("%d{yyyy-MM-dd HH:mm:ss} %-5level %msg%n");
            encoder = e;
        }
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.setName("daemon");
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        if (System.getenv("WALRUS_SYNC_LOG_LEVEL") == null) {
            root.setLevel(Level.WARN);
            context.getLogger("dev.walrussync").setLevel(Level.INFO);
        }
    }
}
