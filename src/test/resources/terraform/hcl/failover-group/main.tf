# Two managed instances in an auto-failover group, one network per region, written as MI modules write them:
# a map of regions, for_each over it, the replication rules scoped to the partner's subnet, global peering both
# ways. The North Europe NSG forgets the replication rules: the failover group's check says so.

variable "regions" {
  type = map(object({
    location      = string
    address_space = string
    replication   = bool
  }))
  default = {
    primary = {
      location      = "westeurope"
      address_space = "10.10.0.0/16"
      replication   = true
    }
    secondary = {
      location      = "northeurope"
      address_space = "10.20.0.0/16"
      replication   = false
    }
  }
}

locals {
  mi_prefix = { for k, r in var.regions : k => cidrsubnet(r.address_space, 8, 0) }
  partner   = { primary = "secondary", secondary = "primary" }
}

resource "azurerm_virtual_network" "this" {
  for_each            = var.regions
  name                = "vnet-${each.value.location}"
  location            = each.value.location
  resource_group_name = "rg-${each.key}"
  address_space       = [each.value.address_space]
}

resource "azurerm_subnet" "mi" {
  for_each             = var.regions
  name                 = "mi-${each.key}"
  resource_group_name  = "rg-${each.key}"
  virtual_network_name = azurerm_virtual_network.this[each.key].name
  address_prefixes     = [local.mi_prefix[each.key]]

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

resource "azurerm_network_security_group" "mi" {
  for_each            = var.regions
  name                = "nsg-mi-${each.key}"
  location            = each.value.location
  resource_group_name = "rg-${each.key}"

  security_rule {
    name                       = "allow_tds_inbound"
    priority                   = 1000
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["1433", "11000-11999"]
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = local.mi_prefix[each.key]
  }

  dynamic "security_rule" {
    for_each = each.value.replication ? ["Inbound", "Outbound"] : []
    content {
      name                       = "allow_geodr_${lower(security_rule.value)}"
      priority                   = 1200
      direction                  = security_rule.value
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_ranges    = ["5022", "11000-11999"]
      source_address_prefix      = security_rule.value == "Inbound" ? local.mi_prefix[local.partner[each.key]] : local.mi_prefix[each.key]
      destination_address_prefix = security_rule.value == "Inbound" ? local.mi_prefix[each.key] : local.mi_prefix[local.partner[each.key]]
    }
  }

  security_rule {
    name                       = "deny_all_inbound"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "mi" {
  for_each                  = var.regions
  subnet_id                 = azurerm_subnet.mi[each.key].id
  network_security_group_id = azurerm_network_security_group.mi[each.key].id
}

resource "azurerm_route_table" "mi" {
  for_each            = var.regions
  name                = "rt-mi-${each.key}"
  location            = each.value.location
  resource_group_name = "rg-${each.key}"
}

resource "azurerm_subnet_route_table_association" "mi" {
  for_each       = var.regions
  subnet_id      = azurerm_subnet.mi[each.key].id
  route_table_id = azurerm_route_table.mi[each.key].id
}

resource "azurerm_virtual_network_peering" "to_partner" {
  for_each                  = var.regions
  name                      = "to-${local.partner[each.key]}"
  resource_group_name       = "rg-${each.key}"
  virtual_network_name      = azurerm_virtual_network.this[each.key].name
  remote_virtual_network_id = azurerm_virtual_network.this[local.partner[each.key]].id
}

resource "azurerm_mssql_managed_instance" "primary" {
  name                         = "sqlmi-orders-weu"
  resource_group_name          = "rg-primary"
  location                     = var.regions.primary.location
  subnet_id                    = azurerm_subnet.mi["primary"].id
  sku_name                     = "BC_Gen5"
  license_type                 = "BasePrice"
  vcores                       = 8
  storage_size_in_gb           = 256
  administrator_login          = "sqladmin"
  administrator_login_password = "not-a-real-password"
}

resource "azurerm_mssql_managed_instance" "secondary" {
  name                         = "sqlmi-orders-neu"
  resource_group_name          = "rg-secondary"
  location                     = var.regions.secondary.location
  subnet_id                    = azurerm_subnet.mi["secondary"].id
  sku_name                     = "BC_Gen5"
  license_type                 = "BasePrice"
  vcores                       = 8
  storage_size_in_gb           = 256
  administrator_login          = "sqladmin"
  administrator_login_password = "not-a-real-password"
  dns_zone_partner_id          = azurerm_mssql_managed_instance.primary.id
}

resource "azurerm_mssql_managed_instance_failover_group" "orders" {
  name                        = "fog-orders"
  location                    = azurerm_mssql_managed_instance.primary.location
  managed_instance_id         = azurerm_mssql_managed_instance.primary.id
  partner_managed_instance_id = azurerm_mssql_managed_instance.secondary.id

  read_write_endpoint_failover_policy {
    mode          = "Automatic"
    grace_minutes = 60
  }
}
