package dev.caro.cli;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The CLI server's wire format, over two named pipes (FIFOs) in the run directory:
 * {@code cli-<stamp>.in} carries requests, {@code cli-<stamp>.out} answers. A client holds
 * {@code cli-<stamp>.busy} while it talks, so one request and its answer are on the pipes at a time.
 * <p>
 * A request: {@link #MAGIC}, {@link #VERSION}, the body's length, then the body: the request id
 * (8 bytes, chosen by the client), the arguments (a count, then each string), the working
 * directory, the home directory, the terminal flags ({@code -Dcaro.tty}) and the environment (a
 * count, then name and value). An int is 4 bytes big-endian, a string an int byte count and UTF-8
 * bytes. The client writes it with one write, so a killed client never leaves half a request.
 * <p>
 * An answer is a sequence of frames: a type byte, the request id, a 4-byte length and the payload.
 * {@link #OUT} and {@link #ERR} carry output bytes in the order they were written, {@link #EXIT}
 * the exit code (4 bytes) and ends the answer, {@link #NOT_MINE} (no payload) tells the client to
 * run the line itself. Having read the exit code, the client acknowledges the answer with a
 * request whose body is the request id and the count {@link #ACK} ({@link #ack}); only then does
 * the server write the line's history, so a client that gave up waiting, and runs the line itself,
 * does not get its history line twice. Every frame is written with one write of at most {@link #ATOMIC} bytes,
 * which a pipe never interleaves with another: the client's own deadline thread ends a wait by
 * writing {@link #GIVE_UP} to the answer pipe. Frames of another request id (the answer to a
 * client that gave up) are skipped.
 */
final class Frames {

    /** "caro". */
    static final int MAGIC = 0x6361726f;
    /** Raised whenever the request or the frames change; a server answers only its own version. */
    static final int VERSION = 2;
    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte EXIT = 'x';
    static final byte NOT_MINE = 'n';
    static final byte GIVE_UP = 'g';
    /** In place of the argument count: the body acknowledges the answer to its request id. */
    static final int ACK = -1;
    /** Writes up to this size (POSIX PIPE_BUF's least value) reach a pipe whole. */
    static final int ATOMIC = 512;
    /** Type, request id and length. */
    static final int HEADER = 13;
    /** The most one request may take: one write, well within a pipe's buffer (64 KiB on Linux). */
    static final int MAX_REQUEST = 48 * 1024;
    /** The most one string may carry. */
    static final int MAX_PAYLOAD = MAX_REQUEST;
    /** The most arguments or environment variables one request may carry. */
    static final int MAX_COUNT = 100_000;

    private Frames() {}

    /** The acknowledgement of the answer to request {@code id}: magic, version, length, id, {@link #ACK}. */
    static byte[] ack(long id) {
        Writer w = new Writer();
        w.putInt(MAGIC);
        w.putInt(VERSION);
        w.putInt(12);
        w.putLong(id);
        w.putInt(ACK);
        return w.bytes();
    }

    /** Whether a request body (a request without magic, version and length) is an {@link #ack}. */
    static boolean isAck(byte[] body) {
        return body.length == 12 && ByteBuffer.wrap(body).getInt(8) == ACK;
    }

    /** Builds a request in memory (the client sends it with one write). */
    static final class Writer {
        private byte[] buf = new byte[4096];
        private int size;

        void putInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }

        int size() {
            return size;
        }

        /** Writes the int at {@code offset} (to fill in a length). */
        void setInt(int offset, int v) {
            buf[offset] = (byte) (v >>> 24);
            buf[offset + 1] = (byte) (v >>> 16);
            buf[offset + 2] = (byte) (v >>> 8);
            buf[offset + 3] = (byte) v;
        }

        void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }
    }

    /** Reads a request body. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] body) {
            this.in = ByteBuffer.wrap(body);
        }

        int getInt() throws IOException {
            need(4);
            return in.getInt();
        }

        long getLong() throws IOException {
            need(8);
            return in.getLong();
        }

        /** A count of at most {@link #MAX_COUNT}. */
        int getCount() throws IOException {
            int n = getInt();
            if (n < 0 || n > MAX_COUNT) {
                throw new IOException("bad count " + n);
            }
            return n;
        }

        String getString() throws IOException {
            int n = getInt();
            if (n < 0) {
                throw new IOException("bad string length " + n);
            }
            need(n);
            String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
            in.position(in.position() + n);
            return s;
        }

        private void need(int n) throws IOException {
            if (in.remaining() < n) {
                throw new EOFException("request ended early");
            }
        }
    }

    /** One frame's bytes: type, request id, length, payload. */
    static byte[] frame(byte type, long id, byte[] payload, int off, int len) {
        return ByteBuffer.allocate(HEADER + len).put(type).putLong(id).putInt(len).put(payload, off, len).array();
    }
}
