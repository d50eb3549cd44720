environment = "prod"
vcores      = 8
