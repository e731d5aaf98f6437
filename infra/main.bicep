// Infrastructure of the reintegration API (Azure Functions, isolated worker, .NET 10) for azd.
// Subscription scope: makes the resource group, then everything in it through infra/modules.
// Shape after the Azure-Samples functions-quickstart-dotnet-azd template: Flex Consumption,
// one user-assigned managed identity, RBAC instead of keys, local auth disabled everywhere.
// What each setting maps to: infra/README.md.
targetScope = 'subscription'

// ---------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer Flex Consumption (FC1) and Cosmos DB serverless.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Name of the resource group. Default: rg-<environmentName>.')
param resourceGroupName string = ''

// ---------------------------------------------------------------------------------------------
// Sign-in (section "Auth" of the app). Entra ID app registration: see infra/README.md.
// ---------------------------------------------------------------------------------------------

@description('Entra tenant that issues the tokens. Default: the tenant of this deployment.')
param authTenantId string = ''

@minLength(1)
@description('Auth:Audience: the API app registration\'s client id (v2 tokens) or Application ID URI.')
param authAudience string

@description('Auth:Issuer. Default: <login endpoint><tenant>/v2.0 (the issuer of v2 access tokens).')
param authIssuer string = ''

@description('Auth:MetadataAddress. Default: <login endpoint><tenant>/v2.0/.well-known/openid-configuration.')
param authMetadataAddress string = ''

@description('Auth:RoleClaim: the claim with the programme role. Default: roles (Entra app roles).')
param authRoleClaim string = ''

@description('Auth:OrganisationClaim: the claim with the caller\'s organisation id. Default: org.')
param authOrganisationClaim string = ''

// ---------------------------------------------------------------------------------------------
// Notifications: one Service Bus subscription per organisation.
// ---------------------------------------------------------------------------------------------

@description('Ids of the partner organisations (subscription filter partnerId = \'<id>\').')
param partnerOrganisationIds string[] = []

@description('Ids of the referring organisations (subscription filter organisationId = \'<id>\').')
param referringOrganisationIds string[] = []

@description('Receiving identities: organisation id (or coordination) to the principal (object) id that may receive from that subscription only. Each id must be in one of the lists above (or be coordination).')
param notificationReceivers object = {}

// ---------------------------------------------------------------------------------------------
// Monitoring of checkpoints (app settings; empty means the app's default).
// ---------------------------------------------------------------------------------------------

@description('MonitoringDeadlineSchedule: 6-field NCRONTAB of the deadline job. Empty: hourly, 0 0 * * * *.')
param monitoringDeadlineSchedule string = ''

@description('Monitoring:ReminderDays (whole days). Empty: not set, the app\'s default (7).')
param monitoringReminderDays string = ''

@description('Monitoring:EscalationDays (whole days). Empty: not set, the app\'s default (14).')
param monitoringEscalationDays string = ''

// ---------------------------------------------------------------------------------------------
// Retention (docs/decisions/0014-retention-and-erasure.md)
// ---------------------------------------------------------------------------------------------

@description('RetentionSchedule: 6-field NCRONTAB of the retention job. Empty: daily at 02:30 UTC, 0 30 2 * * *.')
param retentionSchedule string = ''

@description('Retention:PersonalDataMonths after a case ended. Empty: not set, the app\'s default (24).')
param retentionPersonalDataMonths string = ''

@description('Retention:FinancialRecordsYears, the funder\'s audit period. Empty: not set, the app\'s default (7).')
param retentionFinancialRecordsYears string = ''

@description('ReportFiguresSchedule: 6-field NCRONTAB of the report figures job. Empty: every minute, 0 * * * * *.')
param reportFiguresSchedule string = ''

// ---------------------------------------------------------------------------------------------
// Alerts when work gets stuck (modules/alerts.bicep, docs/decisions/0016)
// ---------------------------------------------------------------------------------------------

@description('E-mail addresses told of an alert (poison queue, dead letters, 5xx rate, deadline job silent). Empty: portal only.')
param alertEmailAddresses string[] = []

@description('How long without a run of the deadline job raises an alert (ISO 8601; at least twice its schedule). Default: 2 hours, for the hourly job.')
param deadlineJobSilence string = 'PT2H'

// ---------------------------------------------------------------------------------------------
// Hosting
// ---------------------------------------------------------------------------------------------

@description('Browser origins of web clients (CORS on the API and on blob uploads/downloads). Empty: none.')
param corsAllowedOrigins string[] = []

@description('dotnet-isolated runtime version of the Flex Consumption app.')
param functionRuntimeVersion string = '10.0'

