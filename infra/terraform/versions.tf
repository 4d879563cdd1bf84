terraform {
  # 1.5+: preconditions and the for_each/nonsensitive pattern used in main.tf.
  required_version = ">= 1.5.0"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.x for azurerm_function_app_flex_consumption with https_only and container ids.
      version = "~> 4.40"
    }
  }

  # Configure a remote backend (e.g. azurerm with an encrypted, access-controlled container):
  # the state holds the storage account keys and every secret passed in.
  # backend "azurerm" {}
}

provider "azurerm" {
  features {
    key_vault {
      # Purge protection is on: a destroyed vault is soft-deleted and cannot be purged anyway.
      purge_soft_delete_on_destroy          = false
      purge_soft_deleted_secrets_on_destroy = false
      recover_soft_deleted_key_vaults       = true
      recover_soft_deleted_secrets          = true
    }
  }
}
