package minet.ui.canvas;

/**
 * What the current rules do to a traffic flow, as {@code minet trace} says it; the validation panel sets it, the
 * arrow shows it: green allowed, red denied (wholly or in part), amber dashed when it cannot be decided offline (a
 * service tag whose addresses are not known decides), grey until checked.
 */
public enum FlowState {
    ALLOWED("Allowed"), BLOCKED("Denied"), UNDECIDED("Cannot be decided offline"), UNKNOWN("Not checked yet");

    private final String words;

    FlowState(String words) { this.words = words; }

    /** The verdict in the words the Trace panel and {@code minet trace} use. */
    public String words() { return words; }
}
