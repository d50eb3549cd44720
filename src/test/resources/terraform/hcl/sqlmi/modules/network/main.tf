locals {
  mi_prefix = cidrsubnet(var.address_space, 8, 0)

  # The rules every MI subnet needs (connectivity architecture, 04/2019); the caller adds its own.
  mandatory_rules = {
    allow_management_inbound = {
      priority = 100, direction = "Inbound", access = "Allow", protocol = "Tcp"
      source = "*", destination = local.mi_prefix, ports = ["9000", "9003", "1438", "1440", "1452"]
    }
    allow_misubnet_inbound = {
      priority = 200, direction = "Inbound", access = "Allow", protocol = "*"
      source = local.mi_prefix, destination = local.mi_prefix, ports = ["*"]
    }
    allow_health_probe_inbound = {
      priority = 300, direction = "Inbound", access = "Allow", protocol = "*"
      source = "AzureLoadBalancer", destination = local.mi_prefix, ports = ["*"]
    }
    # Port 12000 is missing: the instance cannot reach its management services.
    allow_management_outbound = {
      priority = 100, direction = "Outbound", access = "Allow", protocol = "Tcp"
      source = local.mi_prefix, destination = "AzureCloud", ports = ["80", "443"]
    }
    allow_misubnet_outbound = {
      priority = 200, direction = "Outbound", access = "Allow", protocol = "*"
      source = local.mi_prefix, destination = local.mi_prefix, ports = ["*"]
    }
  }
  nsg_rules = merge(local.mandatory_rules, var.nsg_rules)

  # The seed's management routes are kept in a list; this module carries only the first three.
  management_prefixes = ["13.64.0.0/11", "13.96.0.0/13", "13.104.0.0/14"]

  routes = concat(
    [{ name = "subnet_to_vnetlocal", prefix = local.mi_prefix, hop = "VnetLocal" }],
    [for p in local.management_prefixes : {
      name   = format("mi-%s-nexthop-internet", replace(replace(p, ".0", ""), "/[./]/", "-"))
      prefix = p
      hop    = "Internet"
    }]
  )
}

resource "azurerm_virtual_network" "this" {
  name                = "vnet-${var.name_prefix}"
  resource_group_name = var.resource_group_name
  location            = var.location
  address_space       = [var.address_space]
  tags                = var.tags
}

resource "azurerm_subnet" "mi" {
  name                 = "snet-sqlmi"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [local.mi_prefix]

  delegation {
    name = "managedinstancedelegation"

    service_delegation {
      name = "Microsoft.Sql/managedInstances"
      actions = [
        "Microsoft.Network/virtualNetworks/subnets/join/action",
        "Microsoft.Network/virtualNetworks/subnets/prepareNetworkPolicies/action",
        "Microsoft.Network/virtualNetworks/subnets/unprepareNetworkPolicies/action",
      ]
    }
  }
}

resource "azurerm_subnet" "app" {
  for_each             = var.app_subnets
  name                 = each.key
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.address_space, 8, each.value)]
}

resource "azurerm_network_security_group" "mi" {
  name                = "nsg-${var.name_prefix}-sqlmi"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  dynamic "security_rule" {
    for_each = local.nsg_rules
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = security_rule.value.direction
      access                     = security_rule.value.access
      protocol                   = security_rule.value.protocol
      source_port_range          = "*"
      destination_port_range     = length(security_rule.value.ports) == 1 ? security_rule.value.ports[0] : null
      destination_port_ranges    = length(security_rule.value.ports) > 1 ? security_rule.value.ports : null
      source_address_prefix      = security_rule.value.source
      destination_address_prefix = security_rule.value.destination == "*" && security_rule.value.direction == "Inbound" ? local.mi_prefix : security_rule.value.destination
    }
  }
}

resource "azurerm_network_security_rule" "extra" {
  for_each                    = var.extra_rules
  name                        = each.key
  priority                    = each.value.priority
  direction                   = "Inbound"
  access                      = each.value.access
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = each.value.port
  source_address_prefix       = "Internet"
  destination_address_prefix  = local.mi_prefix
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.mi.name
}

resource "azurerm_subnet_network_security_group_association" "mi" {
  subnet_id                 = azurerm_subnet.mi.id
  network_security_group_id = azurerm_network_security_group.mi.id
}

resource "azurerm_route_table" "mi" {
  name                          = "rt-${var.name_prefix}-sqlmi"
  location                      = var.location
  resource_group_name           = var.resource_group_name
  disable_bgp_route_propagation = false

  dynamic "route" {
    for_each = local.routes
    iterator = r
    content {
      name           = r.value.name
      address_prefix = r.value.prefix
      next_hop_type  = r.value.hop
    }
  }
}

resource "azurerm_subnet_route_table_association" "mi" {
  subnet_id      = azurerm_subnet.mi.id
  route_table_id = azurerm_route_table.mi.id
}
