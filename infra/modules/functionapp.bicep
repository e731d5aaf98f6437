// The Flex Consumption plan (FC1) and the Function app (isolated worker, dotnet-isolated), with
// the user-assigned identity for everything: host storage, deployment package, app code
// (DefaultAzureCredential reads AZURE_CLIENT_ID) and Application Insights.
// Flex Consumption sets the worker runtime and version from functionAppConfig.runtime: the app
// settings FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE
// are not allowed there and are not set.

@description('Name of the Function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Region of the plan and the app (must offer Flex Consumption).')
param location string

@description('Tags for both resources.')
param tags object = {}

@description('azd service name: tags the app so `azd deploy` finds it.')
param serviceName string = 'api'

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Storage account for AzureWebJobsStorage and the deployment package.')
param storageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights component.')
param applicationInsightsName string

@description('Worker runtime version. dotnet-isolated 10.0 = .NET 10.')
param runtimeVersion string = '10.0'

@description('Memory per instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Browser origins allowed to call the API (CORS). Empty: none.')
param corsAllowedOrigins string[] = []

@description('The app\'s own settings (Cosmos__*, ServiceBus__*, Auth__*, ...), merged with the host settings made here.')
param appSettings object

@description('Resource id of the Log Analytics workspace that receives the app\'s logs and metrics.')
param logAnalyticsWorkspaceId string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Settings of the Functions host and of the Azure SDK credential; no keys, no connection strings
// with secrets. AzureWebJobsStorage__* also serve the app's own blob and queue clients
// (StorageClients reads AzureWebJobsStorage:blobServiceUri / :queueServiceUri).
var hostSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // DefaultAzureCredential (Cosmos, Blob, Queue, Service Bus clients of the app) picks the
  // user-assigned identity only when told its client id.
  AZURE_CLIENT_ID: identityClientId
  // The connection string names the component; with local auth disabled, ingestion needs the
  // identity's Entra token, which the authentication string asks for.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // The host's HTML welcome page at "/" is not an answer of the API (docs/decisions/0011).
  AzureWebJobsDisableHomepage: 'true'
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, hostSettings)
  }

  // No FTP or basic-auth deployment: azd deploys with an Entra token.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// The Functions host's and the app's log lines (FunctionAppLogs) and the app's platform metrics. Requests,
// traces and the app's own metrics go to Application Insights, which keeps them in the same workspace.
// 2021-05-01-preview: the only non-preview version, 2016-09-01, is of the old shape (no workspace, no categories).
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: functionApp
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Name of the Function app.')
output name string = functionApp.name

@description('Host name of the Function app.')
output defaultHostName string = functionApp.properties.defaultHostName

@description('Base URL of the API (host.json routePrefix "api").')
output apiBaseUrl string = 'https://${functionApp.properties.defaultHostName}/api'
