# d365-commerce-bridge on Azure Functions Flex Consumption (Linux, Java 17).
# Same resources and names as infra/bicep/main.bicep; differences are explained in infra/README.md.

data "azurerm_client_config" "current" {}

data "azurerm_resource_group" "this" {
  name = var.resource_group_name
}

locals {
  location = coalesce(var.location, data.azurerm_resource_group.this.location)
  suffix   = var.name_suffix != "" ? var.name_suffix : substr(sha1(lower(data.azurerm_resource_group.this.id)), 0, 6)
  base     = "${var.name_prefix}-${var.environment}"

  names = {
    storage_account = "st${var.name_prefix}${var.environment}${local.suffix}"
    key_vault       = "kv-${local.base}-${local.suffix}"
    log_analytics   = "log-${local.base}-${local.suffix}"
    app_insights    = "appi-${local.base}-${local.suffix}"
    plan            = "asp-${local.base}-${local.suffix}"
    function_app    = "func-${local.base}-${local.suffix}"
  }

  deployment_container_name = "app-package"
  tags                      = merge({ application = "d365-commerce-bridge", environment = var.environment }, var.tags)

  # Host storage roles for the app identity: blobs (keys, timer locks, deployment package),
  # queues (queue triggers and poison queues) and tables (host diagnostics).
  function_storage_roles = toset([
    "Storage Blob Data Owner",
    "Storage Queue Data Contributor",
    "Storage Table Data Contributor",
  ])
}

# ---------------------------------------------------------------------------------------------
# Monitoring
# ---------------------------------------------------------------------------------------------

resource "azurerm_log_analytics_workspace" "this" {
  name                = local.names.log_analytics
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  tags                = local.tags
}

resource "azurerm_application_insights" "this" {
  name                = local.names.app_insights
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "web"
  tags                = local.tags
}

# ---------------------------------------------------------------------------------------------
# Storage: host storage (AzureWebJobsStorage), the bridge's queues/tables/blobs, the package
# ---------------------------------------------------------------------------------------------

resource "azurerm_storage_account" "this" {
  name                            = local.names.storage_account
  location                        = local.location
  resource_group_name             = data.azurerm_resource_group.this.name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  access_tier                     = "Hot"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  # The bridge's storage code builds its clients from a connection string (account key), and the
  # azurerm Flex resource writes a key-based AzureWebJobsStorage: shared keys must stay enabled.
  shared_access_key_enabled       = true
  default_to_oauth_authentication = true
  public_network_access_enabled   = true
  tags                            = local.tags
}

