// An MI subnet's network, as a user would write it in Bicep (minet's tests compile it with a stand-in for the
// Bicep CLI, which gives main.compiled.json: the template bicep build would give).
@description('The VNet\'s address space.')
param vnetPrefix string = '10.40.0.0/16'

@description('Optional. Tags of all resources.')
param tags object?

param location string = resourceGroup().location

var miPrefix = cidrSubnet(vnetPrefix, 24, 0)

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-bicep-mi'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'allow_tds_inbound'
        properties: {
          priority: 1000
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '1433'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: miPrefix
        }
      }
      {
        name: 'deny_all_inbound'
        properties: {
          priority: 4096
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '*'
          sourceAddressPrefix: '*'
          destinationAddressPrefix: '*'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-bicep'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetPrefix
      ]
    }
    subnets: [
      {
        name: 'ManagedInstance'
        properties: {
          addressPrefix: miPrefix
          networkSecurityGroup: {
            id: nsg.id
          }
          delegations: [
            {
              name: 'mi'
              properties: {
                serviceName: 'Microsoft.Sql/managedInstances'
              }
            }
          ]
        }
      }
    ]
  }
}
