package minet.io.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.model.Design;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code override.tf}, {@code *_override.tf} and their {@code .tf.json} forms, merged after the other files as Terraform merges them. */
class OverrideFilesTest {
    @TempDir Path tmp;

    static final String MAIN = """
            variable "vcores" {
              type    = number
              default = 4
            }
            locals {
              env  = "dev"
              zone = "weu"
            }
            resource "azurerm_virtual_network" "v" {
              name          = "vnet-${local.env}-${local.zone}"
              address_space = ["10.0.0.0/16"]
            }
            resource "azurerm_subnet" "mi" {
              name                 = "snet-mi"
              virtual_network_name = azurerm_virtual_network.v.name
              address_prefixes     = ["10.0.0.0/24"]
              service_endpoints    = ["Microsoft.Storage"]
              delegation {
                name = "web"
                service_delegation { name = "Microsoft.Web/serverFarms" }
              }
            }
            resource "azurerm_network_security_group" "n" {
              name = "nsg"
              security_rule {
                name = "one"
                priority = 100
                direction = "Inbound"
                access = "Allow"
                protocol = "*"
                source_address_prefix = "*"
                source_port_range = "*"
                destination_address_prefix = "*"
                destination_port_range = "*"
              }
              security_rule {
                name = "two"
                priority = 200
                direction = "Inbound"
                access = "Deny"
                protocol = "*"
                source_address_prefix = "*"
                source_port_range = "*"
                destination_address_prefix = "*"
                destination_port_range = "*"
              }
            }
            resource "azurerm_network_security_rule" "r" {
              name                        = "r"
              network_security_group_name = azurerm_network_security_group.n.name
              priority                    = 300
              direction                   = "Outbound"
              access                      = "Allow"
              protocol                    = "Tcp"
              source_address_prefix       = "*"
              source_port_range           = "*"
              destination_address_prefix  = "*"
              destination_port_range      = "443"
            }
            resource "azurerm_mssql_managed_instance" "mi" {
              name      = "sqlmi"
              subnet_id = azurerm_subnet.mi.id
              sku_name  = "GP_Gen5"
              vcores    = var.vcores
            }
            """;

