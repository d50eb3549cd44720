variable "prefix" {
  type        = string
  description = "Short name of the workload, used in every resource name."
}

variable "environment" {
  type    = string
  default = "dev"
  validation {
    condition     = contains(["dev", "test", "prod"], var.environment)
    error_message = "environment must be dev, test or prod."
  }
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "address_space" {
  type    = string
  default = "10.0.0.0/16"
}

variable "sku_name" {
  type    = string
  default = "GP_Gen5"
}

variable "vcores" {
  type    = number
  default = 4
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "app_subnets" {
  description = "Other subnets of the VNet: name => index of the /24 inside the address space."
  type        = map(number)
  default     = {}
}

variable "nsg_rules" {
  description = "Inline rules of the MI subnet's NSG, besides the mandatory ones."
  type = map(object({
    priority    = number
    direction   = string
    access      = optional(string, "Allow")
    protocol    = optional(string, "Tcp")
    source      = optional(string, "*")
    destination = optional(string, "*")
    ports       = optional(list(string), ["*"])
  }))
  default = {}
}

variable "extra_rules" {
  description = "Rules added as azurerm_network_security_rule resources."
  type = map(object({
    priority = number
    access   = string
    port     = string
  }))
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
