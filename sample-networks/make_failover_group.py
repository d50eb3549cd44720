#!/usr/bin/env python3
"""Writes failover-group.minet.json: two managed instances in an auto-failover group, West Europe and North Europe,
each in a delegated subnet of its own VNet, the VNets joined by global peering on both sides, and NSGs that allow
the replication ports (5022, 11000-11999) with the partner subnet only."""
import json

def rule(name, prio, direction, access, proto, src, dst, ports):
    r = {"name": name, "priority": prio, "direction": direction, "access": access, "protocol": proto, "sourcePortRange": "*"}
    r["sourceAddressPrefix" if len(src) == 1 else "sourceAddressPrefixes"] = src[0] if len(src) == 1 else src
    r["destinationAddressPrefix" if len(dst) == 1 else "destinationAddressPrefixes"] = dst[0] if len(dst) == 1 else dst
    r["destinationPortRange" if len(ports) == 1 else "destinationPortRanges"] = ports[0] if len(ports) == 1 else ports
    return r

def side(region, vnet_space, mi, partner):
    return [
        rule("allow_tds_inbound", 1000, "Inbound", "Allow", "Tcp", ["VirtualNetwork"], [mi], ["1433"]),
        rule("allow_redirect_inbound", 1100, "Inbound", "Allow", "Tcp", ["VirtualNetwork"], [mi], ["11000-11999"]),
        rule("allow_geodr_inbound", 1200, "Inbound", "Allow", "Tcp", [partner], [mi], ["5022", "11000-11999"]),
        rule("deny_all_inbound", 4096, "Inbound", "Deny", "*", ["*"], ["*"], ["*"]),
        rule("allow_geodr_outbound", 1200, "Outbound", "Allow", "Tcp", [mi], [partner], ["5022", "11000-11999"]),
    ]

design = {
    "schemaVersion": 1,
    "name": "Failover group: West Europe and North Europe",
    "virtualNetworks": [
        {"id": "vnet-weu", "name": "vnet-weu", "location": "westeurope", "addressSpaces": ["10.10.0.0/16"],
         "peerings": [{"name": "weu-to-neu", "remoteVnetId": "vnet-neu", "remoteAddressSpaces": ["10.20.0.0/16"]}],
         "subnets": [{"id": "vnet-weu/mi", "name": "mi-weu", "addressPrefixes": ["10.10.0.0/24"], "nsgId": "nsg-mi-weu",
                      "routeTableId": "rt-mi-weu", "delegations": ["Microsoft.Sql/managedInstances"]},
                     {"id": "vnet-weu/app", "name": "app-weu", "addressPrefixes": ["10.10.1.0/24"]}]},
        {"id": "vnet-neu", "name": "vnet-neu", "location": "northeurope", "addressSpaces": ["10.20.0.0/16"],
         "peerings": [{"name": "neu-to-weu", "remoteVnetId": "vnet-weu", "remoteAddressSpaces": ["10.10.0.0/16"]}],
         "subnets": [{"id": "vnet-neu/mi", "name": "mi-neu", "addressPrefixes": ["10.20.0.0/24"], "nsgId": "nsg-mi-neu",
                      "routeTableId": "rt-mi-neu", "delegations": ["Microsoft.Sql/managedInstances"]}]},
    ],
    "securityGroups": [
        {"id": "nsg-mi-weu", "name": "nsg-mi-weu", "location": "westeurope", "rules": side("westeurope", "10.10.0.0/16", "10.10.0.0/24", "10.20.0.0/24")},
        {"id": "nsg-mi-neu", "name": "nsg-mi-neu", "location": "northeurope", "rules": side("northeurope", "10.20.0.0/16", "10.20.0.0/24", "10.10.0.0/24")},
    ],
    "routeTables": [
        {"id": "rt-mi-weu", "name": "rt-mi-weu", "location": "westeurope", "routes": []},
        {"id": "rt-mi-neu", "name": "rt-mi-neu", "location": "northeurope", "routes": []},
    ],
    "managedInstances": [
        {"id": "sqlmi-weu", "name": "sqlmi-weu", "subnetId": "vnet-weu/mi", "tier": "BusinessCritical", "vCores": 8,
         "connectionType": "Default", "location": "westeurope", "dnsZone": "f0e1d2c3b4a5"},
        {"id": "sqlmi-neu", "name": "sqlmi-neu", "subnetId": "vnet-neu/mi", "tier": "BusinessCritical", "vCores": 8,
         "connectionType": "Default", "location": "northeurope", "dnsZone": "f0e1d2c3b4a5", "dnsZonePartner": "sqlmi-weu"},
    ],
    "externalNetworks": [
        {"id": "clients", "name": "Client applications", "kind": "CLIENT", "addressPrefixes": ["10.10.1.0/24"]},
    ],
    "failoverGroups": [
        {"id": "fog-orders", "name": "fog-orders", "primaryInstanceId": "sqlmi-weu", "secondaryInstanceId": "sqlmi-neu"},
    ],
}

with open("failover-group.minet.json", "w") as f:
    json.dump(design, f, indent=2)
    f.write("\n")
