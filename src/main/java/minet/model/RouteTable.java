package minet.model;

import java.util.List;

public record RouteTable(String id, String name, String location, boolean disableBgpRoutePropagation,
                         List<Route> routes, Source source) {
    public RouteTable {
        routes = Lists.copy(routes);
    }

    public RouteTable withName(String v) { return new RouteTable(id, v, location, disableBgpRoutePropagation, routes, source); }
    public RouteTable withRoutes(List<Route> v) { return new RouteTable(id, name, location, disableBgpRoutePropagation, v, source); }
    public RouteTable withDisableBgpRoutePropagation(boolean v) { return new RouteTable(id, name, location, v, routes, source); }
}
