package minet.layout;

import java.util.List;

/**
 * The traffic an arrow stands for, in the words {@code minet trace} takes: source and destination (an element id or
 * a service tag), protocol ({@code tcp}, {@code udp} or {@code *}) and destination ports ("1433", "11000-11999",
 * "*"). The window colours the arrow with the tracer's verdict for exactly this traffic.
 */
public record FlowTraffic(String from, String to, String protocol, List<String> ports) {
    public FlowTraffic {
        ports = List.copyOf(ports);
    }
}
