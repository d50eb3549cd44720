# Hot fixes over the stack that `cdktf synth` writes to main.tf.json, until the CDK app carries them
# (Terraform merges *override.tf files into the blocks of the same name; see its "Override Files" page).

# The MI subnet was built by the app-subnet construct and inherited its App Service delegation: a managed
# instance needs its subnet delegated to Microsoft.Sql/managedInstances (and to nothing else).
resource "azurerm_subnet" "mi_subnet" {
  delegation {
    name = "sqlmi"
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

# 4010 put the TDS rule behind deny_all_inbound (4000): clients in the VNet could not reach port 1433.
resource "azurerm_network_security_rule" "allow_tds_inbound" {
  priority = 1000
}
