#!/usr/bin/env python3
"""Writes one small broken design per class of mistake, each derived from the reference network by one edit,
with the findings it must produce (<name>.expected.txt: "severity RULE-ID" per finding). Run from the repo root:
python3 sample-networks/broken/make_broken.py"""
import copy
import json

REF = json.load(open("sample-networks/reference.minet.json"))
OUT = "sample-networks/broken/"
MI = "10.0.0.0/24"


def mi_subnet(d):
    return d["virtualNetworks"][0]["subnets"][0]


def rules(d):
    return d["securityGroups"][0]["rules"]


def routes(d):
    return d["routeTables"][0]["routes"]


def rule(name, prio, direction, access, proto, src, dst, ports):
    r = {"name": name, "priority": prio, "direction": direction, "access": access, "protocol": proto,
         "sourcePortRange": "*", "sourceAddressPrefix": src, "destinationAddressPrefix": dst}
    if len(ports) == 1:
        r["destinationPortRange"] = ports[0]
    else:
        r["destinationPortRanges"] = ports
    return r


def drop_rule(d, name):
    d["securityGroups"][0]["rules"] = [r for r in rules(d) if r["name"] != name]


def drop_route(d, name):
    d["routeTables"][0]["routes"] = [r for r in routes(d) if r["name"] != name]


def find_rule(d, name):
    return next(r for r in rules(d) if r["name"] == name)


SAMPLES = []


def sample(name, description, expected):
    def wrap(edit):
        d = copy.deepcopy(REF)
        d["name"] = "Broken: " + description
        edit(d)
        SAMPLES.append((name, d, expected))
        return edit
    return wrap


@sample("split-management-ports", "one inbound rule per management port",
        ["error MI-NSG-IN-MANAGEMENT-SINGLE-RULE"])
def _(d):
    drop_rule(d, "allow_management_inbound")
    for i, p in enumerate(["9000", "9003", "1438", "1440", "1452"]):
        rules(d).insert(i, rule("allow_management_" + p, 100 + i, "Inbound", "Allow", "Tcp", "*", MI, [p]))


@sample("deny-first", "a deny rule before the management rule",
        ["error MI-NSG-IN-MANAGEMENT", "warning MI-NSG-ORDER"])
def _(d):
    find_rule(d, "allow_management_inbound")["priority"] = 110
    rules(d).insert(0, rule("deny_internet", 100, "Inbound", "Deny", "Tcp", "Internet", "*", ["9003"]))


@sample("missing-routes", "three of the 99 management routes missing", ["error MI-UDR-MANAGEMENT"])
def _(d):
    for n in ["mi-13-96-13-nexthop-internet", "mi-20-8-nexthop-internet", "mi-104-40-13-nexthop-internet"]:
        drop_route(d, n)


@sample("conflicting-route", "a route inside 52.0.0.0/8 to a virtual appliance",
        ["error MI-UDR-CONFLICT", "error MI-UDR-MANAGEMENT"])
def _(d):
    routes(d).append({"name": "to-firewall", "addressPrefix": "52.1.0.0/16", "nextHopType": "VirtualAppliance",
                      "nextHopIpAddress": "10.0.1.4"})


@sample("broad-appliance-route", "0.0.0.0/0 to a virtual appliance next to the required routes (allowed)", [])
def _(d):
    routes(d).append({"name": "default-to-firewall", "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance",
                      "nextHopIpAddress": "10.0.1.4"})


@sample("missing-vnetlocal", "no subnet_to_vnetlocal route", ["error MI-UDR-VNETLOCAL"])
def _(d):
    drop_route(d, "subnet_to_vnetlocal")


@sample("service-endpoint", "a service endpoint on the MI subnet", ["error MI-SUBNET-SERVICE-ENDPOINTS"])
def _(d):
    mi_subnet(d)["serviceEndpoints"] = ["Microsoft.Storage"]


@sample("too-small", "a /29 MI subnet", ["error MI-SUBNET-SIZE", "error MI-SUBNET-CAPACITY"])
def _(d):
    mi_subnet(d)["addressPrefixes"] = ["10.0.0.0/29"]


@sample("small-subnet", "a /28 MI subnet (works, below the recommended /27)", ["warning MI-SUBNET-SIZE"])
def _(d):
    mi_subnet(d)["addressPrefixes"] = ["10.0.0.0/28"]


@sample("over-capacity", "8 General Purpose and 3 Business Critical instances in a /27", ["error MI-SUBNET-CAPACITY"])
def _(d):
    mi_subnet(d)["addressPrefixes"] = ["10.0.0.0/27"]
    base = d["managedInstances"][0]
    d["managedInstances"] = []
    for i in range(11):
        m = copy.deepcopy(base)
        m["id"] = m["name"] = "sqlmi-%02d" % i
        m["tier"] = "GeneralPurpose" if i < 8 else "BusinessCritical"
        d["managedInstances"].append(m)


@sample("gateway-subnet", "the managed instance in the gateway subnet", ["error MI-SUBNET-GATEWAY"])
def _(d):
    subnets = d["virtualNetworks"][0]["subnets"]
    d["virtualNetworks"][0]["subnets"] = [s for s in subnets if s["name"] != "GatewaySubnet"]
    d["externalNetworks"] = [e for e in d["externalNetworks"] if e["kind"] != "ON_PREMISES"]
    mi_subnet(d)["name"] = "GatewaySubnet"


@sample("no-nsg", "no NSG associated with the MI subnet", ["error MI-SUBNET-NSG"])
def _(d):
    del mi_subnet(d)["nsgId"]


@sample("no-route-table", "no route table associated with the MI subnet", ["error MI-SUBNET-ROUTE-TABLE"])
def _(d):
    del mi_subnet(d)["routeTableId"]


