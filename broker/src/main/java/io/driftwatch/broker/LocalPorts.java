package io.driftwatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A free local port for a server the caller starts next (the broker, a metrics endpoint, an SMTP catcher), so
 * several of them can run side by side on a shared machine. The port is free when returned; another process
 * may still take it before the caller binds it, a race every such helper has and that tests accept.
 */
public final class LocalPorts {
    private LocalPorts() {
    }

    /** A port no socket on this machine is bound to at the moment of the call. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
