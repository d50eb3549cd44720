package minet.ui.canvas;

/** What the current rules do to a traffic flow; the validation panel sets it, the arrow shows it. */
public enum FlowState { ALLOWED, BLOCKED, UNKNOWN }
