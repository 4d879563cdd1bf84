output "function_app_name" {
  description = "Name of the function app (for az functionapp / func publish)."
  value       = azurerm_function_app_flex_consumption.this.name
}

output "function_app_default_hostname" {
  description = "Default host name; HTTP endpoints live under https://<host>/api/."
  value       = azurerm_function_app_flex_consumption.this.default_hostname
}

output "storage_account_name" {
  description = "Storage account used as AzureWebJobsStorage and by the bridge."
  value       = azurerm_storage_account.this.name
}

output "key_vault_name" {
  description = "Key Vault holding the bridge's secrets."
  value       = azurerm_key_vault.this.name
}

output "function_app_principal_id" {
  description = "Object id of the function app's system-assigned identity."
  value       = azurerm_function_app_flex_consumption.this.identity[0].principal_id
}
