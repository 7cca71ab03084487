package dev.caro.core.registry;

/** A user asked for a backend, format or other named thing that does not exist. */
public class UnknownNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownNameException(String kind, String name, String known) {
        super("unknown " + kind + " '" + name + "'; " + (known.isEmpty() ? "none is installed" : "choose one of: " + known));
    }
}