@description('Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-api-${resourceToken}'
var names = {
  resourceGroup: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  identity: 'id-api-${resourceToken}'
  storage: 'st${resourceToken}'
  cosmos: 'cosmos-${resourceToken}'
  serviceBus: 'sb-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: functionAppName
  deploymentContainer: 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
}

// The app's fixed names (shared/Reintegration.Azure: Containers, BlobDocumentFiles, WorkQueues,
// ServiceBusOptions). Changing one here means changing it there.
var cosmosDatabaseName = 'reintegration'
var notificationTopicName = 'partner-notifications'
var workQueues = [
  'checkpoint-scheduling'
  'notification-delivery'
  'case-import'
  'organisation-subscriptions'
]

// ---------------------------------------------------------------------------------------------
// Settings of the app
// ---------------------------------------------------------------------------------------------

var tenantId = empty(authTenantId) ? tenant().tenantId : authTenantId
var entraAuthority = '${environment().authentication.loginEndpoint}${tenantId}/v2.0'

var optionalSettings = union(
  empty(monitoringReminderDays) ? {} : { Monitoring__ReminderDays: string(int(monitoringReminderDays)) },
  empty(monitoringEscalationDays) ? {} : { Monitoring__EscalationDays: string(int(monitoringEscalationDays)) },
  empty(retentionPersonalDataMonths) ? {} : { Retention__PersonalDataMonths: string(int(retentionPersonalDataMonths)) },
  empty(retentionFinancialRecordsYears) ? {} : { Retention__FinancialRecordsYears: string(int(retentionFinancialRecordsYears)) }
)

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    documentsContainerName: 'case-documents'
    queueNames: flatten(map(workQueues, queue => [queue, '${queue}-poison']))
    corsAllowedOrigins: corsAllowedOrigins
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: names.cosmos
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    topicName: notificationTopicName
    partnerOrganisationIds: partnerOrganisationIds
    referringOrganisationIds: referringOrganisationIds
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    cosmosAccountName: cosmos.outputs.name
    cosmosDatabaseName: cosmos.outputs.databaseName
    serviceBusNamespaceName: serviceBus.outputs.name
    serviceBusTopicName: serviceBus.outputs.topicName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    notificationReceivers: notificationReceivers
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The identity must hold its roles before the app starts and before azd deploys the package.
  dependsOn: [
    roles
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    runtimeVersion: functionRuntimeVersion
    maximumInstanceCount: maximumInstanceCount
    corsAllowedOrigins: corsAllowedOrigins
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
    appSettings: union(
      {
        // Cosmos DB: managed identity (no Cosmos__Key), containers made by cosmos.bicep.
        Cosmos__Endpoint: cosmos.outputs.endpoint
        Cosmos__Database: cosmos.outputs.databaseName
        Cosmos__EnsureCreated: 'false'
        // Service Bus: managed identity (no ServiceBus__ConnectionString).
        ServiceBus__FullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
        ServiceBus__NotificationTopic: serviceBus.outputs.topicName
        // Entra ID bearer tokens. Auth__DevelopmentSigningKey is never set in Azure.
        Auth__Issuer: empty(authIssuer) ? entraAuthority : authIssuer
        Auth__Audience: authAudience
        Auth__MetadataAddress: empty(authMetadataAddress)
          ? '${entraAuthority}/.well-known/openid-configuration'
          : authMetadataAddress
        Auth__RoleClaim: empty(authRoleClaim) ? 'roles' : authRoleClaim
        Auth__OrganisationClaim: empty(authOrganisationClaim) ? 'org' : authOrganisationClaim
        // Timer trigger %MonitoringDeadlineSchedule%.
        MonitoringDeadlineSchedule: empty(monitoringDeadlineSchedule) ? '0 0 * * * *' : monitoringDeadlineSchedule
        // Timer trigger %RetentionSchedule%.
        RetentionSchedule: empty(retentionSchedule) ? '0 30 2 * * *' : retentionSchedule
        // Timer trigger %ReportFiguresSchedule% (docs/reports.md): how far the reports may be behind the cases.
        ReportFiguresSchedule: empty(reportFiguresSchedule) ? '0 * * * * *' : reportFiguresSchedule
        // Reference data is maintained through the API in Azure, never seeded with demo data.
        ReferenceData__SeedDemo: 'false'
      },
      optionalSettings
    )
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    namePrefix: resourceToken
    location: location
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
    serviceBusNamespaceId: serviceBus.outputs.id
    alertEmailAddresses: alertEmailAddresses
    deadlineJobSilence: deadlineJobSilence
  }
}

// Outputs: azd stores them in the environment (.azure/<env>/.env). None is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.apiBaseUrl
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICEBUS_SUBSCRIPTIONS string[] = serviceBus.outputs.subscriptionNames
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output ALERT_RULES string[] = alerts.outputs.ruleNames
