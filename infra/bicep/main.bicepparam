// Example parameters for main.bicep. Copy and adjust per environment; keep secrets out of files.
//
// Secrets are read from environment variables of the shell that runs `az deployment group create`
// (an unset variable means "not used": no Key Vault secret and no app setting is created for it).
// In a pipeline, map them from the pipeline's secret store; locally, `read -rs` them, e.g.:
//   read -rs BRIDGE_D365_CLIENT_SECRET && export BRIDGE_D365_CLIENT_SECRET
using './main.bicep'

param namePrefix = 'd365cb'
param environmentName = 'dev'
param tags = {
  owner: 'integration-team'
}

// Flex Consumption scale. Keep the instance count low: both ERP and shop throttle.
param maximumInstanceCount = 40
param instanceMemoryMB = 2048

// Dynamics 365 Finance & Operations (leave d365BaseUrl empty to deploy without the D365 side).
param d365BaseUrl = 'https://contoso-dev.sandbox.operations.dynamics.com'
param d365AuthMode = 'ENTRA'
param d365Authority = 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000'
param d365ClientId = '00000000-0000-0000-0000-000000000000'

// Adobe Commerce (leave commerceBaseUrl empty to deploy without the Commerce side).
param commerceBaseUrl = 'https://shop-dev.example.com'
param commerceAuthMode = 'OAUTH1'
param commerceConsumerKey = 'replace-with-integration-consumer-key'

// Order intake, mapping profile and order flow. Every parameter left out keeps the application's default
// (see infra/README.md); these show the ones most deployments set.
param commerceStoreCodes = {
  '1': 'default'
  '2': 'eu_en'
}
// The store's webhook public key is public: it may also stand here as a multi-line ''' string.
param commerceWebhookPublicKey = readEnvironmentVariable('BRIDGE_INTAKE_WEBHOOK_PUBLIC_KEY', '')
param intakeIoEventsClientId = ''
param intakePollStatuses = 'processing,pending'
param mappingProfile = ''
param ordersBatchMaxSize = 200
param ordersBatchMaxAge = 'PT20S'

// Secrets: environment variables only, never literals in this file.
param d365ClientSecret = readEnvironmentVariable('BRIDGE_D365_CLIENT_SECRET', '')
param commerceConsumerSecret = readEnvironmentVariable('BRIDGE_COMMERCE_CONSUMER_SECRET', '')
param commerceAccessToken = readEnvironmentVariable('BRIDGE_COMMERCE_ACCESS_TOKEN', '')
param commerceAccessTokenSecret = readEnvironmentVariable('BRIDGE_COMMERCE_ACCESS_TOKEN_SECRET', '')
param commerceAdminPassword = readEnvironmentVariable('BRIDGE_COMMERCE_ADMIN_PASSWORD', '')
param opsKey = readEnvironmentVariable('BRIDGE_OPS_KEY', '')
param d365BusinessEventKey = readEnvironmentVariable('BRIDGE_INTAKE_D365_EVENT_KEY', '')
