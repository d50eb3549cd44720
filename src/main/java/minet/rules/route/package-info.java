/**
 * Routes: {@link minet.rules.route.RouteResolver#forSubnet} builds a subnet's effective routes (its route table,
 * gateway routes, system routes) and {@code nextHop(address)} picks one (longest prefix; user › BGP › system on
 * ties). {@link minet.rules.route.RouteResolver#uncovered} answers "is every address of this prefix routed to next
 * hop X by these routes alone" (the union of routes counts) and {@link minet.rules.route.RouteResolver#conflicts}
 * lists routes inside a prefix that send it elsewhere.
 */
package minet.rules.route;
