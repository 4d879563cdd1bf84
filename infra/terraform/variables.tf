# ---------------------------------------------------------------------------------------------
# Naming and placement (same meaning as the Bicep parameters)
# ---------------------------------------------------------------------------------------------

variable "resource_group_name" {
  description = "Existing resource group to deploy into (the Bicep template is deployed the same way)."
  type        = string
}

variable "name_prefix" {
  description = "Short lowercase alphanumeric prefix (2-8 characters), used in every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,7}$", var.name_prefix))
    error_message = "name_prefix must be 2-8 lowercase letters or digits, starting with a letter."
  }
}

variable "environment" {
  description = "Deployment environment; part of every resource name."
  type        = string

  validation {
    condition     = contains(["dev", "test", "uat", "prod"], var.environment)
    error_message = "environment must be one of dev, test, uat, prod."
  }
}

variable "location" {
  description = "Azure region with Flex Consumption. Null: the resource group's region."
  type        = string
  default     = null
}

variable "name_suffix" {
  description = "Suffix that makes global names unique. Empty: derived from the resource group id (differs from Bicep's uniqueString; set it explicitly to get identical names)."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[a-z0-9]{0,6}$", var.name_suffix))
    error_message = "name_suffix must be at most 6 lowercase letters or digits."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------------------------
# Function app sizing
# ---------------------------------------------------------------------------------------------

variable "maximum_instance_count" {
  description = "Upper bound of Flex Consumption instances. Keep it low: D365 and Commerce throttle, and every instance polls the queues."
  type        = number
  default     = 40

  validation {
    condition     = var.maximum_instance_count >= 1 && var.maximum_instance_count <= 1000
    error_message = "maximum_instance_count must be between 1 and 1000."
  }
}

variable "instance_memory_in_mb" {
  description = "Memory per instance in MB. The JVM with Quarkus needs at least 2048."
  type        = number
  default     = 2048

  validation {
    condition     = contains([2048, 4096], var.instance_memory_in_mb)
    error_message = "instance_memory_in_mb must be 2048 or 4096."
  }
}

variable "log_retention_days" {
  description = "Log Analytics retention in days."
  type        = number
  default     = 30
}

# ---------------------------------------------------------------------------------------------
# Bridge settings (non-secret). Names match functions/local.settings.example.json.
# ---------------------------------------------------------------------------------------------

variable "housekeeping_schedule" {
  description = "NCRONTAB (six fields, UTC) of the housekeeping timer."
  type        = string
  default     = "0 17 3 * * *"
}

variable "housekeeping_queue" {
  description = "Queue that carries housekeeping sweep messages."
  type        = string
  default     = "bridge-housekeeping"
}

variable "claim_check_retention" {
  description = "ISO-8601 duration after which claim-check blobs are deleted."
  type        = string
  default     = "P14D"
}

variable "state_retention" {
  description = "ISO-8601 duration after which finished state records are deleted."
  type        = string
  default     = "P30D"
}

variable "housekeeping_batch_size" {
  description = "Deletes per housekeeping message."
  type        = number
  default     = 500
}

variable "claim_check_container_name" {
  description = "Blob container for payloads too large for a queue message."
  type        = string
  default     = "bridge-claim-check"
}

variable "locks_container_name" {
  description = "Blob container holding the lease blobs used as locks."
  type        = string
  default     = "bridge-locks"
}

variable "failures_table_name" {
  description = "Table recording failed and poisoned messages."
  type        = string
  default     = "BridgeFailures"
}

variable "customer_xref_table_name" {
  description = "Table of the customer cross-reference (Commerce customer/company -> D365 customer account)."
  type        = string
  default     = "BridgeCustomerXref"
}

variable "d365_base_url" {
  description = "D365 F&O base URL, e.g. https://contoso.operations.dynamics.com. Empty: the D365 side is not configured."
  type        = string
  default     = ""
}

variable "d365_auth_mode" {
  description = "D365 authentication mode: ENTRA or ADFS."
  type        = string
  default     = "ENTRA"

  validation {
    condition     = contains(["ENTRA", "ADFS"], var.d365_auth_mode)
    error_message = "d365_auth_mode must be ENTRA or ADFS."
  }
}

variable "d365_authority" {
  description = "Token authority, e.g. https://login.microsoftonline.com/<tenant-id> (ENTRA) or https://<adfs>/adfs (ADFS)."
  type        = string
  default     = ""
}

variable "d365_client_id" {
  description = "Application (client) id registered for the bridge."
  type        = string
  default     = ""
}

variable "commerce_base_url" {
  description = "Adobe Commerce store base URL, e.g. https://shop.example.com. Empty: the Commerce side is not configured."
  type        = string
  default     = ""
}

variable "commerce_auth_mode" {
  description = "Commerce authentication mode: OAUTH1, BEARER or ADMIN_TOKEN."
  type        = string
  default     = "OAUTH1"

  validation {
    condition     = contains(["OAUTH1", "BEARER", "ADMIN_TOKEN"], var.commerce_auth_mode)
    error_message = "commerce_auth_mode must be OAUTH1, BEARER or ADMIN_TOKEN."
  }
}

variable "commerce_consumer_key" {
  description = "Integration consumer key (OAUTH1). Not a secret on its own; the consumer secret is."
  type        = string
  default     = ""
}

variable "commerce_admin_username" {
  description = "Admin user name (ADMIN_TOKEN)."
  type        = string
  default     = ""
}

# ---------------------------------------------------------------------------------------------
# Secrets. Pass them as TF_VAR_<name> environment variables, never in a .tfvars file in git.
# Empty means "not used": neither the Key Vault secret nor its app setting is created.
# No validation blocks here on purpose: Terraform 1.11 prints the offending value of a failed
# variable validation even for sensitive variables; the checks live in preconditions in main.tf.
# ---------------------------------------------------------------------------------------------

variable "d365_client_secret" {
  description = "D365 client secret (BRIDGE_D365_CLIENT_SECRET)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "commerce_consumer_secret" {
  description = "Commerce integration consumer secret, OAUTH1 (BRIDGE_COMMERCE_CONSUMER_SECRET)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "commerce_access_token" {
  description = "Commerce integration access token, OAUTH1 and BEARER (BRIDGE_COMMERCE_ACCESS_TOKEN)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "commerce_access_token_secret" {
  description = "Commerce integration access token secret, OAUTH1 (BRIDGE_COMMERCE_ACCESS_TOKEN_SECRET)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "commerce_admin_password" {
  description = "Commerce admin password, ADMIN_TOKEN (BRIDGE_COMMERCE_ADMIN_PASSWORD)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "ops_key" {
  description = "Operator key, at least 16 characters (BRIDGE_OPS_KEY). Without it every operator call is refused."
  type        = string
  sensitive   = true
  default     = ""
}

variable "commerce_webhook_public_key" {
  description = "PEM public key that verifies Commerce webhook signatures (provisional setting BRIDGE_INTAKE_COMMERCE_WEBHOOK_PUBLIC_KEY)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "d365_business_event_key" {
  description = "Shared key for D365 business-event intake (provisional setting BRIDGE_INTAKE_D365_EVENT_KEY)."
  type        = string
  sensitive   = true
  default     = ""
}