    Path module(String... files) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(dir.resolve("main.tf"), MAIN);
        for (int i = 0; i < files.length; i += 2) Files.writeString(dir.resolve(files[i]), files[i + 1]);
        return dir;
    }

    static Design load(Path dir) throws InputException {
        return HclImporter.load(List.of(dir), ImportOptions.NONE, Map.of());
    }

    @Test
    void overridesMergeAsTerraformMergesThem() throws Exception {
        // Expected, written first: override.tf replaces the subnet's delegation blocks (all of them) and keeps its other
        // arguments; one security_rule block replaces both of the NSG's; the rule resource's priority becomes 150
        // (a_override.tf.json said 160, but override.tf comes after it by name); local env is "prod", zone stays; the
        // variable's default becomes 8; a_override.tf.json renames the NSG.
        Design d = load(module(
                "override.tf", """
                        resource "azurerm_subnet" "mi" {
                          delegation {
                            name = "sqlmi"
                            service_delegation { name = "Microsoft.Sql/managedInstances" }
                          }
                        }
                        resource "azurerm_network_security_group" "n" {
                          security_rule {
                            name = "only"
                            priority = 110
                            direction = "Inbound"
                            access = "Allow"
                            protocol = "Tcp"
                            source_address_prefix = "VirtualNetwork"
                            source_port_range = "*"
                            destination_address_prefix = "*"
                            destination_port_range = "1433"
                          }
                        }
                        resource "azurerm_network_security_rule" "r" {
                          priority = 150
                        }
                        locals {
                          env = "prod"
                        }
                        variable "vcores" {
                          default = 8
                        }
                        """,
                "a_override.tf.json", """
                        {"resource": {
                          "azurerm_network_security_rule": {"r": {"priority": 160}},
                          "azurerm_network_security_group": {"n": {"name": "nsg-overridden"}}
                        }}
                        """));
        Subnet mi = d.subnet("azurerm_subnet.mi").orElseThrow();
        assertThat(mi.delegations()).containsExactly("Microsoft.Sql/managedInstances");
        assertThat(mi.serviceEndpoints()).containsExactly("Microsoft.Storage");
        assertThat(mi.addressPrefixes()).containsExactly("10.0.0.0/24");
        SecurityGroup nsg = d.securityGroups().get(0);
        assertThat(nsg.name()).isEqualTo("nsg-overridden");
        assertThat(nsg.rules()).extracting(SecurityRule::name, SecurityRule::priority).containsExactly(tuple("only", 110), tuple("r", 150));
        assertThat(nsg.rules().get(0).source().file()).endsWith("override.tf"); // the block that replaced the originals
        assertThat(d.virtualNetworks().get(0).name()).isEqualTo("vnet-prod-weu");
        assertThat(d.managedInstances().get(0).vCores()).isEqualTo(8);
    }

    @Test
    void aDynamicBlockReplacesTheBlocksOfTheTypeItMakes() throws Exception {
        Design d = load(module("nsg_override.tf", """
                resource "azurerm_network_security_group" "n" {
                  dynamic "security_rule" {
                    for_each = { a = 120, b = 130 }
                    content {
                      name = security_rule.key
                      priority = security_rule.value
                      direction = "Inbound"
                      access = "Allow"
                      protocol = "*"
                      source_address_prefix = "*"
                      source_port_range = "*"
                      destination_address_prefix = "*"
                      destination_port_range = "*"
                    }
                  }
                }
                """));
        assertThat(d.securityGroups().get(0).rules()).extracting(SecurityRule::name).containsExactly("a", "b", "r");
    }

    @Test
    void overridesGivenAsFilesAreMergedToo() throws Exception {
        Path dir = module("override.tf", "locals {\n  env = \"prod\"\n}\n");
        Design d = HclImporter.load(List.of(dir.resolve("main.tf"), dir.resolve("override.tf")), ImportOptions.NONE, Map.of());
        assertThat(d.virtualNetworks().get(0).name()).isEqualTo("vnet-prod-weu");
        // and without it, the module as written in main.tf
        assertThat(HclImporter.load(List.of(dir.resolve("main.tf")), ImportOptions.NONE, Map.of()).virtualNetworks().get(0).name())
                .isEqualTo("vnet-dev-weu");
    }

    @Test
    void anOverrideOfNothingIsAnErrorAtItsPlace() throws Exception {
        Path o = tmp.resolve("m").resolve("override.tf");
        assertThatThrownBy(() -> load(module("override.tf", "\nresource \"azurerm_subnet\" \"nope\" {\n  name = \"x\"\n}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage(o + ":2:1: this override file overrides resource 'azurerm_subnet.nope', which no other file declares");
        assertThatThrownBy(() -> load(module("override.tf", "locals {\n  env = \"prod\"\n  region = \"weu\"\n}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage(o + ":3:3: this override file overrides local value 'region', which no other file declares");
        assertThatThrownBy(() -> load(module("override.tf", "variable \"nope\" {\n  default = 1\n}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage(o + ":1:1: this override file overrides variable 'nope', which no other file declares");
        assertThatThrownBy(() -> load(module("override.tf", "resource \"azurerm_subnet\" \"mi\" {\n  depends_on = [azurerm_virtual_network.v]\n}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage(o + ":2:3: depends_on cannot be overridden (Terraform refuses it)");
        Path j = tmp.resolve("m").resolve("x_override.tf.json");
        Files.delete(o);
        assertThatThrownBy(() -> load(module("x_override.tf.json", "{\n  \"output\": {\"nope\": {\"value\": 1}}\n}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage(j + ":2:22: this override file overrides output 'nope', which no other file declares");
    }
}
