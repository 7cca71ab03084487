package dev.caro.cli;

/**
 * Run by {@code caro doctor} in a child JVM: loads the llama.cpp native library and reports
 * whether that worked, so a crash or a broken library never takes the doctor down with it.
 * Exit 0 when it loads; otherwise 3 with the reason on standard output.
 */
final class NativeProbe {

    private NativeProbe() {}

    public static void main(String[] args) {
        try {
            // Initialising the binding's model class loads the native library (by name: the CLI
            // does not compile against a backend).
            Class.forName("de.kherud.llama.LlamaModel", true, NativeProbe.class.getClassLoader());
            System.out.println("loaded");
            System.exit(0);
        } catch (ClassNotFoundException e) {
            System.out.println("the llama.cpp binding is not installed with caro");
        } catch (Throwable e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            System.out.println(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        System.exit(3);
    }
}
