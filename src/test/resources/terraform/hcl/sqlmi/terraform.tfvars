prefix        = "Contoso"
address_space = "10.20.0.0/16"

app_subnets = {
  "snet-app"  = 1
  "snet-jump" = 2
}

nsg_rules = {
  allow_tds_inbound = {
    priority = 1000
    direction = "Inbound"
    source    = "VirtualNetwork"
    ports     = ["1433"]
  }
  allow_redirect_inbound = {
    priority  = 1100
    direction = "Inbound"
    source    = "VirtualNetwork"
    ports     = ["11000-11999"]
  }
  deny_all_inbound = {
    priority  = 4096
    direction = "Inbound"
    access    = "Deny"
    protocol  = "*"
    destination = "*"
  }
  deny_all_outbound = {
    priority  = 4096
    direction = "Outbound"
    access    = "Deny"
    protocol  = "*"
  }
}

extra_rules = {
  deny_internet_tds = {
    priority = 150
    access   = "Deny"
    port     = "1433"
  }
}
