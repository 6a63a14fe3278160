package dotbar.repl.jupyter;

import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZMQ;

/** Multipart frames on a ZeroMQ socket. */
final class Wire {

    private Wire() {
    }

    /** All frames of the next multipart message, or {@code null} when none arrives (non-blocking socket or timeout). */
    static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    static void send(ZMQ.Socket socket, Message m, Signer signer) {
        List<byte[]> frames = m.encode(signer);
        for (int i = 0; i < frames.size(); i++) {
            if (i < frames.size() - 1) {
                socket.sendMore(frames.get(i));
            } else {
                socket.send(frames.get(i));
            }
        }
    }
}
