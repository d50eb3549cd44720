#!/usr/bin/env python3
"""Writes sample-networks/reference.minet.json, the seed's reference network. Run from the repo root:
python3 sample-networks/make_reference.py"""
import json

MI = "10.0.0.0/24"
routes_txt = open("src/main/resources/minet/rules/azure-2019-04-management-routes.txt").read().split("\n")

def rule(name, prio, direction, access, proto, src, dst, ports, desc=None):
    r = {"name": name, "priority": prio, "direction": direction, "access": access, "protocol": proto,
         "sourcePortRange": "*"}
    if desc: r["description"] = desc
    if len(ports) == 1: r["destinationPortRange"] = ports[0]
    else: r["destinationPortRanges"] = ports
    r["sourceAddressPrefix"] = src
    r["destinationAddressPrefix"] = dst
    return r

rules = [
    rule("allow_management_inbound", 100, "Inbound", "Allow", "Tcp", "*", MI, ["9000", "9003", "1438", "1440", "1452"],
         "Management and deployment services (seed: mandatory inbound 'management')"),
    rule("allow_misubnet_inbound", 200, "Inbound", "Allow", "*", MI, MI, ["*"], "Seed: mandatory inbound 'mi_subnet'"),
    rule("allow_health_probe_inbound", 300, "Inbound", "Allow", "*", "AzureLoadBalancer", MI, ["*"], "Seed: mandatory inbound 'health_probe'"),
    rule("allow_tds_inbound", 1000, "Inbound", "Allow", "Tcp", "VirtualNetwork", MI, ["1433"], "Clients in the virtual network (proxy)"),
    rule("allow_redirect_inbound", 1100, "Inbound", "Allow", "Tcp", "VirtualNetwork", MI, ["11000-11999"], "Clients in the virtual network (redirect)"),
    rule("deny_all_inbound", 4096, "Inbound", "Deny", "*", "*", "*", ["*"]),
    rule("allow_management_outbound", 100, "Outbound", "Allow", "Tcp", MI, "AzureCloud", ["80", "443", "12000"],
         "Seed: mandatory outbound 'management'"),
    rule("allow_misubnet_outbound", 200, "Outbound", "Allow", "*", MI, MI, ["*"], "Seed: mandatory outbound 'mi_subnet'"),
    rule("deny_all_outbound", 4096, "Outbound", "Deny", "*", "*", "*", ["*"]),
]
routes = [{"name": "subnet_to_vnetlocal", "addressPrefix": MI, "nextHopType": "VnetLocal"}]
for line in routes_txt:
    if line.strip():
        n, p = line.split()
        routes.append({"name": n, "addressPrefix": p, "nextHopType": "Internet"})

design = {
    "schemaVersion": 1,
    "name": "Reference network (MI connectivity architecture, 04/2019)",
    "virtualNetworks": [{
        "id": "vnet-mi", "name": "vnet-mi", "location": "westeurope", "addressSpaces": ["10.0.0.0/16"],
        "subnets": [
            {"id": "vnet-mi/ManagedInstance", "name": "ManagedInstance", "addressPrefixes": [MI],
             "nsgId": "nsg-mi", "routeTableId": "rt-mi"},
            {"id": "vnet-mi/AppSubnet", "name": "AppSubnet", "addressPrefixes": ["10.0.1.0/24"]},
            {"id": "vnet-mi/GatewaySubnet", "name": "GatewaySubnet", "addressPrefixes": ["10.0.255.0/27"],
             "resources": [{"kind": "Microsoft.Network/virtualNetworkGateways", "name": "vpn-gw", "id": "vpn-gw"}]},
        ],
    }],
    "securityGroups": [{"id": "nsg-mi", "name": "nsg-mi", "location": "westeurope", "rules": rules}],
    "routeTables": [{"id": "rt-mi", "name": "rt-mi", "location": "westeurope", "routes": routes}],
    "managedInstances": [{
        "id": "sqlmi-ref", "name": "sqlmi-ref", "subnetId": "vnet-mi/ManagedInstance", "tier": "GeneralPurpose",
        "vCores": 8, "connectionType": "Default", "replicationRole": "None", "location": "westeurope",
        "dnsZone": "a1b2c3d4e5f6", "managementEndpointIp": "52.236.184.163"}],
    "externalNetworks": [
        {"id": "onprem", "name": "On-premises", "kind": "ON_PREMISES", "addressPrefixes": ["192.168.0.0/16"],
         "gatewayId": "vpn-gw", "via": "Vpn"},
        {"id": "mgmt", "name": "Microsoft management services", "kind": "MANAGEMENT", "serviceTag": "SqlManagement"},
        {"id": "storage", "name": "Azure Storage (backups)", "kind": "AZURE_SERVICE", "serviceTag": "Storage", "region": "northeurope"},
        {"id": "eventhub", "name": "Event Hubs (telemetry)", "kind": "AZURE_SERVICE", "serviceTag": "EventHub", "region": "westeurope"},
        {"id": "aad", "name": "Azure AD (authentication)", "kind": "AZURE_SERVICE", "serviceTag": "AzureActiveDirectory"},
        {"id": "keyvault", "name": "Key Vault (TDE)", "kind": "AZURE_SERVICE", "serviceTag": "AzureCloud", "region": "westeurope"},
        {"id": "clients", "name": "Client applications", "kind": "CLIENT", "addressPrefixes": ["10.0.1.0/24"]},
    ],
}
with open("sample-networks/reference.minet.json", "w") as f:
    json.dump(design, f, indent=2)
    f.write("\n")
