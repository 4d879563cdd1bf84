// d365-commerce-bridge on Azure Functions Flex Consumption (Linux, Java 17).
//
// Deploy into an existing resource group:
//   az deployment group create -g <rg> --template-file infra/bicep/main.bicep --parameters infra/bicep/main.bicepparam
//
// Secrets are never defaulted or hard-coded: every secure parameter defaults to '' and a Key Vault
// secret (plus the app setting that references it) is created only when a value is passed. See
// infra/README.md for the reasoning, the caveats and what was not validated.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Naming and placement
// ---------------------------------------------------------------------------------------------

@description('Short lowercase alphanumeric prefix (2-8 characters), used in every resource name.')
@minLength(2)
@maxLength(8)
param namePrefix string

// Not called "environment": a parameter with that name would shadow the environment() function.
@description('Deployment environment; part of every resource name.')
@allowed([
  'dev'
  'test'
  'uat'
  'prod'
])
param environmentName string

@description('Azure region. Must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Suffix that makes global names unique. Empty: derived from the resource group id.')
@maxLength(6)
param nameSuffix string = ''

@description('Tags added to every resource.')
param tags object = {}

// ---------------------------------------------------------------------------------------------
// Function app sizing
// ---------------------------------------------------------------------------------------------

@description('Upper bound of Flex Consumption instances. Keep it low: D365 and Commerce throttle, and every instance polls the queues.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB. The JVM with Quarkus needs at least 2048.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

// ---------------------------------------------------------------------------------------------
// Bridge settings (non-secret). Names match functions/local.settings.example.json.
// ---------------------------------------------------------------------------------------------

@description('NCRONTAB (six fields, UTC) of the housekeeping timer.')
param housekeepingSchedule string = '0 17 3 * * *'

@description('Queue that carries housekeeping sweep messages.')
param housekeepingQueue string = 'bridge-housekeeping'

@description('ISO-8601 duration after which claim-check blobs are deleted.')
param claimCheckRetention string = 'P14D'

@description('ISO-8601 duration after which finished state records are deleted.')
param stateRetention string = 'P30D'

@description('ISO-8601 duration after which written-back orders leave the order ledger (their count stays).')
param orderRetention string = 'P90D'

@description('ISO-8601 duration after which failed orders leave the order ledger.')
param failedOrderRetention string = 'P180D'

@description('ISO-8601 duration after which mapped-order blobs are deleted (kept while their order is still on its way).')
param mappedOrderRetention string = 'P14D'

@description('ISO-8601 duration after which DMF job records are deleted, counted from their settlement.')
param dmfJobRetention string = 'P30D'

@description('ISO-8601 duration after which package files left in the local package folder are deleted.')
param packageFileRetention string = 'PT1H'

@description('Deletes per housekeeping message.')
param housekeepingBatchSize int = 500

@description('Blob container for payloads too large for a queue message.')
param claimCheckContainerName string = 'bridge-claim-check'

@description('Blob container holding the lease blobs used as locks.')
param locksContainerName string = 'bridge-locks'

@description('Table recording failed and poisoned messages.')
param failuresTableName string = 'BridgeFailures'

@description('Table of the customer cross-reference (Commerce customer/company -> D365 customer account).')
param customerXrefTableName string = 'BridgeCustomerXref'

@description('D365 F&O base URL, e.g. https://contoso.operations.dynamics.com. Empty: the D365 side is not configured.')
param d365BaseUrl string = ''

@description('D365 authentication mode.')
@allowed([
  'ENTRA'
  'ADFS'
])
param d365AuthMode string = 'ENTRA'

@description('Token authority, e.g. https://login.microsoftonline.com/<tenant-id> (ENTRA) or https://<adfs>/adfs (ADFS).')
param d365Authority string = ''

@description('Application (client) id registered for the bridge.')
param d365ClientId string = ''

@description('Adobe Commerce store base URL, e.g. https://shop.example.com. Empty: the Commerce side is not configured.')
param commerceBaseUrl string = ''

@description('Commerce authentication mode.')
@allowed([
  'OAUTH1'
  'BEARER'
  'ADMIN_TOKEN'
])
param commerceAuthMode string = 'OAUTH1'

@description('Integration consumer key (OAUTH1). Not a secret on its own; the consumer secret is.')
param commerceConsumerKey string = ''

@description('Admin user name (ADMIN_TOKEN).')
param commerceAdminUsername string = ''

// ---------------------------------------------------------------------------------------------
// Order intake, mapping profile and order flow (non-secret). Defaults are the application's own
// (config/IntakeConfig, MappingConfig, OrderFlowConfig; FunctionsPackageIT checks they stay equal).
// An empty optional value leaves its app setting out.
// ---------------------------------------------------------------------------------------------

@description('Store view code of each Commerce store id (BRIDGE_COMMERCE_STORE_CODES__<id>_): the intake maps an order\'s store_id with it and the poll reads each code.')
param commerceStoreCodes object = {
  '1': 'default'
}

@description('PEM public key of the store\'s webhook signing key (BRIDGE_INTAKE_WEBHOOK_PUBLIC_KEY). Public, not a secret. Empty: the webhook endpoint refuses every call (503).')
param commerceWebhookPublicKey string = ''

@description('Largest accepted webhook or event body in bytes (BRIDGE_INTAKE_MAX_BODY_BYTES).')
@minValue(1024)
@maxValue(1048576)
param intakeMaxBodyBytes int = 262144

@description('Our Adobe I/O Events registration client id (BRIDGE_INTAKE_IO_EVENTS_CLIENT_ID). Empty: the events endpoint refuses every call (503).')
param intakeIoEventsClientId string = ''

@description('Host the I/O Events signature keys are fetched from, and only from (BRIDGE_INTAKE_IO_EVENTS_KEY_BASE_URL).')
param intakeIoEventsKeyBaseUrl string = 'https://static.adobeioevents.com'

@description('How long a fetched I/O Events key is kept, ISO-8601, at most PT24H (BRIDGE_INTAKE_IO_EVENTS_KEY_CACHE_TTL).')
param intakeIoEventsKeyCacheTtl string = 'PT24H'

@description('Timeout of one I/O Events key fetch, ISO-8601, 0.1 to 5 seconds (BRIDGE_INTAKE_IO_EVENTS_KEY_FETCH_TIMEOUT).')
param intakeIoEventsKeyFetchTimeout string = 'PT3S'

@description('The order poll re-reads this much before its watermark, ISO-8601 (BRIDGE_INTAKE_POLL_OVERLAP).')
param intakePollOverlap string = 'PT10M'

@description('How far a store\'s first poll looks back, ISO-8601 (BRIDGE_INTAKE_POLL_INITIAL_LOOK_BACK).')
param intakePollInitialLookBack string = 'P1D'

@description('Only poll orders in these statuses, comma-separated, e.g. processing,pending (BRIDGE_INTAKE_POLL_STATUSES). Empty: all statuses.')
param intakePollStatuses string = ''

@description('searchCriteria page size of the order poll (BRIDGE_INTAKE_POLL_PAGE_SIZE).')
@minValue(1)
@maxValue(300)
param intakePollPageSize int = 100

@description('Table of the per-store poll watermarks (BRIDGE_INTAKE_POLL_CHECKPOINT_TABLE).')
param intakePollCheckpointTable string = 'BridgeCheckpoints'

@description('Path of a YAML file on the app\'s file system merged over the built-in mapping profile (BRIDGE_MAPPING_PROFILE). Empty: the built-in profile alone.')
param mappingProfile string = ''

@description('Most orders in one DMF package (BRIDGE_ORDERS_BATCH_MAX_SIZE).')
@minValue(1)
param ordersBatchMaxSize int = 200

@description('A batch is imported once its oldest order waited this long, ISO-8601 (BRIDGE_ORDERS_BATCH_MAX_AGE).')
param ordersBatchMaxAge string = 'PT20S'

@description('F&O data project holding "Sales order headers V2" and "Sales order lines V3" (BRIDGE_ORDERS_DEFINITION_GROUP).')
param ordersDefinitionGroup string = 'SalesOrderImport'

@description('Imports of an order before it fails for good; failed batches are retried in halves (BRIDGE_ORDERS_MAX_ATTEMPTS).')
@minValue(1)
param ordersMaxAttempts int = 12

@description('Also write the D365 order number into the Commerce order\'s ext_order_id, by a save of the order entity (BRIDGE_ORDERS_WRITE_EXT_ORDER_ID); the order comment is always written.')
param ordersWriteExtOrderId bool = false

@description('Package the next order batch of a company while its DMF import runs, so the next import starts as soon as the data project frees (BRIDGE_ORDERS_PREPARE_NEXT_BATCH).')
param ordersPrepareNextBatch bool = true

@description('First DMF status check after an import starts, ISO-8601; doubles up to the maximum (BRIDGE_DMF_FIRST_CHECK_DELAY).')
param dmfFirstCheckDelay string = 'PT5S'

@description('Longest wait between two DMF status checks, ISO-8601 (BRIDGE_DMF_MAX_CHECK_DELAY).')
param dmfMaxCheckDelay string = 'PT60S'

@description('A DMF job not finished after this is overdue (still followed, never repeated), ISO-8601 (BRIDGE_DMF_JOB_TIMEOUT).')
param dmfJobTimeout string = 'PT30M'

@description('How long D365 may not know a submitted DMF import before it counts as never started, ISO-8601 (BRIDGE_DMF_NOT_FOUND_GRACE).')
param dmfNotFoundGrace string = 'PT2M'

@description('A sync run whose progress in a legal entity has not moved for this long is resumed by its timer, ISO-8601 (BRIDGE_SYNC_STALL_AFTER).')
param syncStallAfter string = 'PT10M'

@description('How long sync runs (summaries and progress) are kept, ISO-8601 (BRIDGE_SYNC_RUN_RETENTION).')
param syncRunRetention string = 'P30D'

@description('Run the customer sync on its schedule (on-demand runs work either way) (BRIDGE_SYNC_CUSTOMERS_ENABLED).')
param syncCustomersEnabled bool = true

@description('D365 customers per sync step (BRIDGE_SYNC_CUSTOMERS_PAGE_SIZE).')
param syncCustomersPageSize int = 500

@description('Commerce writes in flight at once per customer sync step (BRIDGE_SYNC_CUSTOMERS_WRITE_CONCURRENCY).')
param syncCustomersWriteConcurrency int = 8

@description('Customer writes of a sync step from which they go through Commerce's async bulk API (0: never) (BRIDGE_SYNC_CUSTOMERS_BULK_THRESHOLD).')
param syncCustomersBulkThreshold int = 50

@description('Where full customer sync runs read D365: odata, or dmf-export (a DMF export of syncCustomersExportProject per legal entity and run) (BRIDGE_SYNC_CUSTOMERS_SOURCE).')
@allowed([
  'odata'
  'dmf-export'
])
param syncCustomersSource string = 'odata'

@description('Export data project in F&O holding the entity Customers V3, read when syncCustomersSource is dmf-export (BRIDGE_SYNC_CUSTOMERS_EXPORT_PROJECT).')
param syncCustomersExportProject string = 'CustomerExport'

@description('Blob container of the snapshots sync runs read from DMF exports (BRIDGE_SYNC_SNAPSHOT_CONTAINER).')
param syncSnapshotContainer string = 'bridge-sync-snapshots'

@description('Customers per async bulk (BRIDGE_SYNC_CUSTOMERS_BULK_SIZE).')
param syncCustomersBulkSize int = 200

@description('How long a sync step waits for its bulks before open operations count as a stale bulk, ISO-8601 (BRIDGE_SYNC_CUSTOMERS_BULK_WAIT).')
param syncCustomersBulkWait string = 'PT2M'

@description('Run the catalog sync (released products) on its schedule (on-demand runs work either way) (BRIDGE_SYNC_PRODUCTS_ENABLED).')
param syncProductsEnabled bool = true

@description('D365 items per catalog sync step: one product bulk and one bulk per store view per page (BRIDGE_SYNC_PRODUCTS_PAGE_SIZE).')
param syncProductsPageSize int = 1000

@description('Entries per async bulk of the catalog sync (BRIDGE_SYNC_PRODUCTS_BULK_SIZE).')
param syncProductsBulkSize int = 2500

@description('How long a catalog sync step waits for each bulk before open operations count as a stale bulk, ISO-8601 (BRIDGE_SYNC_PRODUCTS_BULK_WAIT).')
param syncProductsBulkWait string = 'PT5M'

@description('Run the price sync (trade agreements to tier prices) on its schedule (BRIDGE_SYNC_PRICES_ENABLED).')
param syncPricesEnabled bool = true

@description('D365 items per price sync step (BRIDGE_SYNC_PRICES_PAGE_SIZE).')
param syncPricesPageSize int = 1000

@description('Tier price rows per replace call; a SKU is never split over two (BRIDGE_SYNC_PRICES_ROWS_PER_CALL).')
param syncPricesRowsPerCall int = 4000

@description('Wait before an order is packaged again after a failed import, doubling per failure, ISO-8601 (BRIDGE_ORDERS_IMPORT_RETRY_DELAY).')
param ordersImportRetryDelay string = 'PT5S'

@description('Longest wait before an order is packaged again after a failed import, ISO-8601 (BRIDGE_ORDERS_IMPORT_RETRY_MAX_DELAY).')
param ordersImportRetryMaxDelay string = 'PT10M'

@description('Orders unchanged this long between two steps are moved on by the reconciler, ISO-8601 (BRIDGE_ORDERS_RECONCILE_AFTER).')
param ordersReconcileAfter string = 'PT5M'

@description('Blob container of mapped orders waiting for their DMF package (BRIDGE_ORDERS_MAPPED_ORDERS_CONTAINER).')
param ordersMappedOrdersContainer string = 'bridge-mapped-orders'

// ---------------------------------------------------------------------------------------------
// Secrets. Pass them at deployment time (main.bicepparam reads them from environment variables).
// Empty means "not used": neither the Key Vault secret nor its app setting is created.
// ---------------------------------------------------------------------------------------------

@secure()
@description('D365 client secret (BRIDGE_D365_CLIENT_SECRET).')
param d365ClientSecret string = ''

@secure()
@description('Commerce integration consumer secret, OAUTH1 (BRIDGE_COMMERCE_CONSUMER_SECRET).')
param commerceConsumerSecret string = ''

@secure()
@description('Commerce integration access token, OAUTH1 and BEARER (BRIDGE_COMMERCE_ACCESS_TOKEN).')
param commerceAccessToken string = ''

@secure()
@description('Commerce integration access token secret, OAUTH1 (BRIDGE_COMMERCE_ACCESS_TOKEN_SECRET).')
param commerceAccessTokenSecret string = ''

@secure()
@description('Commerce admin password, ADMIN_TOKEN (BRIDGE_COMMERCE_ADMIN_PASSWORD).')
param commerceAdminPassword string = ''

@secure()
@description('Operator key, at least 16 characters (BRIDGE_OPS_KEY). Without it every operator call is refused.')
param opsKey string = ''

@secure()
@description('Shared key for D365 business-event intake (provisional setting BRIDGE_INTAKE_D365_EVENT_KEY).')
param d365BusinessEventKey string = ''

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

var suffix = empty(nameSuffix) ? take(uniqueString(resourceGroup().id), 6) : toLower(nameSuffix)
var baseName = '${toLower(namePrefix)}-${environmentName}'
var names = {
  storageAccount: 'st${toLower(namePrefix)}${environmentName}${suffix}'
  keyVault: 'kv-${baseName}-${suffix}'
  logAnalytics: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  plan: 'asp-${baseName}-${suffix}'
  functionApp: 'func-${baseName}-${suffix}'
}
var deploymentContainerName = 'app-package'
var storageConnectionStringSecretName = 'bridge-storage-connection-string'
var bridgeContainerNames = [
  claimCheckContainerName
  locksContainerName
  ordersMappedOrdersContainer
  syncSnapshotContainer
]
var allTags = union({ application: 'd365-commerce-bridge', environment: environmentName }, tags)

// Built-in role definition ids.
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

// Host storage through the app's identity: blobs (keys, timer locks, deployment package), queues
// (queue triggers and poison queues) and tables (host diagnostics).
var functionStorageRoles = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
]

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logAnalytics
  location: location
  tags: allTags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.appInsights
  location: location
  tags: allTags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// ---------------------------------------------------------------------------------------------
// Storage: host storage (AzureWebJobsStorage), the bridge's queues/tables/blobs, the package
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storageAccount
  location: location
  tags: allTags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The bridge's storage code builds its clients from a connection string (account key), so
    // shared-key access has to stay enabled until that code uses an Entra credential.
    allowSharedKeyAccess: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The bridge creates these on first use too; declaring them keeps the names visible in one place.
resource bridgeContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for name in bridgeContainerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

// ---------------------------------------------------------------------------------------------
// Key Vault and secrets
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.keyVault
  location: location
  tags: allTags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// The bridge's own storage clients need a connection string (see README: identity-based
// AzureWebJobsStorage__accountName gives the host what it needs, but not the bridge code).
resource kvStorageConnectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: storageConnectionStringSecretName
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    contentType: 'text/plain'
  }
}

