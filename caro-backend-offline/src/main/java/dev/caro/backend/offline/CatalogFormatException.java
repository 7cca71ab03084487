package dev.caro.backend.offline;

/** A catalog file could not be read; the message names the file and line. */
final class CatalogFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CatalogFormatException(String message) {
        super(message);
    }
}
