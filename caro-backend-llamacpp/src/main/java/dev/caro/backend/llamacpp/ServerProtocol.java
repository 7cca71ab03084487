package dev.caro.backend.llamacpp;

import dev.caro.api.backend.ChatMessage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The model server's wire format, version 2 (docs/models.md, "The model server"). Every message
 * is one frame: a 4-byte big-endian payload length (1 to {@link #MAX_FRAME} bytes), then the
 * payload: a version byte, a type byte, and the type's fields. Strings are a 4-byte length and
 * UTF-8 bytes. Channels are used directly, never through stream wrappers, because a blocked read
 * on a wrapped channel would hold the lock a concurrent write needs.
 */
final class ServerProtocol {

    /** 2: a generate request carries the idle time, a pong the idle time left. */
    static final byte VERSION = 2;
    static final int MAX_FRAME = 4 << 20;

    /**
     * Client: generate. Fields: timeout in ms (long), the idle time the server keeps from now on in
     * ms (long), message count (int), then role and content strings.
     */
    static final byte GENERATE = 'G';
    /** Client: are you there. No fields. */
    static final byte PING = 'P';
    /** Client: exit now. No fields. */
    static final byte STOP = 'S';
    /** Server: the answer. Fields: raw text, note. */
    static final byte ANSWER = 'A';
    /** Server: the request failed. Fields: message (user-facing). */
    static final byte ERROR = 'E';
    /**
     * Server: reply to PING. Fields: pid (long), model name, idle time in ms (long), ms left until
     * it exits for idleness (long; -1 while it answers a request).
     */
    static final byte PONG = 'O';
    /** Server: reply to STOP, sent just before exiting. No fields. */
    static final byte STOPPING = 'K';

    private ServerProtocol() {}

    /** A frame that is not version 1 or breaks the format; the message says how. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    /** One decoded frame: its type and a buffer positioned at the first field. */
    record Frame(byte type, ByteBuffer fields) {

        long readLong() throws ProtocolException {
            try {
                return fields.getLong();
            } catch (BufferUnderflowException e) {
                throw new ProtocolException("frame too short");
            }
        }

        int readInt() throws ProtocolException {
            try {
                return fields.getInt();
            } catch (BufferUnderflowException e) {
                throw new ProtocolException("frame too short");
            }
        }

        String readString() throws ProtocolException {
            int n = readInt();
            if (n < 0 || n > fields.remaining()) {
                throw new ProtocolException("string length " + n + " exceeds the frame");
            }
            byte[] b = new byte[n];
            fields.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    /** Builds one frame's payload. */
    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Writer(byte type) {
            try {
                out.writeByte(VERSION);
                out.writeByte(type);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a byte array does not fail
            }
        }

        Writer putLong(long v) {
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Writer putInt(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Writer putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            bytes.write(b, 0, b.length); // DataOutputStream buffers nothing, so order is kept
            return this;
        }

        /** Writes the frame completely. */
        void writeTo(WritableByteChannel channel) throws IOException {
            byte[] payload = bytes.toByteArray();
            if (payload.length > MAX_FRAME) {
                throw new ProtocolException("message too large (" + payload.length + " bytes)");
            }
            ByteBuffer buf = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }
    }

    /** A generate request. */
    static Writer generate(List<ChatMessage> messages, long timeoutMillis, long idleMillis) {
        Writer w = new Writer(GENERATE).putLong(timeoutMillis).putLong(idleMillis).putInt(messages.size());
        for (ChatMessage m : messages) {
            w.putString(m.role()).putString(m.content());
        }
        return w;
    }

    /** The messages of a generate request whose timeout and idle time were already read. */
    static List<ChatMessage> messages(Frame f) throws ProtocolException {
        int count = f.readInt();
        if (count < 0 || count > 1000) {
            throw new ProtocolException("bad message count " + count);
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new ChatMessage(f.readString(), f.readString()));
        }
        return messages;
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException when the channel ends before a frame starts or in the middle of one
     * @throws ProtocolException when the frame is malformed or of another version
     */
    static Frame read(ReadableByteChannel channel) throws IOException {
        ByteBuffer head = readFully(channel, 4);
        int length = head.getInt();
        if (length < 2 || length > MAX_FRAME) {
            throw new ProtocolException("bad frame length " + length);
        }
        ByteBuffer payload = readFully(channel, length);
        byte version = payload.get();
        if (version != VERSION) {
            throw new ProtocolException("protocol version " + version + " is not supported (expected " + VERSION + ")");
        }
        return new Frame(payload.get(), payload);
    }

    private static ByteBuffer readFully(ReadableByteChannel channel, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new EOFException("connection closed after " + buf.position() + " of " + n + " bytes");
            }
        }
        return buf.flip();
    }
}
