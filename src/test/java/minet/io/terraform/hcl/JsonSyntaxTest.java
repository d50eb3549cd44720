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
import minet.model.Route;
import minet.model.SecurityRule;
import minet.model.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform's JSON syntax ({@code *.tf.json}) read as Terraform reads it, onto the declarations the native syntax gives. */
class JsonSyntaxTest {
    @TempDir Path tmp;

    static Design load(Path dir) throws InputException {
        return HclImporter.load(List.of(dir), ImportOptions.NONE, Map.of());
    }

    Design json(String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("json"));
        Files.writeString(dir.resolve("main.tf.json"), text);
        return load(dir);
    }

    Design hcl(String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hcl"));
        Files.writeString(dir.resolve("main.tf"), text);
        return load(dir);
    }

    /** What the rules see of a design: subnets with their prefixes, delegations and links, rules and routes. */
    static List<String> summary(Design d) {
        List<String> out = new java.util.ArrayList<>();
        d.virtualNetworks().forEach(v -> out.add("vnet " + v.id() + " " + v.name() + " " + v.addressSpaces()));
        d.subnets().forEach(s -> out.add("subnet " + s.id() + " " + s.name() + " " + s.addressPrefixes() + " " + s.delegations()
                + " nsg=" + s.nsgId() + " rt=" + s.routeTableId()));
        d.securityGroups().forEach(g -> g.rules().forEach(r -> out.add("rule " + g.name() + " " + r.name() + " " + r.priority() + " "
                + r.direction() + " " + r.access() + " " + r.protocol() + " " + r.sourceAddressPrefix() + " " + r.sourceAddressPrefixes() + " "
                + r.destinationAddressPrefix() + " " + r.destinationPortRange() + " " + r.destinationPortRanges())));
        d.routeTables().forEach(t -> t.routes().forEach(r -> out.add("route " + t.name() + " " + r.name() + " " + r.addressPrefix() + " "
                + r.nextHopType() + " " + r.nextHopIpAddress())));
        d.managedInstances().forEach(m -> out.add("mi " + m.name() + " " + m.subnetId() + " " + m.vCores() + " " + m.tier()));
        return out;
    }

    @Test
    void aModuleInJsonIsTheModuleInHcl() throws Exception {
        // The same module in both syntaxes: variables with type and default, locals, templates, count, for_each, a
        // dynamic block, a nested block as an object and as an array, references between resources.
        Design fromHcl = hcl("""
                variable "space" {
                  type    = string
                  default = "10.60.0.0/16"
                }
                variable "ports" {
                  type    = list(string)
                  default = ["1433", "11000-11999"]
                }
                locals {
                  prefix = "weu-${terraform.workspace}"
                  rules  = { tds = 1000, redirect = 1100 }
                }
                resource "azurerm_virtual_network" "v" {
                  name          = "vnet-${local.prefix}"
                  address_space = [var.space]
                }
                resource "azurerm_subnet" "mi" {
                  name                 = "snet-mi"
                  virtual_network_name = azurerm_virtual_network.v.name
                  address_prefixes     = [cidrsubnet(var.space, 8, 0)]
                  delegation {
                    name = "mi"
                    service_delegation {
                      name = "Microsoft.Sql/managedInstances"
                    }
                  }
                }
                resource "azurerm_subnet" "app" {
                  count                = 2
                  name                 = "snet-app-${count.index}"
                  virtual_network_name = azurerm_virtual_network.v.name
                  address_prefixes     = [cidrsubnet(var.space, 8, count.index + 1)]
                }
                resource "azurerm_network_security_group" "mi" {
                  name = "nsg-${local.prefix}"
                  dynamic "security_rule" {
                    for_each = local.rules
                    iterator = rule
                    content {
                      name                       = "allow_${rule.key}_inbound"
                      priority                   = rule.value
                      direction                  = "Inbound"
                      access                     = "Allow"
                      protocol                   = "Tcp"
                      source_address_prefix      = "VirtualNetwork"
                      source_port_range          = "*"
                      destination_address_prefix = azurerm_subnet.mi.address_prefixes[0]
                      destination_port_range     = var.ports[rule.key == "tds" ? 0 : 1]
                    }
                  }
                  security_rule {
                    name                       = "deny_all_inbound"
                    priority                   = 4096
                    direction                  = "Inbound"
                    access                     = "Deny"
                    protocol                   = "*"
                    source_address_prefix      = "*"
                    source_port_range          = "*"
                    destination_address_prefix = "*"
                    destination_port_range     = "*"
                  }
                }
                resource "azurerm_subnet_network_security_group_association" "mi" {
                  subnet_id                 = azurerm_subnet.mi.id
                  network_security_group_id = azurerm_network_security_group.mi.id
                }
                resource "azurerm_route_table" "mi" {
                  for_each = toset(["a"])
                  name     = "rt-${each.key}"
                  route {
                    name           = "local"
                    address_prefix = azurerm_subnet.mi.address_prefixes[0]
                    next_hop_type  = "VnetLocal"
                  }
                }
                resource "azurerm_mssql_managed_instance" "mi" {
                  name      = "sqlmi-${local.prefix}"
                  subnet_id = azurerm_subnet.mi.id
                  sku_name  = "BC_Gen5"
                  vcores    = 2 * 4
                }
                """);
        Design fromJson = json("""
                {
                  "//": "written by hand, as a generator would",
                  "variable": {
                    "space": {"type": "string", "default": "10.60.0.0/16"},
                    "ports": {"type": "list(string)", "default": ["1433", "11000-11999"]}
                  },
                  "locals": {"prefix": "weu-${terraform.workspace}", "rules": {"tds": 1000, "redirect": 1100}},
                  "resource": {
                    "azurerm_virtual_network": {"v": {"name": "vnet-${local.prefix}", "address_space": ["${var.space}"]}},
                    "azurerm_subnet": {
                      "mi": {
                        "//": {"metadata": {"path": "stack/mi"}},
                        "name": "snet-mi",
                        "virtual_network_name": "${azurerm_virtual_network.v.name}",
                        "address_prefixes": ["${cidrsubnet(var.space, 8, 0)}"],
                        "delegation": {"name": "mi", "service_delegation": {"name": "Microsoft.Sql/managedInstances"}}
                      },
                      "app": {
                        "count": 2,
                        "name": "snet-app-${count.index}",
                        "virtual_network_name": "${azurerm_virtual_network.v.name}",
                        "address_prefixes": ["${cidrsubnet(var.space, 8, count.index + 1)}"]
                      }
                    },
                    "azurerm_network_security_group": {
                      "mi": {
                        "name": "nsg-${local.prefix}",
                        "dynamic": {
                          "security_rule": {
                            "for_each": "${local.rules}",
                            "iterator": "rule",
                            "content": {
                              "name": "allow_${rule.key}_inbound",
                              "priority": "${rule.value}",
                              "direction": "Inbound",
                              "access": "Allow",
                              "protocol": "Tcp",
                              "source_address_prefix": "VirtualNetwork",
                              "source_port_range": "*",
                              "destination_address_prefix": "${azurerm_subnet.mi.address_prefixes[0]}",
                              "destination_port_range": "${var.ports[rule.key == \\"tds\\" ? 0 : 1]}"
                            }
                          }
                        },
                        "security_rule": [{
                          "name": "deny_all_inbound", "priority": 4096, "direction": "Inbound", "access": "Deny", "protocol": "*",
                          "source_address_prefix": "*", "source_port_range": "*", "destination_address_prefix": "*", "destination_port_range": "*"
                        }]
                      }
                    },
                    "azurerm_subnet_network_security_group_association": {
                      "mi": {"subnet_id": "${azurerm_subnet.mi.id}", "network_security_group_id": "${azurerm_network_security_group.mi.id}"}
                    },
                    "azurerm_route_table": {
                      "mi": {
                        "for_each": "${toset([\\"a\\"])}",
                        "name": "rt-${each.key}",
                        "route": {"name": "local", "address_prefix": "${azurerm_subnet.mi.address_prefixes[0]}", "next_hop_type": "VnetLocal"}
                      }
                    },
                    "azurerm_mssql_managed_instance": {
                      "mi": {"name": "sqlmi-${local.prefix}", "subnet_id": "${azurerm_subnet.mi.id}", "sku_name": "BC_Gen5", "vcores": "${2 * 4}"}
                    }
                  }
                }
                """);
        List<String> expected = summary(fromHcl);
        assertThat(expected).contains(
                "subnet azurerm_subnet.mi snet-mi [10.60.0.0/24] [Microsoft.Sql/managedInstances] nsg=azurerm_network_security_group.mi rt=null",
                "subnet azurerm_subnet.app[1] snet-app-1 [10.60.2.0/24] [] nsg=null rt=null",
                "rule nsg-weu-default allow_redirect_inbound 1100 INBOUND ALLOW Tcp VirtualNetwork [] 10.60.0.0/24 11000-11999 []",
                "route rt-a local 10.60.0.0/24 VnetLocal null",
                "mi sqlmi-weu-default azurerm_subnet.mi 8 BUSINESS_CRITICAL");
        assertThat(summary(fromJson)).containsExactlyElementsOf(expected);
    }

    @Test
    void stringsAreTemplatesAndLiteralArgumentsStayLiteral() throws Exception {
        Design d = json("""
                {
                  "variable": {"suffix": {"type": "string", "default": "${not-a-template}"}},
                  "locals": [{"spaces": ["10.1.0.0/16", "10.2.0.0/16"]}, {"tag": "$${kept}"}],
                  "resource": [
                    {"azurerm_virtual_network": {"a": {"name": "vnet-${var.suffix}", "address_space": "${local.spaces}"}}},
                    {"azurerm_virtual_network": {"b": {"name": "${local.tag}", "address_space": ["${local.spaces[1]}"],
                                                       "tags": {"${local.tag}": "x", "//": "a key like any other"}}}}
                  ]
                }
                """);
        // a variable's default is taken literally; "${x}" alone is x itself (a list here); $${ is a literal ${
        assertThat(d.virtualNetworks()).extracting(v -> v.name(), v -> v.addressSpaces()).containsExactly(
                tuple("vnet-${not-a-template}", List.of("10.1.0.0/16", "10.2.0.0/16")),
                tuple("${kept}", List.of("10.2.0.0/16")));
    }

    @Test
    void errorsArePlacedInTheFileAndInsideItsStrings() throws Exception {
        Path f = tmp.resolve("json").resolve("main.tf.json");
        // line 3: the string's quote at column 13, so ${ at 16 and the function's name at 18
        assertThatThrownBy(() -> json("{\n  \"resource\": {\"azurerm_virtual_network\": {\"v\": {\n    \"name\": \"x-${frobnicate(1)}\"\n  }}}\n}\n"))
                .isInstanceOf(InputException.class).hasMessage(f + ":3:18: there is no function 'frobnicate' in Terraform");
        // escapes count as written (\" is two columns) and a character as one column, whatever its bytes
        assertThatThrownBy(() -> json("{\n  \"resource\": {\"azurerm_virtual_network\": {\"v\": {\n    \"name\": \"é\\\"x\\\"-${frobnicate(1)}\"\n  }}}\n}\n"))
                .isInstanceOf(InputException.class).hasMessage(f + ":3:23: there is no function 'frobnicate' in Terraform");
        // a syntax error inside an interpolation, at the token
        assertThatThrownBy(() -> json("{\n  \"locals\": {\n    \"a\": \"${1 + }\"\n  }\n}\n"))
                .isInstanceOf(InputException.class).hasMessageStartingWith(f + ":3:17: ");
        // an interpolation the string leaves open: at the string's closing quote (column 20), in our words
        assertThatThrownBy(() -> json("{\n  \"locals\": {\n    \"a\": \"x-${var.y\"\n  }\n}\n"))
                .isInstanceOf(InputException.class).hasMessage(f + ":3:20: the string ends inside ${ … }: a closing brace is missing");
        assertThatThrownBy(() -> json("{\n  \"locals\": {\n    \"a\": \"x-${\"\n  }\n}\n"))
                .isInstanceOf(InputException.class).hasMessage(f + ":3:15: the string ends too early: a closing brace, bracket, parenthesis or quote is missing");
        // a template directive, at its %{
        assertThatThrownBy(() -> json("{\n  \"locals\": {\n    \"a\": \"%{ if true }x%{ endif }\"\n  }\n}\n"))
                .isInstanceOf(InputException.class).hasMessage(f + ":3:11: template directives (%{ … }) are not supported; use a conditional or a for expression");
        // a type expression in a string (ANTLR gives up at the parenthesis that is not closed)
        assertThatThrownBy(() -> json("{\"variable\": {\"v\": {\"type\": \"list(string\"}}}"))
                .isInstanceOf(InputException.class).hasMessage(f + ":1:34: unexpected '('");
        // the structure: a block's body must be an object
        assertThatThrownBy(() -> json("{\n  \"resource\": {\"azurerm_subnet\": {\"s\": \"snet\"}}\n}\n"))
                .isInstanceOf(InputException.class).hasMessage(f + ":2:40: a resource block is an object of its arguments (or an array of them), not a string");
        assertThatThrownBy(() -> json("{\n  \"resource\": \"azurerm_subnet\"\n}\n"))
                .isInstanceOf(InputException.class).hasMessageStartingWith(f + ":2:15: 'resource' is not a block");
        assertThatThrownBy(() -> json("[1]")).isInstanceOf(InputException.class).hasMessageStartingWith(f + ":1:1: a .tf.json file holds one object");
        assertThatThrownBy(() -> json("{\"resource\": {")).isInstanceOf(InputException.class).hasMessageStartingWith(f + ":1:").hasMessageContaining("malformed JSON");
    }

    @Test
    void aPlanNamedLikeAModuleFileIsToldApart() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plan"));
        Files.copy(Path.of("src/test/resources/terraform/plan.json"), dir.resolve("tfplan.tf.json"));
        assertThatThrownBy(() -> load(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("is the JSON of terraform show (a plan or state)").hasMessageContaining("plan.json");
    }

    @Test
    void elementsKeepTheirFileAndLine() throws Exception {
        Design d = json("""
                {
                  "resource": {
                    "azurerm_network_security_group": {
                      "n": {
                        "name": "nsg",
                        "security_rule": [
                          {"name": "a", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "*",
                           "source_address_prefix": "*", "source_port_range": "*", "destination_address_prefix": "*", "destination_port_range": "*"},
                          {"name": "b", "priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "*",
                           "source_address_prefix": "*", "source_port_range": "*", "destination_address_prefix": "*", "destination_port_range": "*"}
                        ]
                      }
                    },
                    "azurerm_route_table": {"r": {"name": "rt", "route": [{"name": "x", "address_prefix": "0.0.0.0/0", "next_hop_type": "Internet"}]}}
                  }
                }
                """);
        assertThat(d.securityGroups().get(0).source().line()).isEqualTo(4);
        assertThat(d.securityGroups().get(0).rules()).extracting(SecurityRule::name, r -> r.source().line())
                .containsExactly(tuple("a", 7), tuple("b", 9));
        assertThat(d.securityGroups().get(0).rules().get(0).source().file()).endsWith("main.tf.json");
        assertThat(d.routeTables().get(0).routes()).extracting(Route::name, r -> r.source().line()).containsExactly(tuple("x", 14));
    }

    @Test
    void bothSyntaxesInOneModuleAndGivenAsFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(dir.resolve("network.tf"), """
                resource "azurerm_virtual_network" "v" {
                  name          = "vnet"
                  address_space = [local.space]
                }
                """);
        Files.writeString(dir.resolve("locals.tf.json"), "{\"locals\": {\"space\": \"10.9.0.0/16\"}}");
        Files.writeString(dir.resolve("subnet.tf.json"), """
                {"resource": {"azurerm_subnet": {"s": {"name": "s", "virtual_network_name": "${azurerm_virtual_network.v.name}",
                  "address_prefixes": ["${cidrsubnet(local.space, 8, 3)}"]}}}}
                """);
        Files.writeString(dir.resolve(".#subnet.tf.json"), "an editor's lock file, which Terraform leaves out");
        assertThat(load(dir).subnets().map(Subnet::addressPrefixes)).containsExactly(List.of("10.9.3.0/24"));
        Design byFiles = HclImporter.load(List.of(dir.resolve("network.tf"), dir.resolve("locals.tf.json"), dir.resolve("subnet.tf.json")),
                ImportOptions.NONE, Map.of());
        assertThat(byFiles.subnets().map(Subnet::addressPrefixes)).containsExactly(List.of("10.9.3.0/24"));
    }
}
