// Every permission of the app's managed identity, each on the narrowest scope that works, and each
// organisation's receiving identity on its own subscription only.
// Data-plane roles only: no identity holds a management (control-plane) role anywhere.

@description('Principal (object) id of the managed identity.')
param principalId string

@description('Storage account behind AzureWebJobsStorage, the deployment package and the case files.')
param storageAccountName string

@description('Cosmos DB account.')
param cosmosAccountName string

@description('Cosmos DB database the app reads and writes (the data role is scoped to it).')
param cosmosDatabaseName string

@description('Service Bus namespace.')
param serviceBusNamespaceName string

@description('Notification topic (the app\'s Service Bus role is scoped to it).')
param serviceBusTopicName string

@description('Organisation id (a subscription name) to the principal id of the identity that receives from it.')
param notificationReceivers object = {}

@description('Application Insights component the app sends telemetry to.')
param applicationInsightsName string

// Built-in role definition ids (the same in every tenant).
var roleIds = {
  // Host storage (leases, timer schedule state, secrets), the Flex deployment package, and the
  // case-documents container. Includes generateUserDelegationKey, so the app can sign
  // user-delegation SAS; the Functions host documents this role for identity-based AzureWebJobsStorage.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Queue triggers (read, delete, poison queues) and the app's own enqueue (StorageWorkQueue).
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // The Functions host's diagnostic events table (AzureWebJobsStorage__tableServiceUri).
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // On the notification topic only: send, and manage its subscriptions and their rules (the app makes each
  // organisation's subscription, docs/decisions/0019). Data Sender cannot manage; no narrower built-in role can.
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
  // Each organisation's receiving identity, on its own subscription only.
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  // Telemetry ingestion with Entra ID (Application Insights local auth is disabled).
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Cosmos DB Built-in Data Contributor (a Cosmos data-plane role, not an Azure RBAC role).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' existing = {
  name: cosmosAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName

  resource topic 'topics' existing = {
    name: serviceBusTopicName
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roleIds.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roleIds.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.storageQueueDataContributor
    )
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roleIds.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.storageTableDataContributor
    )
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource serviceBusDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus::topic.id, principalId, roleIds.serviceBusDataOwner)
  scope: serviceBus::topic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.serviceBusDataOwner)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource receiverSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2026-01-01' existing = [
  for receiver in items(notificationReceivers): {
    parent: serviceBus::topic
    name: receiver.key
  }
]

resource serviceBusDataReceivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (receiver, i) in items(notificationReceivers): {
    name: guid(receiverSubscriptions[i].id, string(receiver.value), roleIds.serviceBusDataReceiver)
    scope: receiverSubscriptions[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.serviceBusDataReceiver)
      principalId: string(receiver.value)
    }
  }
]

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalId, roleIds.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.monitoringMetricsPublisher
    )
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: cosmos
  name: guid(cosmos.id, principalId, cosmosDataContributorRoleId, cosmosDatabaseName)
  properties: {
    principalId: principalId
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    scope: '${cosmos.id}/dbs/${cosmosDatabaseName}'
  }
}