resource "azurerm_storage_container" "deployment" {
  name                  = local.deployment_container_name
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# The bridge creates these on first use too; declaring them keeps the names visible in one place.
resource "azurerm_storage_container" "bridge" {
  for_each              = toset([var.claim_check_container_name, var.locks_container_name, var.orders_mapped_orders_container, var.sync_snapshot_container])
  name                  = each.value
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# ---------------------------------------------------------------------------------------------
# Key Vault and secrets
# ---------------------------------------------------------------------------------------------

resource "azurerm_key_vault" "this" {
  name                          = local.names.key_vault
  location                      = local.location
  resource_group_name           = data.azurerm_resource_group.this.name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "standard"
  enable_rbac_authorization     = true
  soft_delete_retention_days    = 90
  purge_protection_enabled      = true
  public_network_access_enabled = true
  tags                          = local.tags
}

# Terraform writes secrets through the Key Vault data plane, so whoever runs it needs a data role
# on the vault (Bicep writes them through ARM and needs none). Role assignments can take a few
# minutes to propagate: if the first apply fails with 403 on a secret, run apply again.
resource "azurerm_role_assignment" "deployer_key_vault" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

locals {
  # Key Vault secret name => value, and the app setting that references it. A secret (and its
  # setting) exists only when a value is passed: an unresolvable Key Vault reference would reach
  # the app as its literal text.
  optional_secret_values = {
    "d365-client-secret"           = var.d365_client_secret
    "commerce-consumer-secret"     = var.commerce_consumer_secret
    "commerce-access-token"        = var.commerce_access_token
    "commerce-access-token-secret" = var.commerce_access_token_secret
    "commerce-admin-password"      = var.commerce_admin_password
    "bridge-ops-key"               = var.ops_key
    "d365-business-event-key"      = var.d365_business_event_key
  }

  optional_secret_settings = {
    "d365-client-secret"           = "BRIDGE_D365_CLIENT_SECRET"
    "commerce-consumer-secret"     = "BRIDGE_COMMERCE_CONSUMER_SECRET"
    "commerce-access-token"        = "BRIDGE_COMMERCE_ACCESS_TOKEN"
    "commerce-access-token-secret" = "BRIDGE_COMMERCE_ACCESS_TOKEN_SECRET"
    "commerce-admin-password"      = "BRIDGE_COMMERCE_ADMIN_PASSWORD"
    "bridge-ops-key"               = "BRIDGE_OPS_KEY"
    "d365-business-event-key"      = "BRIDGE_INTAKE_D365_EVENT_KEY"
  }

  # Which secrets were given is not itself secret; the values stay sensitive.
  present_secret_names = toset(nonsensitive([for name, value in local.optional_secret_values : name if value != ""]))
}

resource "azurerm_key_vault_secret" "optional" {
  for_each     = local.present_secret_names
  name         = each.key
  value        = local.optional_secret_values[each.key]
  content_type = "text/plain"
  key_vault_id = azurerm_key_vault.this.id

  depends_on = [azurerm_role_assignment.deployer_key_vault]
}

# The bridge's own storage clients need a connection string (see README).
resource "azurerm_key_vault_secret" "storage_connection_string" {
  name         = "bridge-storage-connection-string"
  value        = azurerm_storage_account.this.primary_connection_string
  content_type = "text/plain"
  key_vault_id = azurerm_key_vault.this.id

  depends_on = [azurerm_role_assignment.deployer_key_vault]
}

# ---------------------------------------------------------------------------------------------
# Flex Consumption plan and function app
# ---------------------------------------------------------------------------------------------

resource "azurerm_service_plan" "this" {
  name                = local.names.plan
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  os_type             = "Linux"
  sku_name            = "FC1"
  tags                = local.tags
}

locals {
  bridge_settings = {
    HOUSEKEEPING_SCHEDULE = var.housekeeping_schedule
    HOUSEKEEPING_QUEUE    = var.housekeeping_queue
    # The order flow's triggers: the host resolves these %SETTING% names from app settings only.
    ORDER_INTAKE_QUEUE       = "bridge-order-intake"
    ORDER_WRITEBACK_QUEUE    = "bridge-order-writeback"
    DMF_STATUS_QUEUE         = "bridge-dmf-status"
    ORDER_POLL_SCHEDULE      = "30 */5 * * * *"
    ORDER_BATCH_SCHEDULE     = "*/10 * * * * *"
    ORDER_RECONCILE_SCHEDULE = "45 * * * * *"
    # The D365 -> Commerce sync: its step queue and the customer flow's timer.
    SYNC_QUEUE                                 = "bridge-sync"
    CUSTOMER_SYNC_SCHEDULE                     = "0 5 * * * *"
    CATALOG_SYNC_SCHEDULE                      = "0 35 * * * *"
    PRICE_SYNC_SCHEDULE                        = "0 50 * * * *"
    INVENTORY_SYNC_SCHEDULE                    = "0 */15 * * * *"
    BRIDGE_HOUSEKEEPING_CLAIM_CHECK_RETENTION  = var.claim_check_retention
    BRIDGE_HOUSEKEEPING_STATE_RETENTION        = var.state_retention
    BRIDGE_HOUSEKEEPING_ORDER_RETENTION        = var.order_retention
    BRIDGE_HOUSEKEEPING_FAILED_ORDER_RETENTION = var.failed_order_retention
    BRIDGE_HOUSEKEEPING_MAPPED_ORDER_RETENTION = var.mapped_order_retention
    BRIDGE_HOUSEKEEPING_DMF_JOB_RETENTION      = var.dmf_job_retention
    BRIDGE_HOUSEKEEPING_PACKAGE_FILE_RETENTION = var.package_file_retention
    BRIDGE_HOUSEKEEPING_BATCH_SIZE             = tostring(var.housekeeping_batch_size)
    BRIDGE_STORAGE_CLAIM_CHECK_CONTAINER       = var.claim_check_container_name
    BRIDGE_STORAGE_LOCKS_CONTAINER             = var.locks_container_name
    BRIDGE_STORAGE_FAILURES_TABLE              = var.failures_table_name
    BRIDGE_STORAGE_CUSTOMER_XREF_TABLE         = var.customer_xref_table_name
    # Must equal host.json extensions.queues.maxDequeueCount.
    BRIDGE_RUNTIME_QUEUES_MAX_DEQUEUE_COUNT = "5"
    # The Functions host drives the handlers; the standalone runtime must stay off.
    BRIDGE_RUNTIME_STANDALONE        = "false"
    BRIDGE_STORAGE_CONNECTION_STRING = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.storage_connection_string.versionless_id})"
  }

  # A side whose base URL is empty is "not configured" for the bridge; its settings are left out.
  d365_settings = var.d365_base_url == "" ? {} : {
    BRIDGE_D365_BASE_URL  = var.d365_base_url
    BRIDGE_D365_AUTH_MODE = var.d365_auth_mode
    BRIDGE_D365_AUTHORITY = var.d365_authority
    BRIDGE_D365_CLIENT_ID = var.d365_client_id
  }

  commerce_settings = var.commerce_base_url == "" ? {} : {
    BRIDGE_COMMERCE_BASE_URL       = var.commerce_base_url
    BRIDGE_COMMERCE_AUTH_MODE      = var.commerce_auth_mode
    BRIDGE_COMMERCE_CONSUMER_KEY   = var.commerce_consumer_key
    BRIDGE_COMMERCE_ADMIN_USERNAME = var.commerce_admin_username
  }

  # Order intake, mapping profile and order flow, always written (the application's defaults unless
  # a variable says otherwise).
  order_flow_settings = {
    BRIDGE_INTAKE_MAX_BODY_BYTES              = tostring(var.intake_max_body_bytes)
    BRIDGE_INTAKE_IO_EVENTS_KEY_BASE_URL      = var.intake_io_events_key_base_url
    BRIDGE_INTAKE_IO_EVENTS_KEY_CACHE_TTL     = var.intake_io_events_key_cache_ttl
    BRIDGE_INTAKE_IO_EVENTS_KEY_FETCH_TIMEOUT = var.intake_io_events_key_fetch_timeout
    BRIDGE_INTAKE_POLL_OVERLAP                = var.intake_poll_overlap
    BRIDGE_INTAKE_POLL_INITIAL_LOOK_BACK      = var.intake_poll_initial_look_back
    BRIDGE_INTAKE_POLL_PAGE_SIZE              = tostring(var.intake_poll_page_size)
    BRIDGE_INTAKE_POLL_CHECKPOINT_TABLE       = var.intake_poll_checkpoint_table
    BRIDGE_ORDERS_BATCH_MAX_SIZE              = tostring(var.orders_batch_max_size)
    BRIDGE_ORDERS_BATCH_MAX_AGE               = var.orders_batch_max_age
    BRIDGE_ORDERS_DEFINITION_GROUP            = var.orders_definition_group
    BRIDGE_ORDERS_MAX_ATTEMPTS                = tostring(var.orders_max_attempts)
    BRIDGE_ORDERS_WRITE_EXT_ORDER_ID          = tostring(var.orders_write_ext_order_id)
    BRIDGE_ORDERS_PREPARE_NEXT_BATCH          = tostring(var.orders_prepare_next_batch)
    BRIDGE_DMF_FIRST_CHECK_DELAY              = var.dmf_first_check_delay
    BRIDGE_DMF_MAX_CHECK_DELAY                = var.dmf_max_check_delay
    BRIDGE_DMF_JOB_TIMEOUT                    = var.dmf_job_timeout
    BRIDGE_DMF_NOT_FOUND_GRACE                = var.dmf_not_found_grace
    BRIDGE_SYNC_STALL_AFTER                   = var.sync_stall_after
    BRIDGE_SYNC_RUN_RETENTION                 = var.sync_run_retention
    BRIDGE_SYNC_CUSTOMERS_ENABLED             = tostring(var.sync_customers_enabled)
    BRIDGE_SYNC_CUSTOMERS_PAGE_SIZE           = tostring(var.sync_customers_page_size)
    BRIDGE_SYNC_CUSTOMERS_WRITE_CONCURRENCY   = tostring(var.sync_customers_write_concurrency)
    BRIDGE_SYNC_CUSTOMERS_BULK_THRESHOLD      = tostring(var.sync_customers_bulk_threshold)
    BRIDGE_SYNC_CUSTOMERS_BULK_SIZE           = tostring(var.sync_customers_bulk_size)
    BRIDGE_SYNC_CUSTOMERS_BULK_WAIT           = var.sync_customers_bulk_wait
    BRIDGE_SYNC_CUSTOMERS_SOURCE              = var.sync_customers_source
    BRIDGE_SYNC_CUSTOMERS_EXPORT_PROJECT      = var.sync_customers_export_project
    BRIDGE_SYNC_PRODUCTS_ENABLED              = tostring(var.sync_products_enabled)
    BRIDGE_SYNC_PRODUCTS_PAGE_SIZE            = tostring(var.sync_products_page_size)
    BRIDGE_SYNC_PRODUCTS_BULK_SIZE            = tostring(var.sync_products_bulk_size)
    BRIDGE_SYNC_PRODUCTS_BULK_WAIT            = var.sync_products_bulk_wait
    BRIDGE_SYNC_PRICES_ENABLED                = tostring(var.sync_prices_enabled)
    BRIDGE_SYNC_PRICES_PAGE_SIZE              = tostring(var.sync_prices_page_size)
    BRIDGE_SYNC_PRICES_ROWS_PER_CALL          = tostring(var.sync_prices_rows_per_call)
    BRIDGE_SYNC_SNAPSHOT_CONTAINER            = var.sync_snapshot_container
    BRIDGE_ORDERS_RECONCILE_AFTER             = var.orders_reconcile_after
    BRIDGE_ORDERS_IMPORT_RETRY_DELAY          = var.orders_import_retry_delay
    BRIDGE_ORDERS_IMPORT_RETRY_MAX_DELAY      = var.orders_import_retry_max_delay
    BRIDGE_ORDERS_MAPPED_ORDERS_CONTAINER     = var.orders_mapped_orders_container
  }

  # Without these the bridge refuses webhooks / events (503), polls every status and uses the
  # built-in mapping profile; an empty app setting would mean something else, so empty ones are
  # left out.
  optional_order_flow_settings = {
    BRIDGE_INTAKE_WEBHOOK_PUBLIC_KEY  = var.commerce_webhook_public_key
    BRIDGE_INTAKE_IO_EVENTS_CLIENT_ID = var.intake_io_events_client_id
    BRIDGE_INTAKE_POLL_STATUSES       = var.intake_poll_statuses
    BRIDGE_MAPPING_PROFILE            = var.mapping_profile
  }

  # The map bridge.commerce.store-codes."<id>" as environment variables: Quarkus turns every
  # character that is not a letter or digit into '_', so store id 1 is BRIDGE_COMMERCE_STORE_CODES__1_.
  store_code_settings = { for id, code in var.commerce_store_codes : "BRIDGE_COMMERCE_STORE_CODES__${id}_" => code }

  # Empty optional values are dropped rather than written as empty app settings.
  optional_settings = { for k, v in merge(local.d365_settings, local.commerce_settings, local.optional_order_flow_settings) : k => v if v != "" }

  secret_settings = {
    for name in local.present_secret_names :
    local.optional_secret_settings[name] => "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.optional[name].versionless_id})"
  }

  # Not here on purpose:
  # - FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION: Flex takes the runtime from
  #   runtime_name/runtime_version and sets the extension version itself.
  # - APPLICATIONINSIGHTS_CONNECTION_STRING: set through site_config, where the provider keeps it.
  # - AzureWebJobsStorage: written by the provider from storage_access_key (see README).
  app_settings = merge(local.bridge_settings, local.order_flow_settings, local.store_code_settings, local.optional_settings, local.secret_settings)
}

