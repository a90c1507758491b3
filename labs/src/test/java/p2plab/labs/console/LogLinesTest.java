package p2plab.labs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A warning logged by a transport reaches the user as one line; the stack trace only with --debug. */
class LogLinesTest {
    private Handler[] before;

    @BeforeEach
    void keepHandlers() {
        before = Logger.getLogger("").getHandlers();
    }

    @AfterEach
    void restoreHandlers() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        for (Handler h : before) {
            root.addHandler(h);
        }
    }

    private static String logThrowing(boolean debug) {
        StringWriter err = new StringWriter();
        LogLines.install(new PrintWriter(err), debug);
        RuntimeException e = new UnsupportedOperationException("TODO: expanding ring");
        // As SimTransport.taskThrew logs it: the message names the exception, which comes along too.
        System.getLogger("p2plab.common.transport.sim.SimTransport")
                .log(System.Logger.Level.WARNING, "p1: a timer or task threw " + e, e);
        System.getLogger("p2plab.common.transport.tcp.PeerHandlerAdapter")
                .log(System.Logger.Level.WARNING, "protocol error\nin onMessage", new IllegalStateException("bad state"));
        return err.toString();
    }

    @Test
    void aLoggedExceptionIsOneLineWithoutItsStackTrace() {
        assertEquals("warning: p1: a timer or task threw java.lang.UnsupportedOperationException: TODO: expanding ring\n"
                + "warning: protocol error in onMessage (java.lang.IllegalStateException: bad state)\n", logThrowing(false));
    }

    @Test
    void debugShowsTheStackTrace() {
        String err = logThrowing(true);
        assertTrue(err.startsWith("warning: p1: a timer or task threw java.lang.UnsupportedOperationException: TODO: expanding ring\n"
                + "java.lang.UnsupportedOperationException: TODO: expanding ring\n\tat "), err);
    }
}
