// The storage account behind AzureWebJobsStorage: the Functions host (leases, timer state),
// the Flex Consumption deployment package, the app's case files and its work queues. Shared key
// access is disabled: everything signs in with Entra ID, and the app's upload/download URLs are
// user-delegation SAS signed through the managed identity.
//
// Case files live in two containers (docs/decisions/0012): document-uploads, where a client's
// create-only URL puts a file before the server checks it, and case-documents, where the server
// copies each accepted file. Accepted files are under a time-based retention policy: nobody can
// change or delete them before it runs out; afterwards they can be deleted (erasure after the
// retention period), never overwritten.

@description('Name of the storage account (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the account.')
param location string

@description('Tags for the account.')
param tags object = {}

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Private blob container of accepted case documents (BlobDocumentFiles.AcceptedContainerName).')
param documentsContainerName string = 'case-documents'

@description('Private blob container of uploads waiting for the server\'s check (BlobDocumentFiles.UploadContainerName).')
param uploadsContainerName string = 'document-uploads'

@description('Days an accepted document can be neither changed nor deleted, counted from its acceptance. Keep it at most the shortest retention after a case\'s closure, so erasure when that retention has passed is never blocked.')
@minValue(1)
@maxValue(146000)
param acceptedDocumentsLockDays int = 365

@description('Days after which an upload still in the uploads container is deleted (abandoned, rejected-and-recreated, or re-created after acceptance).')
@minValue(1)
param staleUploadDays int = 1

@description('Work queues of the app (WorkQueues) and their poison queues.')
param queueNames string[]

@description('Browser origins allowed to PUT/GET blobs with the SAS URLs the API hands out. Empty: no CORS rule.')
param corsAllowedOrigins string[] = []

@description('Days a deleted blob can still be restored. Erased case files are gone for good after this (docs/decisions/0014).')
@minValue(1)
@maxValue(30)
param blobSoftDeleteDays int = 7

@description('Log Analytics workspace that receives the blob read, write and delete logs (who read which case file). Empty: none.')
param logAnalyticsWorkspaceId string = ''

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    // An erased file must really go: soft delete keeps it restorable for a short, stated time only, and no versions
    // or point-in-time restore keep older copies behind it.
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    isVersioningEnabled: false
    changeFeed: {
      enabled: false
    }
    restorePolicy: {
      enabled: false
    }
    cors: {
      corsRules: empty(corsAllowedOrigins)
        ? []
        : [
            {
              allowedOrigins: corsAllowedOrigins
              allowedMethods: [
                'GET'
                'HEAD'
                'PUT'
                'OPTIONS'
              ]
              allowedHeaders: [
                'content-type'
                'x-ms-*'
              ]
              exposedHeaders: [
                'etag'
                'content-length'
                'content-type'
                'content-disposition'
                'x-ms-*'
              ]
              maxAgeInSeconds: 3600
            }
          ]
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource documentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: documentsContainerName
  properties: {
    publicAccess: 'None'
  }
}

// WORM for accepted documents: a container-level time-based retention policy. While it runs, blobs can be
// created and read, not overwritten, changed or deleted; once it has passed they can be deleted but still
// not overwritten. Left unlocked on purpose: an account owner (never the app, whose data-plane role cannot
// touch the policy) can shorten or remove it for an erasure the law requires before it runs out; every such
// change is in the activity log. Locking it would make that impossible.
resource documentsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-06-01' = {
  parent: documentsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: acceptedDocumentsLockDays
    allowProtectedAppendWrites: false
    allowProtectedAppendWritesAll: false
  }
}

resource uploadsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: uploadsContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Import files of carried-over cases: written by the app from the request body, deleted once read.
resource importsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: 'case-imports'
  properties: {
    publicAccess: 'None'
  }
}

// An upload URL stays valid for minutes after its file was accepted (and deleted) or rejected, and may create
// the blob again; nothing reads such a file. This rule deletes whatever is left in the uploads container.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-stale-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${uploadsContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: staleUploadDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Every read of a case file (through the SAS URLs the API hands out) is logged, as reads through the API are.
// 2021-05-01-preview: the only non-preview version, 2016-09-01, is of the old shape (no workspace, no categories).
#disable-next-line use-recent-api-versions
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(logAnalyticsWorkspaceId)) {
  name: 'blob-access-to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

// Queue operations, among them the host's PutMessage into a "-poison" queue, which an alert rule watches
// (modules/alerts.bicep). Message bodies are never logged, only operations.
// 2021-05-01-preview: the only non-preview version, 2016-09-01, is of the old shape (no workspace, no categories).
#disable-next-line use-recent-api-versions
resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(logAnalyticsWorkspaceId)) {
  name: 'queue-operations-to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// The account's own capacity and transaction metrics.
// 2021-05-01-preview: the only non-preview version, 2016-09-01, is of the old shape (no workspace, no categories).
#disable-next-line use-recent-api-versions
resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(logAnalyticsWorkspaceId)) {
  name: 'metrics-to-log-analytics'
  scope: storage
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

@description('Name of the storage account.')
output name string = storage.name

@description('Resource id of the storage account.')
output id string = storage.id

@description('Blob endpoint, e.g. https://NAME.blob.core.windows.net/ (AzureWebJobsStorage__blobServiceUri).')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue endpoint (AzureWebJobsStorage__queueServiceUri).')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Table endpoint (AzureWebJobsStorage__tableServiceUri).')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('Name of the deployment package container.')
output deploymentContainerName string = deploymentContainer.name

@description('Name of the accepted case documents container.')
output documentsContainerName string = documentsContainer.name

@description('Name of the uploads container.')
output uploadsContainerName string = uploadsContainer.name
