// Cosmos DB for NoSQL, serverless, keys disabled (the app signs in with its managed identity and
// a data-plane role assignment). The database and containers are created here, so the app runs
// with Cosmos:EnsureCreated=false. Partition keys: docs/decisions/0002-cosmos-partitioning.md and
// shared/Reintegration.Azure/Cosmos/Containers.cs; keep the three in step.

@description('Name of the Cosmos DB account (3-44 lower-case letters, digits and hyphens).')
@minLength(3)
@maxLength(44)
param name string

@description('Region of the account (single region).')
param location string

@description('Tags for the account.')
param tags object = {}

@description('Name of the database (Cosmos:Database).')
param databaseName string = 'reintegration'

@description('Resource id of the Log Analytics workspace that receives the account\'s logs and metrics.')
param logAnalyticsWorkspaceId string

// Indexing policy per container: only the paths the app's queries filter or sort on are indexed; the rest (the person,
// the timeline, spending, reports, log details) is not, so writes do not pay for it. The app's tests read this file and
// fail if a query in shared/Reintegration.Azure/Cosmos uses a path it leaves out (docs/decisions/0017).
var indexingPolicies = loadJsonContent('cosmos-indexing.json')

// Containers.All: name, partition key, default TTL (-1: on, per-item TTL; absent: off).
var containers = [
  {
    name: 'cases'
    partitionKeyPath: '/id'
    defaultTtl: null
  }
  {
    name: 'reference'
    partitionKeyPath: '/kind'
    defaultTtl: null
  }
  {
    name: 'idempotency'
    partitionKeyPath: '/id'
    defaultTtl: -1
  }
  {
    name: 'documents'
    partitionKeyPath: '/caseId'
    defaultTtl: null
  }
  {
    name: 'access-log'
    partitionKeyPath: '/caseId'
    defaultTtl: null
  }
  {
    // The report figures: one document per case and the job's state (docs/reports.md).
    name: 'report-figures'
    partitionKeyPath: '/kind'
    defaultTtl: null
  }
  {
    name: 'imports'
    partitionKeyPath: '/id'
    defaultTtl: null
  }
  {
    name: 'notifications'
    partitionKeyPath: '/organisationId'
    defaultTtl: null
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: union(
        {
          id: container.name
          partitionKey: {
            paths: [
              container.partitionKeyPath
            ]
            kind: 'Hash'
            version: 2
          }
          indexingPolicy: indexingPolicies[container.name]
        },
        container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl }
      )
    }
  }
]

// Data-plane and control-plane requests (operation, status, duration; never item contents) and the metrics.
// QueryRuntimeStatistics is left out: it holds query text.
// 2021-05-01-preview: the only non-preview version, 2016-09-01, is of the old shape (no workspace, no categories).
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Requests'
        enabled: true
      }
    ]
  }
}

@description('Name of the account.')
output name string = account.name

@description('Resource id of the account.')
output id string = account.id

@description('Account endpoint, e.g. https://NAME.documents.azure.com:443/ (Cosmos:Endpoint).')
output endpoint string = account.properties.documentEndpoint

@description('Name of the database; depends on the database, so role assignments scoped to it wait for it.')
output databaseName string = database.name
