output "subnet_id" {
  value = azurerm_subnet.mi.id
}

output "subnet_prefix" {
  value = azurerm_subnet.mi.address_prefixes[0]
}

output "vnet_name" {
  value = azurerm_virtual_network.this.name
}