@sample("other-resources", "a VM's NIC in the MI subnet", ["error MI-SUBNET-DEDICATED"])
def _(d):
    mi_subnet(d)["resources"] = [{"kind": "Microsoft.Network/networkInterfaces", "name": "jumpbox-nic", "id": "jumpbox-nic"}]


@sample("shadowed-rule", "a rule that can never match", ["warning NSG-SHADOWED"])
def _(d):
    rules(d).insert(5, rule("allow_app_tds", 1050, "Inbound", "Allow", "Tcp", "10.0.1.0/24", MI, ["1433"]))


@sample("replication-without-445", "a replication publisher without outbound 445", ["error MI-NSG-REPLICATION"])
def _(d):
    d["managedInstances"][0]["replicationRole"] = "Publisher"


@sample("health-probe-blocked", "no health probe rule before deny_all_inbound", ["error MI-NSG-IN-HEALTH-PROBE"])
def _(d):
    drop_rule(d, "allow_health_probe_inbound")


@sample("subnet-traffic-blocked", "no inbound MI subnet rule before deny_all_inbound", ["error MI-NSG-IN-SUBNET"])
def _(d):
    drop_rule(d, "allow_misubnet_inbound")


@sample("outbound-default-only", "outbound management left to AllowInternetOutBound",
        ["warning MI-NSG-OUT-MANAGEMENT"])
def _(d):
    drop_rule(d, "allow_management_outbound")
    drop_rule(d, "deny_all_outbound")


@sample("outbound-blocked", "no outbound management rule before deny_all_outbound",
        ["error MI-NSG-OUT-MANAGEMENT"])
def _(d):
    drop_rule(d, "allow_management_outbound")


@sample("split-outbound-ports", "outbound management ports over two rules", ["error MI-NSG-OUT-MANAGEMENT-SINGLE-RULE"])
def _(d):
    drop_rule(d, "allow_management_outbound")
    rules(d).insert(6, rule("allow_https_outbound", 100, "Outbound", "Allow", "Tcp", MI, "AzureCloud", ["80", "443"]))
    rules(d).insert(7, rule("allow_12000_outbound", 110, "Outbound", "Allow", "Tcp", MI, "AzureCloud", ["12000"]))


@sample("data-exposed", "TDS open to any source", ["warning MI-NSG-EXPOSED"])
def _(d):
    find_rule(d, "allow_tds_inbound")["sourceAddressPrefix"] = "*"


@sample("no-redirect-rule", "redirect ports closed for clients in the VNet", ["warning MI-NSG-DATA"])
def _(d):
    drop_rule(d, "allow_redirect_inbound")


@sample("priority-clash", "two inbound rules with priority 1100", ["error NSG-PRIORITY"])
def _(d):
    find_rule(d, "allow_tds_inbound")["priority"] = 1100


@sample("malformed-rule", "a rule with protocol Http and a port out of range",
        ["error NSG-RULE", "error NSG-RULE", "warning MI-NSG-DATA"])
def _(d):
    r = find_rule(d, "allow_tds_inbound")
    r["protocol"] = "Http"
    r["destinationPortRange"] = "70000"


@sample("custom-dns", "custom DNS servers not confirmed", ["warning MI-DNS-CUSTOM"])
def _(d):
    d["virtualNetworks"][0]["dnsServers"] = ["10.0.1.4"]


@sample("appliance-without-ip", "a route to a virtual appliance without its address", ["error UDR-NEXT-HOP"])
def _(d):
    routes(d).append({"name": "to-firewall", "addressPrefix": "192.168.0.0/16", "nextHopType": "VirtualAppliance"})


@sample("address-overlap", "an application subnet overlapping the MI subnet", ["error NET-ADDRESS"])
def _(d):
    d["virtualNetworks"][0]["subnets"][1]["addressPrefixes"] = ["10.0.0.128/25"]


@sample("same-region-firewall", "storage in the instance's region trusting the management endpoint IP",
        ["warning MI-NAT-SAME-REGION"])
def _(d):
    st = next(e for e in d["externalNetworks"] if e["id"] == "storage")
    st["region"] = "westeurope"
    st["firewallAllowedIps"] = ["52.236.184.163"]


@sample("dangling-reference", "the instance's subnet ID has a typo, so no MI rule would run on its subnet",
        ["error NET-REFERENCE", "info MI-SUBNET-NONE"])
def _(d):
    d["managedInstances"][0]["subnetId"] = "vnet-mi/ManagedInstanse"


@sample("invalid-names", "names Azure refuses: a command in an NSG name, a blank in a route name",
        ["error NET-NAME", "error NET-NAME"])
def _(d):
    d["securityGroups"][0]["name"] = "$(touch x)"
    routes(d)[0]["name"] = "subnet to vnetlocal"


@sample("duplicate-names", "a second NSG whose ID differs only in case, and two routes of one name",
        ["error NET-DUPLICATE", "error NET-DUPLICATE"])
def _(d):
    twin = copy.deepcopy(d["securityGroups"][0])
    twin["id"] = "NSG-MI"
    d["securityGroups"].append(twin)
    routes(d).append({"name": "SUBNET_TO_VNETLOCAL", "addressPrefix": "10.0.1.0/24", "nextHopType": "VnetLocal"})


for name, d, expected in SAMPLES:
    with open(OUT + name + ".minet.json", "w") as f:
        json.dump(d, f, indent=2)
        f.write("\n")
    with open(OUT + name + ".expected.txt", "w") as f:
        f.write("# findings of %s.minet.json (severity rule), one per line; none means it must validate clean\n" % name)
        for line in sorted(expected):
            f.write(line + "\n")
