output "managed_instance_id" {
  value = azurerm_mssql_managed_instance.this.id
}

output "subnet_prefix" {
  value = module.network.subnet_prefix
}
