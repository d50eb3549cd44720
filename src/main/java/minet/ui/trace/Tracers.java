package minet.ui.trace;

/** The tracer the window uses. */
public final class Tracers {
    private Tracers() {}

    /** Until the engine's tracer is in the build, the panel says so instead of guessing an answer. */
    public static final TraceService UNAVAILABLE = (d, from, to, protocol, port) -> {
        throw new IllegalArgumentException("Tracing is not in this build yet: the engine's tracer has not landed.");
    };
}
