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

variable "order_retention" {
  description = "ISO-8601 duration after which written-back orders leave the order ledger (their count stays)."
  type        = string
  default     = "P90D"
}

variable "failed_order_retention" {
  description = "ISO-8601 duration after which failed orders leave the order ledger."
  type        = string
  default     = "P180D"
}

variable "mapped_order_retention" {
  description = "ISO-8601 duration after which mapped-order blobs are deleted (kept while their order is still on its way)."
  type        = string
  default     = "P14D"
}

variable "dmf_job_retention" {
  description = "ISO-8601 duration after which DMF job records are deleted, counted from their settlement."
  type        = string
  default     = "P30D"
}

variable "package_file_retention" {
  description = "ISO-8601 duration after which package files left in the local package folder are deleted."
  type        = string
  default     = "PT1H"
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
# Order intake, mapping profile and order flow (non-secret). Defaults are the application's own
# (config/IntakeConfig, MappingConfig, OrderFlowConfig; FunctionsPackageIT checks they stay equal).
# An empty optional value leaves its app setting out.
# ---------------------------------------------------------------------------------------------

variable "commerce_store_codes" {
  description = "Store view code of each Commerce store id (BRIDGE_COMMERCE_STORE_CODES__<id>_): the intake maps an order's store_id with it and the poll reads each code."
  type        = map(string)
  default = {
    "1" = "default"
  }

  validation {
    condition     = alltrue([for id, code in var.commerce_store_codes : can(regex("^[0-9]+$", id)) && can(regex("^[a-z][a-z0-9_]*$", code))])
    error_message = "commerce_store_codes maps store ids (digits) to store view codes (lowercase letters, digits and underscores, starting with a letter)."
  }
}

variable "commerce_webhook_public_key" {
  description = "PEM public key of the store's webhook signing key (BRIDGE_INTAKE_WEBHOOK_PUBLIC_KEY). Public, not a secret. Empty: the webhook endpoint refuses every call (503)."
  type        = string
  default     = ""
}

variable "intake_max_body_bytes" {
  description = "Largest accepted webhook or event body in bytes (BRIDGE_INTAKE_MAX_BODY_BYTES)."
  type        = number
  default     = 262144

  validation {
    condition     = var.intake_max_body_bytes >= 1024 && var.intake_max_body_bytes <= 1048576
    error_message = "intake_max_body_bytes must be between 1024 and 1048576."
  }
}

variable "intake_io_events_client_id" {
  description = "Our Adobe I/O Events registration client id (BRIDGE_INTAKE_IO_EVENTS_CLIENT_ID). Empty: the events endpoint refuses every call (503)."
  type        = string
  default     = ""
}

variable "intake_io_events_key_base_url" {
  description = "Host the I/O Events signature keys are fetched from, and only from (BRIDGE_INTAKE_IO_EVENTS_KEY_BASE_URL)."
  type        = string
  default     = "https://static.adobeioevents.com"
}

variable "intake_io_events_key_cache_ttl" {
  description = "How long a fetched I/O Events key is kept, ISO-8601, at most PT24H (BRIDGE_INTAKE_IO_EVENTS_KEY_CACHE_TTL)."
  type        = string
  default     = "PT24H"
}

variable "intake_io_events_key_fetch_timeout" {
  description = "Timeout of one I/O Events key fetch, ISO-8601, 0.1 to 5 seconds (BRIDGE_INTAKE_IO_EVENTS_KEY_FETCH_TIMEOUT)."
  type        = string
  default     = "PT3S"
}

variable "intake_poll_overlap" {
  description = "The order poll re-reads this much before its watermark, ISO-8601 (BRIDGE_INTAKE_POLL_OVERLAP)."
  type        = string
  default     = "PT10M"
}

variable "intake_poll_initial_look_back" {
  description = "How far a store's first poll looks back, ISO-8601 (BRIDGE_INTAKE_POLL_INITIAL_LOOK_BACK)."
  type        = string
  default     = "P1D"
}

variable "intake_poll_statuses" {
  description = "Only poll orders in these statuses, comma-separated, e.g. processing,pending (BRIDGE_INTAKE_POLL_STATUSES). Empty: all statuses."
  type        = string
  default     = ""
}

variable "intake_poll_page_size" {
  description = "searchCriteria page size of the order poll (BRIDGE_INTAKE_POLL_PAGE_SIZE)."
  type        = number
  default     = 100

  validation {
    condition     = var.intake_poll_page_size >= 1 && var.intake_poll_page_size <= 300
    error_message = "intake_poll_page_size must be between 1 and 300."
  }
}

variable "intake_poll_checkpoint_table" {
  description = "Table of the per-store poll watermarks (BRIDGE_INTAKE_POLL_CHECKPOINT_TABLE)."
  type        = string
  default     = "BridgeCheckpoints"
}

variable "mapping_profile" {
  description = "Path of a YAML file on the app's file system merged over the built-in mapping profile (BRIDGE_MAPPING_PROFILE). Empty: the built-in profile alone."
  type        = string
  default     = ""
}

variable "orders_batch_max_size" {
  description = "Most orders in one DMF package (BRIDGE_ORDERS_BATCH_MAX_SIZE)."
  type        = number
  default     = 200
}

variable "orders_batch_max_age" {
  description = "A batch is imported once its oldest order waited this long, ISO-8601 (BRIDGE_ORDERS_BATCH_MAX_AGE)."
  type        = string
  default     = "PT20S"
}

variable "orders_definition_group" {
  description = "F&O data project holding \"Sales order headers V2\" and \"Sales order lines V3\" (BRIDGE_ORDERS_DEFINITION_GROUP)."
  type        = string
  default     = "SalesOrderImport"
}

variable "orders_max_attempts" {
  description = "Imports of an order before it fails for good; failed batches are retried in halves (BRIDGE_ORDERS_MAX_ATTEMPTS)."
  type        = number
  default     = 12
}

variable "orders_prepare_next_batch" {
  description = "Package the next order batch of a company while its DMF import runs, so the next import starts as soon as the data project frees (BRIDGE_ORDERS_PREPARE_NEXT_BATCH)."
  type        = bool
  default     = true
}

variable "orders_write_ext_order_id" {
  description = "Also write the D365 order number into the Commerce order's ext_order_id, by a save of the order entity (BRIDGE_ORDERS_WRITE_EXT_ORDER_ID); the order comment is always written."
  type        = bool
  default     = false
}

variable "dmf_first_check_delay" {
  description = "First DMF status check after an import starts, ISO-8601; doubles up to the maximum (BRIDGE_DMF_FIRST_CHECK_DELAY)."
  type        = string
  default     = "PT5S"
}

variable "dmf_max_check_delay" {
  description = "Longest wait between two DMF status checks, ISO-8601 (BRIDGE_DMF_MAX_CHECK_DELAY)."
  type        = string
  default     = "PT60S"
}

variable "dmf_job_timeout" {
  description = "A DMF job not finished after this is overdue (still followed, never repeated), ISO-8601 (BRIDGE_DMF_JOB_TIMEOUT)."
  type        = string
  default     = "PT30M"
}

variable "dmf_not_found_grace" {
  description = "How long D365 may not know a submitted DMF import before it counts as never started, ISO-8601 (BRIDGE_DMF_NOT_FOUND_GRACE)."
  type        = string
  default     = "PT2M"
}

variable "sync_stall_after" {
  description = "A sync run whose progress in a legal entity has not moved for this long is resumed by its timer, ISO-8601 (BRIDGE_SYNC_STALL_AFTER)."
  type        = string
  default     = "PT10M"
}

variable "sync_customers_source" {
  description = "Where full customer sync runs read D365: odata, or dmf-export (a DMF export of sync_customers_export_project per legal entity and run) (BRIDGE_SYNC_CUSTOMERS_SOURCE)."
  type        = string
  default     = "odata"
  validation {
    condition     = contains(["odata", "dmf-export"], var.sync_customers_source)
    error_message = "sync_customers_source is odata or dmf-export."
  }
}

variable "sync_customers_export_project" {
  description = "Export data project in F&O holding the entity Customers V3, read when sync_customers_source is dmf-export (BRIDGE_SYNC_CUSTOMERS_EXPORT_PROJECT)."
  type        = string
  default     = "CustomerExport"
}

variable "sync_snapshot_container" {
  description = "Blob container of the snapshots sync runs read from DMF exports (BRIDGE_SYNC_SNAPSHOT_CONTAINER)."
  type        = string
  default     = "bridge-sync-snapshots"
}

variable "sync_run_retention" {
  description = "How long sync runs (summaries and progress) are kept, ISO-8601 (BRIDGE_SYNC_RUN_RETENTION)."
  type        = string
  default     = "P30D"
}

variable "sync_customers_enabled" {
  description = "Run the customer sync on its schedule (on-demand runs work either way) (BRIDGE_SYNC_CUSTOMERS_ENABLED)."
  type        = bool
  default     = true
}

variable "sync_customers_page_size" {
  description = "D365 customers per sync step (BRIDGE_SYNC_CUSTOMERS_PAGE_SIZE)."
  type        = number
  default     = 500
}

variable "sync_customers_write_concurrency" {
  description = "Commerce writes in flight at once per customer sync step (BRIDGE_SYNC_CUSTOMERS_WRITE_CONCURRENCY)."
  type        = number
  default     = 8
}

variable "sync_customers_bulk_threshold" {
  description = "Customer writes of a sync step from which they go through Commerce's async bulk API (0: never) (BRIDGE_SYNC_CUSTOMERS_BULK_THRESHOLD)."
  type        = number
  default     = 50
}

variable "sync_customers_bulk_size" {
  description = "Customers per async bulk (BRIDGE_SYNC_CUSTOMERS_BULK_SIZE)."
  type        = number
  default     = 200
}

variable "sync_customers_bulk_wait" {
  description = "How long a sync step waits for its bulks before open operations count as a stale bulk, ISO-8601 (BRIDGE_SYNC_CUSTOMERS_BULK_WAIT)."
  type        = string
  default     = "PT2M"
}

variable "sync_products_enabled" {
  description = "Run the catalog sync (released products) on its schedule (on-demand runs work either way) (BRIDGE_SYNC_PRODUCTS_ENABLED)."
  type        = bool
  default     = true
}

variable "sync_products_page_size" {
  description = "D365 items per catalog sync step: one product bulk and one bulk per store view per page (BRIDGE_SYNC_PRODUCTS_PAGE_SIZE)."
  type        = number
  default     = 1000
}

variable "sync_products_bulk_size" {
  description = "Entries per async bulk of the catalog sync (BRIDGE_SYNC_PRODUCTS_BULK_SIZE)."
  type        = number
  default     = 2500
}

variable "sync_products_bulk_wait" {
  description = "How long a catalog sync step waits for each bulk before open operations count as a stale bulk, ISO-8601 (BRIDGE_SYNC_PRODUCTS_BULK_WAIT)."
  type        = string
  default     = "PT5M"
}

variable "sync_prices_enabled" {
  description = "Run the price sync (trade agreements to tier prices) on its schedule (BRIDGE_SYNC_PRICES_ENABLED)."
  type        = bool
  default     = true
}

variable "sync_prices_page_size" {
  description = "D365 items per price sync step (BRIDGE_SYNC_PRICES_PAGE_SIZE)."
  type        = number
  default     = 1000
}

variable "sync_prices_rows_per_call" {
  description = "Tier price rows per replace call; a SKU is never split over two (BRIDGE_SYNC_PRICES_ROWS_PER_CALL)."
  type        = number
  default     = 4000
}

variable "orders_import_retry_delay" {
  description = "Wait before an order is packaged again after a failed import, doubling per failure, ISO-8601 (BRIDGE_ORDERS_IMPORT_RETRY_DELAY)."
  type        = string
  default     = "PT5S"
}

variable "orders_import_retry_max_delay" {
  description = "Longest wait before an order is packaged again after a failed import, ISO-8601 (BRIDGE_ORDERS_IMPORT_RETRY_MAX_DELAY)."
  type        = string
  default     = "PT10M"
}

variable "orders_reconcile_after" {
  description = "Orders unchanged this long between two steps are moved on by the reconciler, ISO-8601 (BRIDGE_ORDERS_RECONCILE_AFTER)."
  type        = string
  default     = "PT5M"
}

variable "orders_mapped_orders_container" {
  description = "Blob container of mapped orders waiting for their DMF package (BRIDGE_ORDERS_MAPPED_ORDERS_CONTAINER)."
  type        = string
  default     = "bridge-mapped-orders"
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

variable "d365_business_event_key" {
  description = "Shared key for D365 business-event intake (provisional setting BRIDGE_INTAKE_D365_EVENT_KEY)."
  type        = string
  sensitive   = true
  default     = ""
}