resource "azurerm_function_app_flex_consumption" "this" {
  name                = local.names.function_app
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  service_plan_id     = azurerm_service_plan.this.id
  tags                = local.tags

  runtime_name           = "java"
  runtime_version        = "17"
  maximum_instance_count = var.maximum_instance_count
  instance_memory_in_mb  = var.instance_memory_in_mb

  # The deployment package is read with the app's identity (Storage Blob Data Owner below).
  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "${azurerm_storage_account.this.primary_blob_endpoint}${azurerm_storage_container.deployment.name}"
  storage_authentication_type = "SystemAssignedIdentity"
  # The provider always writes AzureWebJobsStorage from this key, whatever the authentication
  # type (hashicorp/terraform-provider-azurerm#29693); without it the setting would carry an
  # empty AccountKey and the host would not start. See README.
  storage_access_key = azurerm_storage_account.this.primary_access_key

  https_only                                     = true
  webdeploy_publish_basic_authentication_enabled = false

  identity {
    type = "SystemAssigned"
  }

  site_config {
    minimum_tls_version                    = "1.2"
    scm_minimum_tls_version                = "1.2"
    application_insights_connection_string = azurerm_application_insights.this.connection_string
  }

  app_settings = local.app_settings

  lifecycle {
    precondition {
      condition     = var.ops_key == "" || length(var.ops_key) >= 16
      error_message = "ops_key must be empty or at least 16 characters (the bridge refuses shorter keys)."
    }
    precondition {
      condition     = var.d365_base_url == "" || (var.d365_authority != "" && var.d365_client_id != "" && var.d365_client_secret != "")
      error_message = "With d365_base_url set, d365_authority, d365_client_id and d365_client_secret are required."
    }
    precondition {
      condition     = var.commerce_base_url == "" || var.commerce_auth_mode != "OAUTH1" || (var.commerce_consumer_key != "" && var.commerce_consumer_secret != "" && var.commerce_access_token != "" && var.commerce_access_token_secret != "")
      error_message = "commerce_auth_mode OAUTH1 requires commerce_consumer_key, commerce_consumer_secret, commerce_access_token and commerce_access_token_secret."
    }
    precondition {
      condition     = var.commerce_base_url == "" || var.commerce_auth_mode != "BEARER" || var.commerce_access_token != ""
      error_message = "commerce_auth_mode BEARER requires commerce_access_token."
    }
    precondition {
      condition     = var.commerce_base_url == "" || var.commerce_auth_mode != "ADMIN_TOKEN" || (var.commerce_admin_username != "" && var.commerce_admin_password != "")
      error_message = "commerce_auth_mode ADMIN_TOKEN requires commerce_admin_username and commerce_admin_password."
    }
  }
}

# ---------------------------------------------------------------------------------------------
# Role assignments for the app's system-assigned identity
# ---------------------------------------------------------------------------------------------

resource "azurerm_role_assignment" "function_storage" {
  for_each             = local.function_storage_roles
  scope                = azurerm_storage_account.this.id
  role_definition_name = each.value
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "function_key_vault" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}
