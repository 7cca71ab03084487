package dev.caro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text piped to caro: a request, or commands to check or explain. Bytes that are not UTF-8, or a
 * NUL (binary data), are refused rather than replaced, so a binary file piped by mistake is said
 * to be one instead of being judged or sent to a model as mojibake.
 */
final class StandardInputText {

    private StandardInputText() {}

    /**
     * Reads at most {@code maxBytes}; a character cut by that limit is dropped (the caller's length
     * check reports the size).
     *
     * @param refusal the message when the bytes are not text, e.g. "the request on standard input is not valid UTF-8 text"
     * @throws UsageException with {@code refusal}
     */
    static String read(InputStream in, int maxBytes, String refusal) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        // Not the end of the input when the limit was reached: an incomplete last character is left over, not malformed.
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), text, bytes.length < maxBytes);
        String s = text.flip().toString();
        if (result.isError() || s.indexOf('\0') >= 0) {
            throw new UsageException(refusal);
        }
        return s;
    }
}
