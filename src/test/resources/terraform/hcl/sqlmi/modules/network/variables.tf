variable "name_prefix" { type = string }
variable "resource_group_name" { type = string }
variable "location" { type = string }
variable "address_space" { type = string }

variable "nsg_rules" {
  description = "Rules added to the mandatory ones (same keys replace them)."
  type = map(object({
    priority    = number
    direction   = string
    access      = string
    protocol    = string
    source      = string
    destination = string
    ports       = list(string)
  }))
  default = {}
}

variable "extra_rules" {
  type = map(object({
    priority = number
    access   = string
    port     = string
  }))
  default = {}
}

variable "app_subnets" {
  type    = map(number)
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
