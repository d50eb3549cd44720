package minet.ui.properties;

import minet.model.Route;

/** One route as the table shows it. */
public record RouteRow(int index, String name, String addressPrefix, String nextHopType, String nextHopIpAddress) {
    public enum Column { NAME, ADDRESS_PREFIX, NEXT_HOP_TYPE, NEXT_HOP_IP }

    public static RouteRow of(int index, Route r) {
        return new RouteRow(index, nz(r.name()), nz(r.addressPrefix()), nz(r.nextHopType()), nz(r.nextHopIpAddress()));
    }

    public String get(Column c) {
        switch (c) {
            case NAME: return name;
            case ADDRESS_PREFIX: return addressPrefix;
            case NEXT_HOP_TYPE: return nextHopType;
            default: return nextHopIpAddress;
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
