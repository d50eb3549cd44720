# An SQL Managed Instance in its own network, in the style of the public MI modules: the root module calls a
# local network module and puts the instance into the subnet it returns.

terraform {
  required_version = ">= 1.5"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

locals {
  name_prefix = lower("${var.prefix}-${var.environment}")
  tags = merge(var.tags, {
    environment = var.environment
    workload    = "sqlmi"
  })
}

resource "azurerm_resource_group" "this" {
  name     = "rg-${local.name_prefix}"
  location = var.location
  tags     = local.tags
}

module "network" {
  source = "./modules/network"

  name_prefix         = local.name_prefix
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  address_space       = var.address_space
  nsg_rules           = var.nsg_rules
  extra_rules         = var.extra_rules
  app_subnets         = var.app_subnets
  tags                = local.tags
}

resource "azurerm_mssql_managed_instance" "this" {
  name                         = "sqlmi-${local.name_prefix}"
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  subnet_id                    = module.network.subnet_id
  sku_name                     = var.sku_name
  vcores                       = var.vcores
  storage_size_in_gb           = 256
  license_type                 = "BasePrice"
  administrator_login          = "sqladmin"
  administrator_login_password = var.admin_password
  proxy_override               = "Redirect"
  public_data_endpoint_enabled = false
  tags                         = local.tags

  depends_on = [module.network]
}
