/**
 * The NSG evaluator over sets of traffic (rules.md "Semantics the checks rest on").
 *
 * <ul>
 * <li>{@link minet.rules.eval.AddressSpace}: what prefixes and service tags mean seen from one VNet
 *     ({@code AddressSpace.of(design, vnet)}); {@code resolve("AzureCloud")}, {@code internet()},
 *     {@code virtualNetwork()}, {@code loadBalancer()}; {@code mayOverlap} for what cannot be known offline.</li>
 * <li>{@link minet.rules.eval.AddressSet}: IPv4 ranges plus opaque tag atoms; exact union/intersect/subtract.</li>
 * <li>{@link minet.rules.eval.Traffic}: a box protocols × source × source ports × destination × destination ports
 *     ({@code Traffic.of(Protocols.TCP, src, dst, Ports.parseAll(List.of("1433")))}).</li>
 * <li>{@link minet.rules.eval.NsgEvaluator}: {@code NsgEvaluator.of(nsg, Direction.INBOUND, space)} then
 *     {@code evaluate(traffic)} → {@link minet.rules.eval.Evaluation} (verdict, deciding rules and the portion each
 *     decided) or {@code evaluate(protocol, srcIp, srcPort, dstIp, dstPort)} → {@link minet.rules.eval.PacketVerdict}.</li>
 * <li>{@link minet.rules.eval.Verdict}: ALLOWED, ALLOWED_BY_DEFAULT, PARTIAL, DENIED, INDETERMINATE.</li>
 * <li>{@link minet.rules.eval.Cidr}, {@link minet.rules.eval.Intervals}, {@link minet.rules.eval.Ports},
 *     {@link minet.rules.eval.Protocols}: parsing (IPAddress) and interval arithmetic.</li>
 * </ul>
 * Everything here is immutable and thread-safe.
 */
package minet.rules.eval;