resource kvD365ClientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(d365ClientSecret)) {
  parent: keyVault
  name: 'd365-client-secret'
  properties: {
    value: d365ClientSecret
    contentType: 'text/plain'
  }
}

resource kvCommerceConsumerSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(commerceConsumerSecret)) {
  parent: keyVault
  name: 'commerce-consumer-secret'
  properties: {
    value: commerceConsumerSecret
    contentType: 'text/plain'
  }
}

resource kvCommerceAccessToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(commerceAccessToken)) {
  parent: keyVault
  name: 'commerce-access-token'
  properties: {
    value: commerceAccessToken
    contentType: 'text/plain'
  }
}

resource kvCommerceAccessTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(commerceAccessTokenSecret)) {
  parent: keyVault
  name: 'commerce-access-token-secret'
  properties: {
    value: commerceAccessTokenSecret
    contentType: 'text/plain'
  }
}

resource kvCommerceAdminPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(commerceAdminPassword)) {
  parent: keyVault
  name: 'commerce-admin-password'
  properties: {
    value: commerceAdminPassword
    contentType: 'text/plain'
  }
}

resource kvOpsKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(opsKey)) {
  parent: keyVault
  name: 'bridge-ops-key'
  properties: {
    value: opsKey
    contentType: 'text/plain'
  }
}

resource kvD365BusinessEventKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(d365BusinessEventKey)) {
  parent: keyVault
  name: 'd365-business-event-key'
  properties: {
    value: d365BusinessEventKey
    contentType: 'text/plain'
  }
}

// ---------------------------------------------------------------------------------------------
// Flex Consumption plan and function app
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.plan
  location: location
  tags: allTags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: names.functionApp
  location: location
  tags: allTags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // App settings are applied by the separate 'appsettings' resource below, after the role
    // assignments exist, so Key Vault references and identity-based storage resolve on first start.
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    // Flex Consumption takes the runtime from here: no FUNCTIONS_WORKER_RUNTIME app setting.
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'java'
        version: '17'
      }
    }
  }
  dependsOn: [
    deploymentContainer
  ]
}

// Deployments go through Entra-authenticated publish (az CLI / Core Tools), not basic auth.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------------------------------------
// Role assignments for the app's system-assigned identity
// ---------------------------------------------------------------------------------------------

resource functionStorageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in functionStorageRoles: {
    name: guid(storage.id, functionApp.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource functionKeyVaultRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, functionApp.id, roleIds.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// App settings
// ---------------------------------------------------------------------------------------------

// Built from names only (no runtime reference), so it can be used inside the lambdas below.
var keyVaultSecretUriPrefix = 'https://${names.keyVault}${environment().suffixes.keyvaultDns}/secrets/'

// Host storage through the managed identity. FUNCTIONS_EXTENSION_VERSION and
// FUNCTIONS_WORKER_RUNTIME are deliberately absent: Flex Consumption sets the former itself and
// takes the runtime from functionAppConfig.runtime.
var hostSettings = {
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
}

var bridgeSettings = {
  HOUSEKEEPING_SCHEDULE: housekeepingSchedule
  HOUSEKEEPING_QUEUE: housekeepingQueue
  // The order flow's triggers: the host resolves these %SETTING% names from app settings only.
  ORDER_INTAKE_QUEUE: 'bridge-order-intake'
  ORDER_WRITEBACK_QUEUE: 'bridge-order-writeback'
  DMF_STATUS_QUEUE: 'bridge-dmf-status'
  ORDER_POLL_SCHEDULE: '30 */5 * * * *'
  ORDER_BATCH_SCHEDULE: '*/10 * * * * *'
  ORDER_RECONCILE_SCHEDULE: '45 * * * * *'
  // The D365 -> Commerce sync: its step queue and the customer flow's timer.
  SYNC_QUEUE: 'bridge-sync'
  CUSTOMER_SYNC_SCHEDULE: '0 5 * * * *'
  CATALOG_SYNC_SCHEDULE: '0 35 * * * *'
  PRICE_SYNC_SCHEDULE: '0 50 * * * *'
  INVENTORY_SYNC_SCHEDULE: '0 */15 * * * *'
  BRIDGE_HOUSEKEEPING_CLAIM_CHECK_RETENTION: claimCheckRetention
  BRIDGE_HOUSEKEEPING_STATE_RETENTION: stateRetention
  BRIDGE_HOUSEKEEPING_ORDER_RETENTION: orderRetention
  BRIDGE_HOUSEKEEPING_FAILED_ORDER_RETENTION: failedOrderRetention
  BRIDGE_HOUSEKEEPING_MAPPED_ORDER_RETENTION: mappedOrderRetention
  BRIDGE_HOUSEKEEPING_DMF_JOB_RETENTION: dmfJobRetention
  BRIDGE_HOUSEKEEPING_PACKAGE_FILE_RETENTION: packageFileRetention
  BRIDGE_HOUSEKEEPING_BATCH_SIZE: string(housekeepingBatchSize)
  BRIDGE_STORAGE_CLAIM_CHECK_CONTAINER: claimCheckContainerName
  BRIDGE_STORAGE_LOCKS_CONTAINER: locksContainerName
  BRIDGE_STORAGE_FAILURES_TABLE: failuresTableName
  BRIDGE_STORAGE_CUSTOMER_XREF_TABLE: customerXrefTableName
  // Must equal host.json extensions.queues.maxDequeueCount.
  BRIDGE_RUNTIME_QUEUES_MAX_DEQUEUE_COUNT: '5'
  // The Functions host drives the handlers; the standalone runtime must stay off.
  BRIDGE_RUNTIME_STANDALONE: 'false'
  BRIDGE_STORAGE_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${keyVaultSecretUriPrefix}${storageConnectionStringSecretName})'
}

// A side whose base URL is empty is "not configured" for the bridge; its settings are left out.
var d365Settings = empty(d365BaseUrl) ? {} : {
  BRIDGE_D365_BASE_URL: d365BaseUrl
  BRIDGE_D365_AUTH_MODE: d365AuthMode
  BRIDGE_D365_AUTHORITY: d365Authority
  BRIDGE_D365_CLIENT_ID: d365ClientId
}

var commerceSettings = empty(commerceBaseUrl) ? {} : {
  BRIDGE_COMMERCE_BASE_URL: commerceBaseUrl
  BRIDGE_COMMERCE_AUTH_MODE: commerceAuthMode
  BRIDGE_COMMERCE_CONSUMER_KEY: commerceConsumerKey
  BRIDGE_COMMERCE_ADMIN_USERNAME: commerceAdminUsername
}

// Order intake, mapping profile and order flow, always written (the application's defaults unless
// a parameter says otherwise).
var orderFlowSettings = {
  BRIDGE_INTAKE_MAX_BODY_BYTES: string(intakeMaxBodyBytes)
  BRIDGE_INTAKE_IO_EVENTS_KEY_BASE_URL: intakeIoEventsKeyBaseUrl
  BRIDGE_INTAKE_IO_EVENTS_KEY_CACHE_TTL: intakeIoEventsKeyCacheTtl
  BRIDGE_INTAKE_IO_EVENTS_KEY_FETCH_TIMEOUT: intakeIoEventsKeyFetchTimeout
  BRIDGE_INTAKE_POLL_OVERLAP: intakePollOverlap
  BRIDGE_INTAKE_POLL_INITIAL_LOOK_BACK: intakePollInitialLookBack
  BRIDGE_INTAKE_POLL_PAGE_SIZE: string(intakePollPageSize)
  BRIDGE_INTAKE_POLL_CHECKPOINT_TABLE: intakePollCheckpointTable
  BRIDGE_ORDERS_BATCH_MAX_SIZE: string(ordersBatchMaxSize)
  BRIDGE_ORDERS_BATCH_MAX_AGE: ordersBatchMaxAge
  BRIDGE_ORDERS_DEFINITION_GROUP: ordersDefinitionGroup
  BRIDGE_ORDERS_MAX_ATTEMPTS: string(ordersMaxAttempts)
  // string() of a bool gives 'True'; write the lower-case form the rest of the configuration uses.
  BRIDGE_ORDERS_WRITE_EXT_ORDER_ID: ordersWriteExtOrderId ? 'true' : 'false'
  BRIDGE_ORDERS_PREPARE_NEXT_BATCH: ordersPrepareNextBatch ? 'true' : 'false'
  BRIDGE_DMF_FIRST_CHECK_DELAY: dmfFirstCheckDelay
  BRIDGE_DMF_MAX_CHECK_DELAY: dmfMaxCheckDelay
  BRIDGE_DMF_JOB_TIMEOUT: dmfJobTimeout
  BRIDGE_DMF_NOT_FOUND_GRACE: dmfNotFoundGrace
  BRIDGE_SYNC_STALL_AFTER: syncStallAfter
  BRIDGE_SYNC_RUN_RETENTION: syncRunRetention
  BRIDGE_SYNC_CUSTOMERS_ENABLED: string(syncCustomersEnabled)
  BRIDGE_SYNC_CUSTOMERS_PAGE_SIZE: string(syncCustomersPageSize)
  BRIDGE_SYNC_CUSTOMERS_WRITE_CONCURRENCY: string(syncCustomersWriteConcurrency)
  BRIDGE_SYNC_CUSTOMERS_BULK_THRESHOLD: string(syncCustomersBulkThreshold)
  BRIDGE_SYNC_CUSTOMERS_BULK_SIZE: string(syncCustomersBulkSize)
  BRIDGE_SYNC_CUSTOMERS_BULK_WAIT: syncCustomersBulkWait
  BRIDGE_SYNC_CUSTOMERS_SOURCE: syncCustomersSource
  BRIDGE_SYNC_CUSTOMERS_EXPORT_PROJECT: syncCustomersExportProject
  BRIDGE_SYNC_PRODUCTS_ENABLED: string(syncProductsEnabled)
  BRIDGE_SYNC_PRODUCTS_PAGE_SIZE: string(syncProductsPageSize)
  BRIDGE_SYNC_PRODUCTS_BULK_SIZE: string(syncProductsBulkSize)
  BRIDGE_SYNC_PRODUCTS_BULK_WAIT: syncProductsBulkWait
  BRIDGE_SYNC_PRICES_ENABLED: string(syncPricesEnabled)
  BRIDGE_SYNC_PRICES_PAGE_SIZE: string(syncPricesPageSize)
  BRIDGE_SYNC_PRICES_ROWS_PER_CALL: string(syncPricesRowsPerCall)
  BRIDGE_SYNC_SNAPSHOT_CONTAINER: syncSnapshotContainer
  BRIDGE_ORDERS_RECONCILE_AFTER: ordersReconcileAfter
  BRIDGE_ORDERS_IMPORT_RETRY_DELAY: ordersImportRetryDelay
  BRIDGE_ORDERS_IMPORT_RETRY_MAX_DELAY: ordersImportRetryMaxDelay
  BRIDGE_ORDERS_MAPPED_ORDERS_CONTAINER: ordersMappedOrdersContainer
}

// Without these the bridge refuses webhooks / events (503), polls every status and uses the built-in
// mapping profile; an empty app setting would mean something else, so empty ones are left out.
var optionalOrderFlowSettings = {
  BRIDGE_INTAKE_WEBHOOK_PUBLIC_KEY: commerceWebhookPublicKey
  BRIDGE_INTAKE_IO_EVENTS_CLIENT_ID: intakeIoEventsClientId
  BRIDGE_INTAKE_POLL_STATUSES: intakePollStatuses
  BRIDGE_MAPPING_PROFILE: mappingProfile
}

// The map bridge.commerce.store-codes."<id>" as environment variables: Quarkus turns every character
// that is not a letter or digit into '_', so store id 1 is BRIDGE_COMMERCE_STORE_CODES__1_.
var storeCodeSettings = toObject(items(commerceStoreCodes), s => 'BRIDGE_COMMERCE_STORE_CODES__${s.key}_', s => s.value)

// Empty optional values are dropped rather than written as empty app settings.
var optionalSettingItems = filter(items(union(d365Settings, commerceSettings, optionalOrderFlowSettings)), s => !empty(s.value))
var optionalSettings = toObject(optionalSettingItems, s => s.key, s => s.value)

// A reference is written only for a secret that this deployment creates: an unresolvable
// reference would reach the app as its literal text.
var optionalSecretReferences = [
  { setting: 'BRIDGE_D365_CLIENT_SECRET', secret: 'd365-client-secret', present: !empty(d365ClientSecret) }
  { setting: 'BRIDGE_COMMERCE_CONSUMER_SECRET', secret: 'commerce-consumer-secret', present: !empty(commerceConsumerSecret) }
  { setting: 'BRIDGE_COMMERCE_ACCESS_TOKEN', secret: 'commerce-access-token', present: !empty(commerceAccessToken) }
  { setting: 'BRIDGE_COMMERCE_ACCESS_TOKEN_SECRET', secret: 'commerce-access-token-secret', present: !empty(commerceAccessTokenSecret) }
  { setting: 'BRIDGE_COMMERCE_ADMIN_PASSWORD', secret: 'commerce-admin-password', present: !empty(commerceAdminPassword) }
  { setting: 'BRIDGE_OPS_KEY', secret: 'bridge-ops-key', present: !empty(opsKey) }
  { setting: 'BRIDGE_INTAKE_D365_EVENT_KEY', secret: 'd365-business-event-key', present: !empty(d365BusinessEventKey) }
]

var presentSecretReferences = filter(optionalSecretReferences, r => r.present)
var secretSettings = toObject(presentSecretReferences, r => r.setting, r => '@Microsoft.KeyVault(SecretUri=${keyVaultSecretUriPrefix}${r.secret})')

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(hostSettings, bridgeSettings, orderFlowSettings, storeCodeSettings, optionalSettings, secretSettings)
  dependsOn: [
    functionStorageRoleAssignments
    functionKeyVaultRoleAssignment
    kvStorageConnectionString
    kvD365ClientSecret
    kvCommerceConsumerSecret
    kvCommerceAccessToken
    kvCommerceAccessTokenSecret
    kvCommerceAdminPassword
    kvOpsKey
    kvD365BusinessEventKey
  ]
}

// ---------------------------------------------------------------------------------------------
// Outputs (no secrets)
// ---------------------------------------------------------------------------------------------

output functionAppName string = functionApp.name
output functionAppDefaultHostName string = functionApp.properties.defaultHostName
output storageAccountName string = storage.name
output keyVaultName string = keyVault.name
output functionAppPrincipalId string = functionApp.identity.principalId
